package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.TestFiles;

/** Metadata goes, pixels stay: checked with Tika's own metadata reader and by decoding both images. */
class ImageMetadataTests {

	private final DocumentCheck check = new DocumentCheck(10 * 1024 * 1024, 50_000_000,
			java.util.List.of("application/pdf", "image/jpeg", "image/png"));

	@Test
	void phonePhotoWithGps_storedWithoutLocationOrComment_samePixels() throws Exception {
		byte[] photo = TestFiles.jpegWithGps();
		assertThat(metadata(photo).get(TikaCoreProperties.LATITUDE)).as("the corpus photo has a position")
			.isNotNull();

		DocumentCheck.Result result = check.check("IMG_0001.jpg", photo);

		assertThat(result.accepted()).isTrue();
		byte[] kept = result.content();
		Metadata after = metadata(kept);
		assertThat(after.get(TikaCoreProperties.LATITUDE)).isNull();
		assertThat(after.get(TikaCoreProperties.LONGITUDE)).isNull();
		assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("Elm Street");
		assertSamePixels(photo, kept);
	}

	@Test
	void phonePhotoOrientation_keptSoTheReviewerSeesItUpright() throws Exception {
		byte[] kept = check.check("IMG_0001.jpg", TestFiles.jpegWithGps()).content();
		assertThat(metadata(kept).get("Exif IFD0:Orientation")).contains("90");
		assertThat(metadata(TestFiles.jpeg()).get("Exif IFD0:Orientation")).isNull();
	}

	@Test
	void pngTextChunks_removed_samePixels() throws Exception {
		byte[] png = TestFiles.pngWithText();
		assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains("Jordan Rivera");

		byte[] kept = check.check("id.png", png).content();

		assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("Jordan Rivera")
			.doesNotContain("41.76");
		assertSamePixels(png, kept);
	}

	@Test
	void dataAfterTheImage_dropped() throws Exception {
		byte[] jpeg = TestFiles.concat(TestFiles.jpeg(), "appended secret".getBytes(StandardCharsets.ISO_8859_1));
		byte[] kept = check.check("id.jpg", jpeg).content();
		assertThat(kept).isEqualTo(TestFiles.jpeg());
		byte[] png = TestFiles.concat(TestFiles.png(), "appended secret".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(check.check("id.png", png).content()).isEqualTo(TestFiles.png());
	}

	@Test
	void cleanImage_unchanged() {
		assertThat(check.check("id.png", TestFiles.png()).content()).isEqualTo(TestFiles.png());
	}

	private static void assertSamePixels(byte[] original, byte[] stripped) throws IOException {
		BufferedImage before = ImageIO.read(new ByteArrayInputStream(original));
		BufferedImage after = ImageIO.read(new ByteArrayInputStream(stripped));
		assertThat(after.getWidth()).isEqualTo(before.getWidth());
		assertThat(after.getHeight()).isEqualTo(before.getHeight());
		for (int y = 0; y < before.getHeight(); y++) {
			for (int x = 0; x < before.getWidth(); x++) {
				assertThat(after.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(before.getRGB(x, y));
			}
		}
	}

	private static Metadata metadata(byte[] content) throws Exception {
		Metadata metadata = new Metadata();
		new AutoDetectParser().parse(new ByteArrayInputStream(content), new BodyContentHandler(), metadata,
				new ParseContext());
		return metadata;
	}

}
