package org.mmpcase.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.util.FileSystemUtils;

/**
 * Not a test: what a reviewer waits for a preview of a 10 MB scanned PDF ({@link DocumentCheckBenchmark#scannedPdf},
 * 3 letter pages, one JPEG each), and which image format the pages are sent in. "Cold" is a new
 * {@link DocumentPreviews} per run, so nothing is cached: the page count (read, verify, open), then the page (read,
 * verify, open, render, encode), as the workspace asks for them. Goal: first page under 1 s cold. Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.mmpcase.documents.DocumentPreviewBenchmark}
 */
public final class DocumentPreviewBenchmark {

	private static final int WARM_UP = 3;

	private static final int RUNS = 20;

	private DocumentPreviewBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		System.out.printf(Locale.ROOT, "Java %s, %s %s, %d cores, max heap %d MB, load average %.1f%n",
				System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		byte[] scan = DocumentCheckBenchmark.scannedPdf(10 * 1024 * 1024);
		formats(scan);
		Path dir = Files.createTempDirectory("preview-benchmark-");
		try {
			previews(scan, dir);
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	/** PNG against JPEG (quality 0.85) for a scanned and a text page at 150 dpi: size and time to encode. */
	private static void formats(byte[] scan) throws IOException {
		System.out.printf(Locale.ROOT, "%n%-22s %-12s %10s %14s%n", "page at 150 dpi", "format", "size", "encode p50");
		for (String name : new String[] { "scanned page", "text page" }) {
			BufferedImage page = render(name.startsWith("scanned") ? scan : textPdf());
			double[] png = times(() -> png(page).length);
			double[] jpeg = times(() -> PdfPageRenderer.jpeg(page).length);
			System.out.printf(Locale.ROOT, "%-22s %-12s %7.0f KB %11.1f ms%n", name, "PNG", png(page).length / 1024.0,
					percentile(png, 50));
			System.out.printf(Locale.ROOT, "%-22s %-12s %7.0f KB %11.1f ms%n", name, "JPEG 0.85",
					PdfPageRenderer.jpeg(page).length / 1024.0, percentile(jpeg, 50));
		}
	}

	private static void previews(byte[] scan, Path dir) {
		FileSystemDocumentStorage storage = new FileSystemDocumentStorage(dir);
		String key = storage.store(scan);
		Document document = new Document(null, Document.Category.RESIDENCY, "lease", "scan.pdf", "application/pdf",
				scan.length, Checksums.sha256(scan), key, Instant.now());
		DocumentPreviewProperties properties = DocumentPreviewProperties.defaults();
		System.out.printf(Locale.ROOT, "%n%-34s %10s %10s %10s%n", "10 MB scanned PDF, 3 pages", "p50", "p95",
				"image");
		for (int page = 1; page <= 3; page++) {
			int number = page;
			int[] size = new int[1];
			double[] cold = times(() -> {
				DocumentPreviews previews = new DocumentPreviews(storage, properties);
				previews.preview(document);
				size[0] = previews.page(document, number).content().length;
				return size[0];
			});
			print("page " + number + " cold (count + page)", cold, size[0]);
		}
		double[] countOnly = times(() -> new DocumentPreviews(storage, properties).preview(document).pages());
		print("page count only (preview) cold", countOnly, 0);
		DocumentPreviews warm = new DocumentPreviews(storage, properties);
		warm.page(document, 1);
		double[] cached = times(() -> warm.page(document, 1).content().length);
		print("page 1 cached", cached, warm.page(document, 1).content().length);
	}

	private static void print(String what, double[] millis, int bytes) {
		System.out.printf(Locale.ROOT, "%-34s %7.1f ms %7.1f ms %7s%n", what, percentile(millis, 50),
				percentile(millis, 95), bytes == 0 ? "" : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0));
	}

	private static double[] times(Supplier<Integer> work) {
		for (int i = 0; i < WARM_UP; i++) {
			work.get();
		}
		double[] millis = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			work.get();
			millis[i] = (System.nanoTime() - start) / 1_000_000.0;
		}
		Arrays.sort(millis);
		return millis;
	}

	/** Nearest rank on sorted values. */
	private static double percentile(double[] sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

	private static BufferedImage render(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFRenderer renderer = new PDFRenderer(document);
			renderer.setSubsamplingAllowed(true);
			return renderer.renderImageWithDPI(0, 150, ImageType.RGB);
		}
	}

	private static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A letter page of 10 pt text, 60 lines: a bank statement or a lease. */
	private static byte[] textPdf() throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.LETTER);
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
				content.setLeading(12);
				content.newLineAtOffset(54, 740);
				for (int line = 1; line <= 60; line++) {
					content.showText(String.format(Locale.ROOT, "%02d/11/2026  Payment to Hartford Electric Light Co.,"
							+ " account 0061-4432, 12 Elm Street  %8.2f", line % 28 + 1, line * 17.35));
					content.newLine();
				}
				content.endText();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

}
