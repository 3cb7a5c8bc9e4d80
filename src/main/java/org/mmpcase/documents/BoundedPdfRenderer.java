package org.mmpcase.documents;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * A {@link PDFRenderer} that gives up at a deadline. PDFBox never looks at {@link Thread#interrupt()}, so the page
 * drawer checks the clock itself before every operator (of the page, its forms, patterns, annotations and Type 3
 * glyphs) and every glyph (one text operator can show a million). The exceptions are unchecked on purpose: PDFBox
 * logs and skips an {@link IOException} thrown while drawing a form ({@code Do}), and would carry on.
 */
final class BoundedPdfRenderer extends PDFRenderer {

	private final long deadlineNanos;

	private final long maxImagePixels;

	private volatile boolean deadlinePassed;

	BoundedPdfRenderer(PDDocument document, long deadlineNanos, long maxImagePixels) {
		super(document);
		this.deadlineNanos = deadlineNanos;
		this.maxImagePixels = maxImagePixels;
	}

	/** Whether a check found the deadline passed, even if some caller swallowed the exception. */
	boolean deadlinePassed() {
		return deadlinePassed || System.nanoTime() - deadlineNanos > 0;
	}

	@Override
	protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
		return new BoundedPageDrawer(parameters);
	}

	private void checkDeadline() {
		if (System.nanoTime() - deadlineNanos > 0) {
			deadlinePassed = true;
			throw new DeadlinePassed();
		}
	}

	private final class BoundedPageDrawer extends PageDrawer {

		BoundedPageDrawer(PageDrawerParameters parameters) throws IOException {
			super(parameters);
		}

		@Override
		protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
			checkDeadline();
			// an inline image (BI ... ID ... EI) is not among the page's resources, so the check before rendering
			// could not see how large it claims to be
			if ("BI".equals(operator.getName()) && operator.getImageParameters() != null) {
				COSDictionary image = operator.getImageParameters();
				long width = image.getLong(COSName.W, image.getLong(COSName.WIDTH, 0));
				long height = image.getLong(COSName.H, image.getLong(COSName.HEIGHT, 0));
				if ((double) width * height > maxImagePixels) {
					throw new ImageTooLarge(width, height);
				}
			}
			super.processOperator(operator, operands);
		}

		@Override
		protected void showFontGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
				throws IOException {
			checkDeadline();
			super.showFontGlyph(textRenderingMatrix, font, code, displacement);
		}

	}

	/** Thrown where the deadline is noticed; no stack trace, it is an expected way out. */
	static final class DeadlinePassed extends RuntimeException {

		DeadlinePassed() {
			super("Rendering deadline passed", null, false, false);
		}

	}

	/** An inline image declaring more than {@code maxImagePixels}. */
	static final class ImageTooLarge extends RuntimeException {

		final long width;

		final long height;

		ImageTooLarge(long width, long height) {
			super("Inline image of " + width + " x " + height + " pixels", null, false, false);
			this.width = width;
			this.height = height;
		}

	}

}
