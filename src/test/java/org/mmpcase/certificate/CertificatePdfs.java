package org.mmpcase.certificate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a certificate back the way a person and a dispensary's phone do: its text, and its QR code. */
final class CertificatePdfs {

	private CertificatePdfs() {
	}

	record Read(int pages, String text, String qrCode) {
	}

	record PdfAttachment(String filename, String contentType, byte[] content) {
	}

	static Read read(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			return new Read(document.getNumberOfPages(), text, qrCode(new PDFRenderer(document)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Decodes the QR code of the page as a phone would, from a picture of the whole page: at screen and print
	 * resolutions, with ZXing's two binarizers (a camera app tries several too).
	 */
	private static String qrCode(PDFRenderer renderer) throws IOException {
		for (int dpi : new int[] { 150, 200, 100 }) {
			BufferedImage image = renderer.renderImageWithDPI(0, dpi);
			BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
			for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
					new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
				try {
					return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
				}
				catch (NotFoundException | ChecksumException | FormatException ex) {
					// next resolution or binarizer
				}
			}
		}
		throw new AssertionError("no readable QR code on the certificate");
	}

	/** The PDF attachments of an e-mail. */
	static List<PdfAttachment> attachments(Part part) {
		List<PdfAttachment> found = new ArrayList<>();
		collect(part, found);
		return found;
	}

	private static void collect(Part part, List<PdfAttachment> found) {
		try {
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				try (InputStream in = part.getInputStream()) {
					found.add(new PdfAttachment(part.getFileName(), part.getContentType(), in.readAllBytes()));
				}
				return;
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					collect(body, found);
				}
			}
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the e-mail has an HTML alternative. */
	static boolean hasHtml(Part part) {
		try {
			if (part.isMimeType("text/html")) {
				return true;
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					if (hasHtml(multipart.getBodyPart(i))) {
						return true;
					}
				}
			}
			return false;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
