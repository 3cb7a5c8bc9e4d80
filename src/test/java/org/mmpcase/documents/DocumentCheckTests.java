package org.mmpcase.documents;

import org.mmpcase.support.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DocumentCheckTests {

	private static final List<String> ALLOWED = List.of("application/pdf", "image/jpeg", "image/png", "image/heic",
			"image/heif");

	private final DocumentCheck check = new DocumentCheck(10 * 1024 * 1024, ALLOWED);

	@Test
	void pdfPngJpegAndHeic_accepted() {
		assertThat(check.check("lease.pdf", TestFiles.pdf()).detectedType()).isEqualTo("application/pdf");
		assertThat(check.check("lease.pdf", TestFiles.pdf()).accepted()).isTrue();
		assertThat(check.check("licence.png", TestFiles.png()).detectedType()).isEqualTo("image/png");
		assertThat(check.check("licence.png", TestFiles.png()).accepted()).isTrue();
		assertThat(check.check("IMG_0001.JPG", TestFiles.jpeg()).detectedType()).isEqualTo("image/jpeg");
		assertThat(check.check("IMG_0001.JPG", TestFiles.jpeg()).accepted()).isTrue();
		assertThat(check.check("photo.jpeg", TestFiles.jpeg()).accepted()).isTrue();
		assertThat(check.check("IMG_0002.HEIC", TestFiles.heic()).accepted()).isTrue();
	}

	@Test
	void missingExtension_fine() {
		assertThat(check.check("scan", TestFiles.pdf()).accepted()).isTrue();
		assertThat(check.check(null, TestFiles.png()).accepted()).isTrue();
	}

	@Test
	void empty_rejected() {
		DocumentCheck.Result result = check.check("scan.pdf", new byte[0]);
		assertThat(result.reason()).isEqualTo(DocumentCheck.Reason.EMPTY);
		assertThat(result.message()).contains("empty");
	}

	@Test
	void tooLarge_rejectedWithTheLimitInTheMessage() {
		DocumentCheck small = new DocumentCheck(100, ALLOWED);
		DocumentCheck.Result result = small.check("scan.png", TestFiles.png().length > 100 ? TestFiles.png()
				: new byte[101]);
		assertThat(result.reason()).isEqualTo(DocumentCheck.Reason.TOO_LARGE);
		assertThat(result.message()).contains("100 bytes");
		assertThat(new DocumentCheck(2 * 1024 * 1024, ALLOWED).check("big.pdf", new byte[2 * 1024 * 1024 + 1])
			.message()).contains("2 MB");
	}

	@Test
	void zipAndHtml_rejectedWhateverTheirName() {
		DocumentCheck.Result zip = check.check("scan.pdf", TestFiles.zip());
		assertThat(zip.reason()).isEqualTo(DocumentCheck.Reason.TYPE_NOT_ALLOWED);
		assertThat(zip.detectedType()).isEqualTo("application/zip");
		DocumentCheck.Result html = check.check("licence.png", TestFiles.html());
		assertThat(html.reason()).isEqualTo(DocumentCheck.Reason.TYPE_NOT_ALLOWED);
		assertThat(html.message()).contains("PDF or a photo");
		assertThat(check.check("notes.txt", "just text".getBytes()).reason())
			.isEqualTo(DocumentCheck.Reason.TYPE_NOT_ALLOWED);
	}

	@Test
	void pdfNameOnAPng_extensionMismatch() {
		DocumentCheck.Result result = check.check("bill.pdf", TestFiles.png());
		assertThat(result.reason()).isEqualTo(DocumentCheck.Reason.EXTENSION_MISMATCH);
		assertThat(result.detectedType()).isEqualTo("image/png");
		assertThat(result.message()).contains(".pdf").contains("PNG");
		assertThat(check.check("photo.png", TestFiles.jpeg()).reason())
			.isEqualTo(DocumentCheck.Reason.EXTENSION_MISMATCH);
	}

	@Test
	void typeNotConfigured_rejected() {
		DocumentCheck pdfOnly = new DocumentCheck(1024 * 1024, List.of("application/pdf"));
		assertThat(pdfOnly.check("licence.png", TestFiles.png()).reason())
			.isEqualTo(DocumentCheck.Reason.TYPE_NOT_ALLOWED);
	}

}
