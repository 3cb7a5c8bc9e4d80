package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmpcase.documents.DocumentPreviews.PageImage;
import org.mmpcase.documents.DocumentPreviews.Preview;
import org.mmpcase.support.TestFiles;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.unit.DataSize;

class DocumentPreviewsTests {

	private static final long MAX_PAGE_PIXELS = 16_000_000;

	@TempDir
	Path dir;

	private final AtomicInteger nextId = new AtomicInteger(1);

	@Test
	void threePageTextPdf_pagesRenderedAtTheConfiguredDpi() throws IOException {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage, properties());
		Document lease = store(storage, pdf(3, PDRectangle.LETTER, null), "application/pdf");

		Preview preview = previews.preview(lease);
		PageImage page = previews.page(lease, 2);

		assertThat(preview).isEqualTo(new Preview(true, "pdf", 3, null, null));
		assertThat(page.contentType()).isEqualTo("image/jpeg");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(page.content()));
		// letter is 8.5 x 11 inches: 1275 x 1650 pixels at 150 dpi, less the last row PDFBox loses to float
		// rounding (792 x 150/72f = 1649.9999)
		assertThat(image.getWidth()).isEqualTo(1275);
		assertThat(image.getHeight()).isEqualTo(1649);
		assertThat(darkPixels(image)).as("the text was drawn").isPositive();
		assertThatThrownBy(() -> previews.page(lease, 4)).isInstanceOf(NoSuchPageException.class)
			.hasMessageContaining("3 pages");
		assertThatThrownBy(() -> previews.page(lease, 0)).isInstanceOf(NoSuchPageException.class);
	}

	@Test
	void pdfWithTooManyPages_unavailableWithoutRendering() throws IOException {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage, properties());
		Document statements = store(storage, pdf(500, PDRectangle.LETTER, null), "application/pdf");

		Preview preview = previews.preview(statements);

		assertThat(preview.available()).isFalse();
		assertThat(preview.reason()).isEqualTo("TOO_MANY_PAGES");
		assertThat(preview.message())
			.isEqualTo("This PDF has 500 pages; previews are made for at most 50. Open the original file instead.");
		assertThat(preview.pages()).isNull();
		assertThatThrownBy(() -> previews.page(statements, 1)).isInstanceOfSatisfying(
				PreviewUnavailableException.class, ex -> assertThat(ex.reason()).isEqualTo("TOO_MANY_PAGES"));
	}

	@Test
	void posterSizedPage_renderedAtTheLowerDpiThatFitsTheMaximumPixels() throws IOException {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage, properties());
		// 34 x 44 inches (ARCH E): 5100 x 6600 = 33.7 megapixels at 150 dpi
		Document plan = store(storage, pdf(1, new PDRectangle(34 * 72, 44 * 72), null), "application/pdf");

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(previews.page(plan, 1).content()));

		long pixels = (long) image.getWidth() * image.getHeight();
		assertThat(pixels).isLessThanOrEqualTo(MAX_PAGE_PIXELS).isGreaterThan(15_000_000);
		// 103 dpi: the highest whole resolution at which it fits
		assertThat(image.getWidth()).isEqualTo(34 * 103);
		assertThat(image.getHeight()).isEqualTo((int) Math.floor(44 * 72 * (103 / 72f)));
	}

	@Test
	void pageOf200By200Inches_tooLargeEvenAt36Dpi() throws IOException {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage, properties());
		Document huge = store(storage, pdf(1, new PDRectangle(200 * 72, 200 * 72), null), "application/pdf");

		assertThat(previews.preview(huge).pages()).isEqualTo(1);
		// 36 dpi would still be 7200 x 7200 = 51.8 megapixels
		assertThat(PdfPageRenderer.pixels(200 * 72, 200 * 72, 36)).isEqualTo(7200.0 * 7200);
		assertThatThrownBy(() -> previews.page(huge, 1)).isInstanceOfSatisfying(PreviewUnavailableException.class,
				ex -> {
					assertThat(ex.reason()).isEqualTo("PAGE_TOO_LARGE");
					assertThat(ex.getMessage()).isEqualTo("Page 1 of this PDF measures 200 x 200 inches, too large"
							+ " to preview. Open the original file instead.");
				});
	}

	@Test
	void imageDeclaring20000By20000Pixels_tooLargeWithoutDecodingIt() throws IOException {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage, properties());
		// 16 bytes of data: only the declared size can make this PAGE_TOO_LARGE (drawing it, PDFBox would fail to
		// decode the image, skip it and hand back a blank page)
		Document bomb = store(storage, pdf(1, PDRectangle.LETTER, (document, content) -> {
			PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(new byte[16]),
					COSName.FLATE_DECODE, 20_000, 20_000, 8, PDDeviceRGB.INSTANCE);
			content.drawImage(image, 0, 0, 612, 792);
		}), "application/pdf");

		long start = System.nanoTime();
		assertThatThrownBy(() -> previews.page(bomb, 1)).isInstanceOfSatisfying(PreviewUnavailableException.class,
				ex -> {
					assertThat(ex.reason()).isEqualTo("PAGE_TOO_LARGE");
					assertThat(ex.getMessage()).contains("an image of 20000 x 20000 pixels");
				});
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void contentStreamInflatingFarBeyondItsSize_tooLargeWithoutHoldingIt() throws IOException {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage, properties());
		// 200 MB of spaces compress to about 200 KB; PDFBox would inflate all of it into memory before drawing
		Document bomb = store(storage, pdfWithContent(out -> {
			byte[] spaces = new byte[1024 * 1024];
			Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 200; i++) {
				out.write(spaces);
			}
		}), "application/pdf");

		assertThatThrownBy(() -> previews.page(bomb, 1)).isInstanceOfSatisfying(PreviewUnavailableException.class,
				ex -> assertThat(ex.getMessage()).contains("more than 100 MB of drawing instructions"));
	}

	@Test
	void garbageStoredAsPdf_damaged_andNotParsedAgainOnTheNextRequest() {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage, properties());
		byte[] garbage = new byte[4096];
		new Random(7).nextBytes(garbage);
		Document scan = store(storage, TestFiles.concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), garbage),
				"application/pdf");

		Preview first = previews.preview(scan);
		Preview second = previews.preview(scan);

		assertThat(first.available()).isFalse();
		assertThat(first.reason()).isEqualTo("DAMAGED");
		assertThat(first.message()).endsWith("Open the original file instead.");
		assertThat(second).isEqualTo(first);
		assertThat(storage.reads.get()).isEqualTo(1);
		assertThatThrownBy(() -> previews.page(scan, 1)).isInstanceOfSatisfying(PreviewUnavailableException.class,
				ex -> assertThat(ex.reason()).isEqualTo("DAMAGED"));
		assertThat(storage.reads.get()).isEqualTo(1);
	}

	@Test
	void storedFileChangedAfterUpload_unreadable() throws IOException {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage, properties());
		Document lease = store(storage, pdf(1, PDRectangle.LETTER, null), "application/pdf");
		Files.write(storage.files.pathOf(lease.getStorageKey()), TestFiles.pdf("Forged lease"));

		Preview preview = previews.preview(lease);

		assertThat(preview.available()).isFalse();
		assertThat(preview.reason()).isEqualTo("UNREADABLE");
		assertThat(preview.message()).endsWith("Open the original file instead.");
		assertThatThrownBy(() -> previews.page(lease, 1)).isInstanceOfSatisfying(PreviewUnavailableException.class,
				ex -> assertThat(ex.reason()).isEqualTo("UNREADABLE"));
	}

	@Test
	void diskErrorWhileReading_notKept_nextRequestTriesAgain() throws IOException {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage, properties());
		Document lease = store(storage, pdf(2, PDRectangle.LETTER, null), "application/pdf");
		storage.failNextRead = true;

		assertThatThrownBy(() -> previews.preview(lease)).isInstanceOf(UncheckedIOException.class);
		Preview preview = previews.preview(lease);

		assertThat(preview.pages()).isEqualTo(2);
		assertThat(storage.reads.get()).isEqualTo(2);
	}

	@Test
	void pageWithMillionsOfOperators_stopsAtTheTimeout() throws IOException {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage,
				properties(Duration.ofMillis(50), 2, DataSize.ofMegabytes(128)));
		// a million full-page diagonal strokes: more than 5 seconds to draw on a 2-core machine
		Document slow = store(storage, pdfWithContent(out -> {
			byte[] stroke = "0 0 m 612 792 l S\n".getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < 1_000_000; i++) {
				out.write(stroke);
			}
		}), "application/pdf");
		assertThat(previews.preview(slow).available()).isTrue();

		long start = System.nanoTime();
		assertThatThrownBy(() -> previews.page(slow, 1)).isInstanceOfSatisfying(PreviewUnavailableException.class,
				ex -> {
					assertThat(ex.reason()).isEqualTo("TIMEOUT");
					assertThat(ex.getMessage()).isEqualTo("Page 1 of this PDF took longer than 50 ms to prepare, so"
							+ " no preview is shown. Open the original file instead.");
				});
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void jpegAndPngPhotos_shownAsStored() {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage, properties());
		Document licence = store(storage, TestFiles.jpeg(), "image/jpeg");
		Document bill = store(storage, TestFiles.png(), "image/png");

		assertThat(previews.preview(licence)).isEqualTo(new Preview(true, "image", 1, null, null));
		assertThat(previews.preview(bill)).isEqualTo(new Preview(true, "image", 1, null, null));
		assertThat(previews.page(licence, 1).contentType()).isEqualTo("image/jpeg");
		assertThat(previews.page(licence, 1).content()).isEqualTo(TestFiles.jpeg());
		assertThat(previews.page(bill, 1).contentType()).isEqualTo("image/png");
		assertThat(previews.page(bill, 1).content()).isEqualTo(TestFiles.png());
		assertThatThrownBy(() -> previews.page(licence, 2)).isInstanceOf(NoSuchPageException.class);
	}

	@Test
	void typeOtherThanPdfOrPhoto_notPreviewable_withoutReadingIt() {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage, properties());
		Document archive = store(storage, TestFiles.zip(), "application/zip");

		Preview preview = previews.preview(archive);

		assertThat(preview.reason()).isEqualTo("NOT_PREVIEWABLE");
		assertThat(preview.message())
			.isEqualTo("Files of type application/zip are not previewed. Open the original file instead.");
		assertThat(storage.reads.get()).isZero();
	}

	@Test
	void samePageAskedAgain_servedFromTheCacheWithoutReadingStorage() throws IOException {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage, properties());
		Document lease = store(storage, pdf(3, PDRectangle.LETTER, null), "application/pdf");

		PageImage first = previews.page(lease, 2);
		int readsForFirst = storage.reads.get();
		PageImage second = previews.page(lease, 2);

		// the page count (preview), then the page itself
		assertThat(readsForFirst).isEqualTo(2);
		assertThat(storage.reads.get()).isEqualTo(readsForFirst);
		assertThat(second.content()).isSameAs(first.content());
		previews.page(lease, 3);
		assertThat(storage.reads.get()).as("another page is rendered from the file").isEqualTo(3);
	}

	@Test
	void photo_readOnceForPreviewAndPage() {
		CountingStorage storage = CountingStorage.of(dir);
		DocumentPreviews previews = new DocumentPreviews(storage, properties());
		Document licence = store(storage, TestFiles.jpeg(), "image/jpeg");

		previews.preview(licence);
		previews.page(licence, 1);
		previews.page(licence, 1);

		assertThat(storage.reads.get()).isEqualTo(1);
	}

	@Test
	void manyRequestsAtOnce_atMostConcurrencyDocumentsReadAndRendered() throws Exception {
		CountingStorage storage = CountingStorage.of(dir);
		storage.readDelay = Duration.ofMillis(100);
		DocumentPreviews previews = new DocumentPreviews(storage,
				properties(Duration.ofSeconds(10), 2, DataSize.ofMegabytes(1)));
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			documents.add(store(storage, TestFiles.pdf("Statement " + i), "application/pdf"));
		}
		ExecutorService reviewers = Executors.newFixedThreadPool(6);
		try {
			List<Future<Preview>> answers = new ArrayList<>();
			for (Document document : documents) {
				answers.add(reviewers.submit(() -> previews.preview(document)));
			}
			for (Future<Preview> answer : answers) {
				assertThat(answer.get().available()).isTrue();
			}
		}
		finally {
			reviewers.shutdownNow();
		}

		assertThat(storage.mostAtOnce.get()).isEqualTo(2);
	}

	private Document store(CountingStorage storage, byte[] content, String type) {
		String key = storage.store(content);
		Document document = new Document(null, Document.Category.RESIDENCY, "lease", "upload", type, content.length,
				Checksums.sha256(content), key, Instant.now());
		ReflectionTestUtils.setField(document, "id", (long) nextId.getAndIncrement());
		return document;
	}

	private static DocumentPreviewProperties properties() {
		return DocumentPreviewProperties.defaults();
	}

	private static DocumentPreviewProperties properties(Duration timeout, int concurrency, DataSize cacheSize) {
		return new DocumentPreviewProperties(50, 150, MAX_PAGE_PIXELS, 150_000_000, timeout, concurrency, cacheSize);
	}

	private interface PageContent {

		void draw(PDDocument document, PDPageContentStream content) throws IOException;

	}

	/** {@code pages} pages of {@code size} with a line of text each, and whatever {@code extra} draws. */
	private static byte[] pdf(int pages, PDRectangle size, PageContent extra) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (int i = 1; i <= pages; i++) {
				PDPage page = new PDPage(size);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					if (extra != null) {
						extra.draw(document, content);
					}
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
					content.newLineAtOffset(72, size.getHeight() - 96);
					content.showText("Lease, page " + i + ": Jordan Rivera, 12 Elm Street, Hartford 06106");
					content.endText();
				}
			}
			return save(document);
		}
	}

	/** One letter page whose content stream (compressed) is what {@code content} writes. */
	private static byte[] pdfWithContent(ContentWriter content) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.LETTER);
			document.addPage(page);
			PDStream stream = new PDStream(document);
			try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
				content.write(out);
			}
			page.setContents(stream);
			return save(document);
		}
	}

	private interface ContentWriter {

		void write(OutputStream out) throws IOException;

	}

	private static byte[] save(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}

	private static long darkPixels(BufferedImage image) {
		long dark = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xFF) < 128) {
					dark++;
				}
			}
		}
		return dark;
	}

	/** The real file storage, counting reads, and how many ran at the same time. */
	static final class CountingStorage implements DocumentStorage {

		final FileSystemDocumentStorage files;

		final AtomicInteger reads = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		private final AtomicInteger atOnce = new AtomicInteger();

		volatile Duration readDelay = Duration.ZERO;

		volatile boolean failNextRead;

		private CountingStorage(FileSystemDocumentStorage files) {
			this.files = files;
		}

		static CountingStorage of(Path dir) {
			return new CountingStorage(new FileSystemDocumentStorage(dir));
		}

		@Override
		public String store(byte[] content) {
			return files.store(content);
		}

		@Override
		public byte[] read(String key) {
			return files.read(key);
		}

		@Override
		public byte[] read(String key, String expectedSha256) {
			reads.incrementAndGet();
			if (failNextRead) {
				failNextRead = false;
				throw new UncheckedIOException(new IOException("Input/output error"));
			}
			mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
			try {
				// a slow disk, so that requests overlap
				Thread.sleep(readDelay.toMillis());
				return files.read(key, expectedSha256);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			finally {
				atOnce.decrementAndGet();
			}
		}

		@Override
		public void delete(String key) {
			files.delete(key);
		}

		@Override
		public void forEachKeyWrittenBefore(Instant cutoff, Consumer<String> action) {
			files.forEachKeyWrittenBefore(cutoff, action);
		}

	}

}
