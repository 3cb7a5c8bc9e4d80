package org.mmpcase.documents;

import java.nio.charset.StandardCharsets;

/**
 * Finds a second file format inside an accepted one: a PDF or photo that a ZIP reader, a browser or a PDF reader
 * would also open as something else (the classic way to smuggle a script past a type check). Only signatures that
 * the other reader really needs are looked for, and only where that reader looks, so that the random bytes of a
 * compressed image practically never match.
 */
final class Polyglots {

	/** A browser treats these as HTML wherever they are; each must be followed by a space, '>' or '/'. */
	private static final byte[][] HTML_ANYWHERE = markers("<script", "<html", "<iframe", "<!doctype html",
			"<object", "<embed");

	/** Content sniffers and XML parsers look at the start of a file only. */
	private static final byte[][] MARKUP_AT_START = markers("<svg", "<body", "<head");

	private static final int START = 1024;

	private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final int ZIP_END_RECORD_SIZE = 22;

	private static final int ZIP_MAX_COMMENT = 0xFFFF;

	private Polyglots() {
	}

	static boolean hasSecondSignature(byte[] content, String detectedType) {
		return hasZipEndRecord(content) || containsHtml(content)
				|| (!DocumentCheck.PDF.equals(detectedType) && indexOf(content, PDF_HEADER, 0, START) >= 0);
	}

	/**
	 * A ZIP reader starts from the end-of-central-directory record within the last 64 KB; a record whose comment
	 * length ends exactly at the end of the file is what makes the file a valid ZIP as well.
	 */
	static boolean hasZipEndRecord(byte[] b) {
		int from = Math.max(0, b.length - ZIP_END_RECORD_SIZE - ZIP_MAX_COMMENT);
		for (int i = b.length - ZIP_END_RECORD_SIZE; i >= from; i--) {
			if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
				int commentLength = (b[i + 20] & 0xFF) | (b[i + 21] & 0xFF) << 8;
				if (i + ZIP_END_RECORD_SIZE + commentLength == b.length) {
					return true;
				}
			}
		}
		return false;
	}

	static boolean containsHtml(byte[] b) {
		for (int i = 0; i < b.length; i++) {
			if (b[i] != '<') {
				continue;
			}
			if (matchesAny(b, i, HTML_ANYWHERE) || (i < START && matchesAny(b, i, MARKUP_AT_START))) {
				return true;
			}
		}
		return false;
	}

	private static boolean matchesAny(byte[] b, int at, byte[][] markers) {
		for (byte[] marker : markers) {
			int end = at + marker.length;
			if (end < b.length && regionMatchesIgnoreCase(b, at, marker) && isDelimiter(b[end])) {
				return true;
			}
		}
		return false;
	}

	private static boolean regionMatchesIgnoreCase(byte[] b, int at, byte[] lowerCaseMarker) {
		for (int j = 1; j < lowerCaseMarker.length; j++) {
			int c = b[at + j];
			if (c >= 'A' && c <= 'Z') {
				c += 'a' - 'A';
			}
			if (c != lowerCaseMarker[j]) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDelimiter(byte c) {
		return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
	}

	private static int indexOf(byte[] b, byte[] needle, int from, int to) {
		int last = Math.min(to, b.length - needle.length);
		outer: for (int i = from; i <= last; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (b[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static byte[][] markers(String... markers) {
		byte[][] bytes = new byte[markers.length][];
		for (int i = 0; i < markers.length; i++) {
			bytes[i] = markers[i].getBytes(StandardCharsets.US_ASCII);
		}
		return bytes;
	}

}
