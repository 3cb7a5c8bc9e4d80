package org.mmpcase.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;

/**
 * Pages of an applicant's PDF as JPEG images, so that no reviewer's browser ever parses an uploaded PDF. Every page
 * is bounded before and while it is drawn: its image must fit {@code max-page-pixels} (a large page is drawn at a
 * lower resolution, down to {@value #MIN_DPI} dpi), what it would make PDFBox decode must fit
 * ({@link PdfPageLimits}), and drawing stops at the timeout ({@link BoundedPdfRenderer}).
 * <p>
 * JPEG (quality 0.85), not PNG. Measured on a letter page at 150 dpi ({@code DocumentPreviewBenchmark}, 2 shared
 * cores): a scanned page is 396 KB and 24 ms to encode as JPEG against 2,647 KB and 154 ms as PNG; a page of 10 pt
 * text is about the same size either way (626 KB against 630 KB) and still faster as JPEG (21 ms against 54 ms), and
 * stays readable. One format for every page keeps the cache and the browser simple.
 */
final class PdfPageRenderer {

	static final String CONTENT_TYPE = "image/jpeg";

	/** Below this a page image is a thumbnail without readable text (letter: 306 x 396): the original serves better. */
	private static final int MIN_DPI = 36;

	/** What one page may make PDFBox decode besides its images, which are bounded by their declared size. */
	private static final long MAX_DECODED_BYTES = 100L * 1024 * 1024;

	/**
	 * Scratch memory for streams PDFBox writes itself, in memory (no temporary files) and bounded. It does not bound
	 * reading: PDFBox 3 decodes every stream it reads into the heap whatever this says, which is why
	 * {@link PdfPageLimits} looks at a page first.
	 */
	private static final long SCRATCH_BYTES = 16L * 1024 * 1024;

	private static final float JPEG_QUALITY = 0.85f;

	private final int dpi;

	private final long maxPagePixels;

	private final long maxImagePixels;

	private final Duration timeout;

	PdfPageRenderer(int dpi, long maxPagePixels, long maxImagePixels, Duration timeout) {
		this.dpi = dpi;
		this.maxPagePixels = maxPagePixels;
		this.maxImagePixels = maxImagePixels;
		this.timeout = timeout;
	}

	/** @throws PreviewUnavailableException DAMAGED when PDFBox cannot open it or it has no pages */
	int pageCount(byte[] pdf) {
		try (PDDocument document = load(pdf)) {
			int pages = document.getNumberOfPages();
			if (pages < 1) {
				throw PreviewUnavailableException.damaged(null);
			}
			return pages;
		}
		catch (PreviewUnavailableException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// PDFBox reports broken structure as IOException and, for some damage, as runtime exceptions
			throw PreviewUnavailableException.damaged(ex);
		}
	}

	/**
	 * Page {@code number} (1-based, within the page count) as a JPEG.
	 * @throws PreviewUnavailableException PAGE_TOO_LARGE, TIMEOUT or DAMAGED
	 */
	byte[] render(byte[] pdf, int number) {
		long deadline = System.nanoTime() + timeout.toNanos();
		BoundedPdfRenderer renderer = null;
		try (PDDocument document = load(pdf)) {
			PDPage page = document.getPage(number - 1);
			int resolution = resolutionFor(page, number);
			Optional<String> tooLarge = PdfPageLimits.problemOf(page, maxImagePixels, MAX_DECODED_BYTES);
			if (tooLarge.isPresent()) {
				throw PreviewUnavailableException.pageTooLarge(number, tooLarge.get());
			}
			renderer = new BoundedPdfRenderer(document, deadline, maxImagePixels);
			// scans: a JPEG is decoded at the resolution the page needs, not its own (several times faster)
			renderer.setSubsamplingAllowed(true);
			BufferedImage image = renderer.renderImageWithDPI(number - 1, resolution, ImageType.RGB);
			if (renderer.deadlinePassed()) {
				throw new BoundedPdfRenderer.DeadlinePassed();
			}
			return jpeg(image);
		}
		catch (PreviewUnavailableException ex) {
			throw ex;
		}
		catch (BoundedPdfRenderer.DeadlinePassed ex) {
			throw PreviewUnavailableException.timeout(number, timeout);
		}
		catch (BoundedPdfRenderer.ImageTooLarge ex) {
			throw PreviewUnavailableException.pageTooLarge(number,
					"holds an image of " + ex.width + " x " + ex.height + " pixels");
		}
		catch (IOException | RuntimeException ex) {
			if (renderer != null && renderer.deadlinePassed()) {
				// the deadline exception surfaced wrapped or replaced by PDFBox
				throw PreviewUnavailableException.timeout(number, timeout);
			}
			throw PreviewUnavailableException.damaged(number, ex);
		}
	}

	/** {@code dpi}, or the highest resolution at which the page image fits {@code maxPagePixels}. */
	private int resolutionFor(PDPage page, int number) {
		PDRectangle box = page.getCropBox();
		float width = box.getWidth();
		float height = box.getHeight();
		if (!(width > 0 && height > 0) || Float.isInfinite(width) || Float.isInfinite(height)) {
			throw PreviewUnavailableException.damaged(number, null);
		}
		double pixelsAtDpi = pixels(width, height, dpi);
		if (pixelsAtDpi <= maxPagePixels) {
			return dpi;
		}
		int reduced = (int) Math.floor(dpi * Math.sqrt(maxPagePixels / pixelsAtDpi));
		while (reduced >= MIN_DPI && pixels(width, height, reduced) > maxPagePixels) {
			reduced--;
		}
		if (reduced < MIN_DPI) {
			throw PreviewUnavailableException.pageTooLarge(number, String.format(Locale.ROOT,
					"measures %.0f x %.0f inches", width / 72, height / 72));
		}
		return reduced;
	}

	/** As {@code PDFRenderer.renderImage} sizes its image. */
	static double pixels(float widthPt, float heightPt, int dpi) {
		float scale = dpi / 72f;
		return Math.max(Math.floor(widthPt * scale), 1) * Math.max(Math.floor(heightPt * scale), 1);
	}

	private static PDDocument load(byte[] pdf) throws IOException {
		return Loader.loadPDF(pdf, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(SCRATCH_BYTES).streamCache);
	}

	static byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try {
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			parameters.setCompressionQuality(JPEG_QUALITY);
			ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 8);
			try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
				writer.setOutput(stream);
				writer.write(null, new IIOImage(image, null, null), parameters);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not encode a page image", ex);
		}
		finally {
			writer.dispose();
		}
	}

}
