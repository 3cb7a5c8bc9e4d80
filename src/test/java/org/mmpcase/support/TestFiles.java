package org.mmpcase.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Small, valid documents built in code: what a patient's scan or phone photo looks like to the checks. */
public final class TestFiles {

	private TestFiles() {
	}

	/** A one-page PDF with a text layer. */
	public static byte[] pdf(String text) {
		return pdf(text, "");
	}

	/**
	 * A one-page PDF with a text layer, entries added to its catalog, and further objects numbered from 6 on (the
	 * catalog is 1, the page tree 2, the page 3, its content 4, the font 5): the way to build PDFs with actions,
	 * names trees or attachments.
	 */
	public static byte[] pdf(String text, String catalogEntries, String... moreObjects) {
		String content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
		List<String> objects = new ArrayList<>(List.of("<< /Type /Catalog /Pages 2 0 R " + catalogEntries + " >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
		objects.addAll(List.of(moreObjects));
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		int[] offsets = new int[objects.size()];
		for (int i = 0; i < objects.size(); i++) {
			offsets[i] = pdf.length();
			pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
		for (int offset : offsets) {
			pdf.append(String.format("%010d 00000 n \n", offset));
		}
		pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref).append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A PDF that runs JavaScript when opened. */
	public static byte[] pdfWithJavaScript() {
		return pdf("Lease", "/OpenAction 6 0 R", "<< /S /JavaScript /JS (app.alert\\(1\\);) >>");
	}

	/** A PDF whose names tree holds a document-level script. */
	public static byte[] pdfWithNamedJavaScript() {
		return pdf("Lease", "/Names << /JavaScript << /Names [(init) 6 0 R] >> >>",
				"<< /S /JavaScript /JS 7 0 R >>", "<< /Length 12 >>\nstream\napp.alert(1)\nendstream");
	}

	/** A PDF that starts a program when opened. */
	public static byte[] pdfWithLaunchAction() {
		return pdf("Lease", "/OpenAction 6 0 R", "<< /S /Launch /F (cmd.exe) >>");
	}

	/** A PDF with a file attached (a program, as an attacker would). */
	public static byte[] pdfWithEmbeddedFile() {
		return pdf("Lease", "/Names << /EmbeddedFiles << /Names [(setup.exe) 6 0 R] >> >>",
				"<< /Type /Filespec /F (setup.exe) /EF << /F 7 0 R >> >>",
				"<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream");
	}

	/** A PDF that opens only with a password ({@code user}). */
	public static byte[] pdfWithUserPassword() {
		return protect(pdf("Lease 12 Elm Street"), "owner-secret", "user-secret");
	}

	/** A PDF anybody can open, with printing and copying restricted by an owner password (bank statements). */
	public static byte[] pdfWithOwnerPasswordOnly() {
		return protect(pdf("Statement Jordan Rivera 12 Elm Street Hartford 06106"), "owner-secret", "");
	}

	/** A PDF that a ZIP reader opens too: a ZIP appended after its end. */
	public static byte[] pdfThatIsAlsoZip() {
		return concat(pdf("Lease"), zip());
	}

	/** A PDF that a browser would also render as a web page with a script. */
	public static byte[] pdfThatIsAlsoHtml() {
		return concat(pdf("Lease"), "<html><body><script>alert(document.cookie)</script></body></html>\n"
			.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** The first half of a PDF: cut off in transfer. */
	public static byte[] truncatedPdf() {
		byte[] pdf = pdf("Lease 12 Elm Street Hartford");
		return Arrays.copyOf(pdf, pdf.length / 2);
	}

	/** A one-page PDF without text. */
	public static byte[] pdf() {
		return pdf("");
	}

	public static byte[] png() {
		return image("png");
	}

	public static byte[] jpeg() {
		return image("jpeg");
	}

	/** The start of an iPhone photo: an ISO box of type ftyp with the brand heic. */
	public static byte[] heic() {
		byte[] bytes = new byte[64];
		byte[] box = { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e',
				'i', 'c' };
		System.arraycopy(box, 0, bytes, 0, box.length);
		return bytes;
	}

	public static byte[] zip() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("scan.txt"));
			zip.write("not a document".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static byte[] html() {
		return "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A JPEG photo as a phone takes it: EXIF with the orientation and a GPS position, and a comment. */
	public static byte[] jpegWithGps() {
		byte[] jpeg = jpeg();
		ByteArrayOutputStream tiff = new ByteArrayOutputStream();
		// little-endian TIFF header, IFD0 at 8 with two entries: Orientation = 6 (rotate 90), GPS IFD pointer
		tiff.writeBytes(new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0 });
		tiff.writeBytes(new byte[] { 2, 0 });
		tiff.writeBytes(new byte[] { 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0 });
		tiff.writeBytes(new byte[] { 0x25, (byte) 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0 });
		tiff.writeBytes(new byte[] { 0, 0, 0, 0 });
		// GPS IFD at 38: latitude ref N, latitude 41/1 45/1 0/1 (Hartford), longitude ref W, longitude 72/1 40/1 0/1
		tiff.writeBytes(new byte[] { 4, 0 });
		tiff.writeBytes(new byte[] { 1, 0, 2, 0, 2, 0, 0, 0, 'N', 0, 0, 0 });
		tiff.writeBytes(new byte[] { 2, 0, 5, 0, 3, 0, 0, 0, 92, 0, 0, 0 });
		tiff.writeBytes(new byte[] { 3, 0, 2, 0, 2, 0, 0, 0, 'W', 0, 0, 0 });
		tiff.writeBytes(new byte[] { 4, 0, 5, 0, 3, 0, 0, 0, 116, 0, 0, 0 });
		tiff.writeBytes(new byte[] { 0, 0, 0, 0 });
		// rationals at 92 and 116
		for (int value : new int[] { 41, 1, 45, 1, 0, 1, 72, 1, 40, 1, 0, 1 }) {
			tiff.writeBytes(new byte[] { (byte) value, 0, 0, 0 });
		}
		byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.toByteArray());
		byte[] comment = "taken at 12 Elm Street".getBytes(StandardCharsets.ISO_8859_1);
		return concat(Arrays.copyOf(jpeg, 2), segment(0xE1, exif), segment(0xFE, comment),
				Arrays.copyOfRange(jpeg, 2, jpeg.length));
	}

	/** A PNG with text chunks (a location and a name) that image editors and phones write. */
	public static byte[] pngWithText() {
		byte[] png = png();
		// after the signature (8) and IHDR (25)
		return concat(Arrays.copyOf(png, 33), pngChunk("tEXt", "Location\u0000" + "41.76,-72.68"),
				pngChunk("iTXt", "Author\0\0\0\0\0Jordan Rivera"), Arrays.copyOfRange(png, 33, png.length));
	}

	/** A PNG whose header declares width x height pixels (a decompression bomb when large): the file stays tiny. */
	public static byte[] pngDeclaring(int width, int height) {
		byte[] png = png();
		ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
		return png;
	}

	/** A JPEG whose frame header declares width x height pixels. */
	public static byte[] jpegDeclaring(int width, int height) {
		byte[] jpeg = jpeg();
		for (int i = 2; i < jpeg.length - 9; i++) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
				ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
				return jpeg;
			}
		}
		throw new IllegalStateException("no frame header");
	}

	/** A PNG with one flipped bit in its image data: its checksum no longer matches. */
	public static byte[] corruptPng() {
		byte[] png = png();
		png[png.length - 20] ^= 0x01;
		return png;
	}

	/** A JPEG cut off in the middle of its image data. */
	public static byte[] truncatedJpeg() {
		byte[] jpeg = jpeg();
		return Arrays.copyOf(jpeg, jpeg.length - 10);
	}

	/** A JPEG with a script in its comment: a browser that sniffs it renders the script. */
	public static byte[] jpegWithHtml() {
		byte[] jpeg = jpeg();
		return concat(Arrays.copyOf(jpeg, 2),
				segment(0xFE, "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.ISO_8859_1)),
				Arrays.copyOfRange(jpeg, 2, jpeg.length));
	}

	/** A JPEG that a PDF reader opens as a PDF (the PDF header may start anywhere in the first 1024 bytes). */
	public static byte[] jpegThatIsAlsoPdf() {
		byte[] jpeg = jpeg();
		return concat(Arrays.copyOf(jpeg, 2), segment(0xFE, pdf("x")), Arrays.copyOfRange(jpeg, 2, jpeg.length));
	}

	/** A Word document (.docx): a ZIP with the parts Word writes. */
	public static byte[] docx() {
		return zipOf(Map.of("[Content_Types].xml",
				"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
						+ "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
						+ "officedocument.wordprocessingml.document.main+xml\"/></Types>",
				"_rels/.rels",
				"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
						+ "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
				"word/document.xml",
				"<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
						+ "<w:body><w:p><w:r><w:t>Lease</w:t></w:r></w:p></w:body></w:document>"));
	}

	public static byte[] gzip() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write("not a document".getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The signature of a 7-Zip archive followed by filler. */
	public static byte[] sevenZip() {
		return concat(new byte[] { '7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4 }, new byte[56]);
	}

	/** The signature of a RAR 5 archive followed by filler. */
	public static byte[] rar() {
		return concat(new byte[] { 'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00 }, new byte[56]);
	}

	public static byte[] svg() {
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] shellScript() {
		return "#!/bin/sh\nrm -rf /tmp/x\n".getBytes(StandardCharsets.UTF_8);
	}

	/** The start of a Windows program: DOS header pointing at a PE header. */
	public static byte[] windowsExecutable() {
		byte[] exe = new byte[256];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[0x3C] = (byte) 0x80;
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		return exe;
	}

	/** The start of a Linux program. */
	public static byte[] elfExecutable() {
		return concat(new byte[] { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0 }, new byte[56]);
	}

	private static byte[] segment(int marker, byte[] payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(marker);
		out.write((payload.length + 2) >> 8);
		out.write((payload.length + 2) & 0xFF);
		out.writeBytes(payload);
		return out.toByteArray();
	}

	private static byte[] pngChunk(String type, String data) {
		byte[] typeAndData = concat(type.getBytes(StandardCharsets.ISO_8859_1),
				data.getBytes(StandardCharsets.ISO_8859_1));
		CRC32 crc = new CRC32();
		crc.update(typeAndData);
		ByteBuffer chunk = ByteBuffer.allocate(typeAndData.length + 8);
		chunk.putInt(typeAndData.length - 4).put(typeAndData).putInt((int) crc.getValue());
		return chunk.array();
	}

	private static byte[] zipOf(Map<String, String> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] protect(byte[] pdf, String ownerPassword, String userPassword) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword,
					new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0xff0000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
