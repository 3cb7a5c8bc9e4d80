package org.mmpcase.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.mmpcase.dispensary.DispensaryRepository;
import org.mmpcase.registration.CaseStarter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The certificate as a one-page PDF (US Letter): large type so it reads on a phone, and a QR code that opens the
 * verification page for a dispensary. Rendered from the registration each time it is needed, never stored, so a
 * changed dispensary shows on the next download.
 */
@Component
public class CertificatePdf {

	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private static final float MARGIN = 54;

	private static final float QR_SIZE = 190;

	private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private final DispensaryRepository dispensaries;

	private final String publicUrl;

	public CertificatePdf(DispensaryRepository dispensaries, @Value("${mmp.public-url}") String publicUrl) {
		this.dispensaries = dispensaries;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/** Where the QR code leads: the public verification page of this registration. */
	public String verificationUrl(String registrationNumber) {
		return publicUrl + "/verify/" + registrationNumber;
	}

	public String filename(Registration registration) {
		String prefix = registration.getKind() == Registration.Kind.TEMPORARY ? "mmp-temporary-registration-"
				: "mmp-certificate-";
		return prefix + registration.getRegistrationNumber() + ".pdf";
	}

	public byte[] render(Registration registration) {
		boolean temporary = registration.getKind() == Registration.Kind.TEMPORARY;
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage(PDRectangle.LETTER);
			document.addPage(page);
			document.getDocumentInformation()
				.setTitle((temporary ? "Temporary registration " : "Registration certificate ")
						+ registration.getRegistrationNumber());
			document.getDocumentInformation().setAuthor("Connecticut Medical Marijuana Program");
			BitMatrix qr = qrCode(verificationUrl(registration.getRegistrationNumber()));
			float width = page.getMediaBox().getWidth();
			float top = page.getMediaBox().getHeight() - MARGIN;
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.setLineWidth(2);
				content.addRect(MARGIN - 14, 300, width - 2 * MARGIN + 28, top - 286);
				content.stroke();
				float y = top - 20;
				y = line(content, bold, 14, MARGIN, y, "CONNECTICUT MEDICAL MARIJUANA PROGRAM");
				y = line(content, bold, 26, MARGIN, y - 12,
						temporary ? "TEMPORARY REGISTRATION" : "Registration Certificate");
				if (temporary) {
					y = line(content, regular, 12, MARGIN, y - 2,
							"Valid until the permanent certificate arrives, at the latest on the expiry date below.");
				}
				y -= 14;
				y = field(content, "Name", registration.getHolder().getFullName(), y);
				y = field(content, "Role", roleLabel(registration), y);
				y = field(content, "Registration number", registration.getRegistrationNumber(), y);
				y = field(content, "Dispensary", dispensaryName(registration.getDispensaryCode()), y);
				y = field(content, "Issued", DATE.format(issuedOn(registration)), y);
				field(content, "Expires", DATE.format(registration.getExpiresOn()), y);
				drawQrCode(content, qr, width - MARGIN - QR_SIZE + 8, 330);
				line(content, regular, 10, width - MARGIN - QR_SIZE + 22, 322, "Scan to verify this registration");
				float footer = 270;
				footer = line(content, regular, 12, MARGIN, footer,
						"Present this certificate, printed or on a phone, with a government-issued photo ID.");
				footer = line(content, regular, 12, MARGIN, footer,
						"Dispensaries verify it at " + verificationUrl(registration.getRegistrationNumber()));
				line(content, regular, 12, MARGIN, footer,
						"Report changes of name or address to the program within 5 business days.");
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render the certificate", ex);
		}
	}

	static LocalDate issuedOn(Registration registration) {
		return registration.getIssuedAt().atZone(CaseStarter.PROGRAM_ZONE).toLocalDate();
	}

	static String roleLabel(Registration registration) {
		return switch (registration.getRole()) {
			case PATIENT -> "Patient";
			case CAREGIVER -> "Caregiver";
		};
	}

	String dispensaryName(String code) {
		if (code == null) {
			return "not chosen";
		}
		return dispensaries.findById(code).map(dispensary -> dispensary.getName()).orElse(code);
	}

	private float field(PDPageContentStream content, String label, String value, float y) throws IOException {
		float next = line(content, regular, 12, MARGIN, y, label.toUpperCase(Locale.ROOT));
		return line(content, bold, 20, MARGIN, next + 2, value) - 10;
	}

	/** Writes one line and returns the baseline of the next. */
	private float line(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
			throws IOException {
		content.beginText();
		content.setFont(font, size);
		content.newLineAtOffset(x, y - size);
		content.showText(printable(font, text));
		content.endText();
		return y - size * 1.3f;
	}

	/**
	 * The standard fonts know Western European characters only: accents outside them lose their accent, anything
	 * else becomes '?', rather than failing the certificate of a person whose name has such a letter.
	 */
	static String printable(PDFont font, String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach(codePoint -> {
			String character = new String(Character.toChars(codePoint));
			if (encodes(font, character)) {
				out.append(character);
				return;
			}
			String stripped = Normalizer.normalize(character, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
			out.append(!stripped.isEmpty() && encodes(font, stripped) ? stripped : "?");
		});
		return out.toString();
	}

	private static boolean encodes(PDFont font, String text) {
		try {
			font.encode(text);
			return true;
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

	/** The QR code's modules, with the quiet zone of 4 modules around them. */
	private static BitMatrix qrCode(String url) {
		try {
			return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Could not encode the QR code", ex);
		}
	}

	/**
	 * Draws the QR code as filled squares, one rectangle per run of dark modules in a row: sharp at any zoom and in
	 * print, and cheap to make (as a 400x400 image, compressed into the PDF, it was an eighth of a case's CPU time in
	 * the case throughput benchmark).
	 */
	private static void drawQrCode(PDPageContentStream content, BitMatrix qr, float x, float y) throws IOException {
		float module = QR_SIZE / qr.getWidth();
		for (int row = 0; row < qr.getHeight(); row++) {
			float top = y + QR_SIZE - (row + 1) * module;
			int column = 0;
			while (column < qr.getWidth()) {
				if (!qr.get(column, row)) {
					column++;
					continue;
				}
				int run = column;
				while (run < qr.getWidth() && qr.get(run, row)) {
					run++;
				}
				content.addRect(x + column * module, top, (run - column) * module, module);
				column = run;
			}
		}
		content.fill();
	}

}
