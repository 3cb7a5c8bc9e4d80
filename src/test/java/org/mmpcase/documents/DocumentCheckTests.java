package org.mmpcase.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmpcase.documents.DocumentCheck.Reason;
import org.mmpcase.support.TestFiles;

/**
 * The corpus: every accepted type passes, every refused kind fails with its own reason and a message the applicant
 * can act on. Each refusal names the reason it expects, so removing a check makes its case fail (it would fall
 * through to another reason, or be accepted).
 */
class DocumentCheckTests {

	private static final List<String> ALLOWED = List.of("application/pdf", "image/jpeg", "image/png");

	private static final long MAX_PIXELS = 50_000_000;

	private final DocumentCheck check = new DocumentCheck(10 * 1024 * 1024, MAX_PIXELS, ALLOWED);

	@Test
	void pdfPngAndJpeg_accepted() {
		assertAccepted("lease.pdf", TestFiles.pdf("Lease 12 Elm Street"), "application/pdf");
		assertAccepted("lease.pdf", TestFiles.pdf(), "application/pdf");
		assertAccepted("licence.png", TestFiles.png(), "image/png");
		assertAccepted("IMG_0001.JPG", TestFiles.jpeg(), "image/jpeg");
		assertAccepted("photo.jpeg", TestFiles.jpeg(), "image/jpeg");
	}

	@Test
	void pdfRestrictedByAnOwnerPasswordOnly_acceptedBecauseItOpensWithoutOne() {
		assertAccepted("statement.pdf", TestFiles.pdfWithOwnerPasswordOnly(), "application/pdf");
	}

	@Test
	void missingExtension_fine() {
		assertThat(check.check("scan", TestFiles.pdf()).accepted()).isTrue();
		assertThat(check.check(null, TestFiles.png()).accepted()).isTrue();
	}

