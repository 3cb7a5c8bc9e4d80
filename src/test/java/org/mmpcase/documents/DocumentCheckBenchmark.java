package org.mmpcase.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Not a test: what the document check costs next to just reading and hashing the same bytes (the figure tracked in
 * docs/benchmarks.md; goal: within 3x). Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.mmpcase.documents.DocumentCheckBenchmark}
 */
public final class DocumentCheckBenchmark {

	private static final int WARM_UP = 10;

	private static final int RUNS = 30;

	private DocumentCheckBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		DocumentCheck check = new DocumentCheck(12 * 1024 * 1024, 50_000_000,
				List.of("application/pdf", "image/jpeg", "image/png"));
		byte[] jpeg = photo(5 * 1024 * 1024);
		byte[] pdf = scannedPdf(10 * 1024 * 1024);
		System.out.printf(Locale.ROOT, "Java %s, %s %s, %d cores%n", System.getProperty("java.version"),
				System.getProperty("os.name"), System.getProperty("os.arch"),
				Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "%-28s %10s %12s %12s %7s%n", "file", "size", "read+hash", "check", "ratio");
		measure("scanned PDF, 3 pages", "scan.pdf", pdf, check);
		measure("phone photo JPEG", "photo.jpg", jpeg, check);
	}

	private static void measure(String name, String filename, byte[] content, DocumentCheck check)
			throws IOException {
		Path file = Files.createTempFile("benchmark-", filename);
		try {
			Files.write(file, content);
			DocumentCheck.Result result = check.check(filename, content);
			if (!result.accepted()) {
				throw new IllegalStateException(name + " refused: " + result.reason());
			}
			double readHash = readAndHash(file);
			double checked = median(() -> check.check(filename, content).content().length);
			System.out.printf(Locale.ROOT, "%-28s %7.1f MB %9.1f ms %9.1f ms %6.2fx%n", name,
					content.length / (1024.0 * 1024.0), readHash, checked, checked / readHash);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** What reading a stored document always cost: the file read and its SHA-256 (median, ms). */
	static double readAndHash(Path file) {
		return median(() -> {
			try {
				return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)).length;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/** The median time of {@code work} in ms, over {@value #RUNS} runs after {@value #WARM_UP} warm-up runs. */
	static double median(Supplier<Integer> work) {
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
		return millis[RUNS / 2];
	}

	/** A photo-like JPEG of about {@code targetBytes}: noise over gradients compresses like a camera image. */
	static byte[] photo(int targetBytes) throws IOException {
		int width = 2400;
		byte[] jpeg = new byte[0];
		while (jpeg.length < targetBytes * 0.95) {
			jpeg = jpeg(width, width * 3 / 4, 0.92f);
			width = (int) (width * Math.sqrt((double) targetBytes / jpeg.length));
		}
		return jpeg;
	}

	private static byte[] jpeg(int width, int height, float quality) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new java.awt.GradientPaint(0, 0, Color.WHITE, width, height, Color.DARK_GRAY));
		graphics.fillRect(0, 0, width, height);
		graphics.dispose();
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int rgb = image.getRGB(x, y);
				int noise = random.nextInt(48) - 24;
				int r = clamp(((rgb >> 16) & 0xFF) + noise);
				int g = clamp(((rgb >> 8) & 0xFF) + noise);
				int b = clamp((rgb & 0xFF) + noise);
				image.setRGB(x, y, r << 16 | g << 8 | b);
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(quality);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		writer.dispose();
		return out.toByteArray();
	}

	/** What a scanner produces: one JPEG per page, a line of text, about {@code targetBytes} in all. */
	public static byte[] scannedPdf(int targetBytes) throws IOException {
		byte[] page = photo(targetBytes / 3);
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < 3; i++) {
				PDPage pdfPage = new PDPage(PDRectangle.LETTER);
				document.addPage(pdfPage);
				PDImageXObject image = JPEGFactory.createFromByteArray(document, page);
				try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
					content.drawImage(image, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
					content.newLineAtOffset(72, 72);
					content.showText("Page " + (i + 1));
					content.endText();
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	private static int clamp(int value) {
		return Math.max(0, Math.min(255, value));
	}

}