	static List<Arguments> refused() {
		return List.of(Arguments.of("empty", "scan.pdf", new byte[0], Reason.EMPTY),
				Arguments.of("name says PDF, content is PNG", "bill.pdf", TestFiles.png(), Reason.EXTENSION_MISMATCH),
				Arguments.of("name says PNG, content is JPEG", "photo.png", TestFiles.jpeg(), Reason.EXTENSION_MISMATCH),
				Arguments.of("iPhone HEIC photo", "IMG_0002.HEIC", TestFiles.heic(), Reason.HEIC_NOT_SUPPORTED),
				Arguments.of("HEIC named .jpg", "IMG_0002.jpg", TestFiles.heic(), Reason.HEIC_NOT_SUPPORTED),
				Arguments.of("zip", "scan.pdf", TestFiles.zip(), Reason.ARCHIVE),
				Arguments.of("gzip", "scan.gz", TestFiles.gzip(), Reason.ARCHIVE),
				Arguments.of("7z", "scan.7z", TestFiles.sevenZip(), Reason.ARCHIVE),
				Arguments.of("rar", "scan.rar", TestFiles.rar(), Reason.ARCHIVE),
				Arguments.of("Word document", "lease.docx", TestFiles.docx(), Reason.OFFICE_DOCUMENT),
				Arguments.of("HTML", "licence.png", TestFiles.html(), Reason.WEB_CONTENT),
				Arguments.of("SVG", "licence.svg", TestFiles.svg(), Reason.WEB_CONTENT),
				Arguments.of("shell script", "scan.pdf", TestFiles.shellScript(), Reason.EXECUTABLE),
				Arguments.of("Windows program", "scan.exe", TestFiles.windowsExecutable(), Reason.EXECUTABLE),
				Arguments.of("Linux program", "scan", TestFiles.elfExecutable(), Reason.EXECUTABLE),
				Arguments.of("plain text", "notes.txt", "just text".getBytes(), Reason.TYPE_NOT_ALLOWED),
				Arguments.of("PDF that is also a ZIP", "lease.pdf", TestFiles.pdfThatIsAlsoZip(), Reason.POLYGLOT),
				Arguments.of("PDF that is also HTML", "lease.pdf", TestFiles.pdfThatIsAlsoHtml(), Reason.POLYGLOT),
				Arguments.of("JPEG with a script", "id.jpg", TestFiles.jpegWithHtml(), Reason.POLYGLOT),
				Arguments.of("JPEG that is also a PDF", "id.jpg", TestFiles.jpegThatIsAlsoPdf(), Reason.POLYGLOT),
				Arguments.of("PDF cut off", "lease.pdf", TestFiles.truncatedPdf(), Reason.CORRUPT),
				Arguments.of("PDF header on garbage", "lease.pdf", TestFiles.concat("%PDF-1.7\n".getBytes(),
						new byte[2000], "%%EOF\n".getBytes()), Reason.CORRUPT),
				Arguments.of("PNG with a damaged chunk", "id.png", TestFiles.corruptPng(), Reason.CORRUPT),
				Arguments.of("JPEG cut off", "id.jpg", TestFiles.truncatedJpeg(), Reason.CORRUPT),
				Arguments.of("PNG declaring 100000 x 100000", "id.png", TestFiles.pngDeclaring(100_000, 100_000),
						Reason.IMAGE_TOO_LARGE),
				Arguments.of("JPEG declaring 65000 x 65000", "id.jpg", TestFiles.jpegDeclaring(65_000, 65_000),
						Reason.IMAGE_TOO_LARGE),
				Arguments.of("PDF with a user password", "lease.pdf", TestFiles.pdfWithUserPassword(),
						Reason.PDF_ENCRYPTED),
				Arguments.of("PDF running JavaScript on open", "lease.pdf", TestFiles.pdfWithJavaScript(),
						Reason.PDF_JAVASCRIPT),
				Arguments.of("PDF with document JavaScript", "lease.pdf", TestFiles.pdfWithNamedJavaScript(),
						Reason.PDF_JAVASCRIPT),
				Arguments.of("PDF launching a program", "lease.pdf", TestFiles.pdfWithLaunchAction(),
						Reason.PDF_LAUNCH_ACTION),
				Arguments.of("PDF with an attached file", "lease.pdf", TestFiles.pdfWithEmbeddedFile(),
						Reason.PDF_EMBEDDED_FILE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void refusedKind_rejectedWithItsOwnReasonAndAMessage(String kind, String filename, byte[] content,
			Reason reason) {
		DocumentCheck.Result result = check.check(filename, content);

		assertThat(result.reason()).as(kind).isEqualTo(reason);
		assertThat(result.accepted()).isFalse();
		assertThat(result.message()).isNotBlank();
		assertThat(result.content()).isNull();
	}

	@Test
	void tooLarge_rejectedWithTheLimitInTheMessage() {
		DocumentCheck small = new DocumentCheck(100, MAX_PIXELS, ALLOWED);
		DocumentCheck.Result result = small.check("scan.png", new byte[101]);
		assertThat(result.reason()).isEqualTo(Reason.TOO_LARGE);
		assertThat(result.message()).contains("100 bytes");
		assertThat(new DocumentCheck(2 * 1024 * 1024, MAX_PIXELS, ALLOWED).check("big.pdf", new byte[2 * 1024 * 1024 + 1])
			.message()).contains("2 MB");
	}

	@Test
	void messages_tellTheApplicantWhatToDo() {
		assertThat(check.check("IMG.HEIC", TestFiles.heic()).message()).contains("Most Compatible")
			.contains("screenshot");
		assertThat(check.check("lease.pdf", TestFiles.pdfWithUserPassword()).message()).contains("password");
		assertThat(check.check("id.png", TestFiles.pngDeclaring(100_000, 100_000)).message())
			.contains("100000 x 100000");
		assertThat(check.check("bill.pdf", TestFiles.png()).message()).contains(".pdf").contains("PNG");
		assertThat(check.check("lease.docx", TestFiles.docx()).message()).contains("PDF");
	}

	@Test
	void pixelLimit_isConfiguration() {
		DocumentCheck strict = new DocumentCheck(1024 * 1024, 15, ALLOWED);
		assertThat(strict.check("id.png", TestFiles.png()).reason()).isEqualTo(Reason.IMAGE_TOO_LARGE);
		assertThat(check.check("id.png", TestFiles.pngDeclaring(7_000, 7_000)).accepted()).isTrue();
	}

	@Test
	void typeNotConfigured_rejected() {
		DocumentCheck pdfOnly = new DocumentCheck(1024 * 1024, MAX_PIXELS, List.of("application/pdf"));
		assertThat(pdfOnly.check("licence.png", TestFiles.png()).reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED);
	}

	@Test
	void typeTheCheckCannotInspect_refusedAsConfiguration() {
		assertThatThrownBy(() -> new DocumentCheck(1024, MAX_PIXELS, List.of("application/pdf", "image/heic")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("image/heic");
	}

	@Test
	void acceptedPdf_keptAsSent() {
		byte[] pdf = TestFiles.pdf("Lease");
		assertThat(check.check("lease.pdf", pdf).content()).isEqualTo(pdf);
	}

	private void assertAccepted(String filename, byte[] content, String type) {
		DocumentCheck.Result result = check.check(filename, content);
		assertThat(result.reason()).as(filename + ": " + result.message()).isNull();
		assertThat(result.accepted()).isTrue();
		assertThat(result.detectedType()).isEqualTo(type);
		assertThat(result.content()).isNotEmpty();
	}

}
