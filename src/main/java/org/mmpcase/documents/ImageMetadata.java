package org.mmpcase.documents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Removes what a photo says about where and when it was taken (EXIF with GPS, XMP, IPTC, comments, text chunks)
 * by copying the file's segments or chunks without them. The compressed pixel data is copied byte for byte, so the
 * image is exactly the one the applicant sent, without a second lossy encoding. Walking the structure also reads
 * the dimensions from the header and finds files that are cut off or damaged, without decoding a pixel.
 */
final class ImageMetadata {

	/** The stripped bytes and the dimensions the header declares. */
	record Stripped(byte[] content, int width, int height) {
	}

	/** The file does not have the structure of its format. */
	static final class MalformedImageException extends Exception {

		MalformedImageException(String message) {
			super(message, null, false, false);
		}

	}

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/** Chunks that decide what the pixels look like; all others (text, time, EXIF, private chunks) are dropped. */
	private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM",
			"sRGB", "iCCP", "sBIT", "pHYs");

	private static final int EXIF_ORIENTATION = 0x0112;

	private ImageMetadata() {
	}

	static Stripped stripPng(byte[] b) throws MalformedImageException {
		if (b.length < PNG_SIGNATURE.length || !startsWith(b, PNG_SIGNATURE)) {
			throw new MalformedImageException("no PNG signature");
		}
		Splice out = new Splice(b);
		out.keep(0, PNG_SIGNATURE.length);
		int pos = PNG_SIGNATURE.length;
		int width = -1;
		int height = -1;
		boolean idat = false;
		CRC32 crc = new CRC32();
		while (true) {
			if (pos + 12 > b.length) {
				throw new MalformedImageException("PNG ends before IEND");
			}
			long length = u32(b, pos);
			if (length > b.length - pos - 12L) {
				throw new MalformedImageException("PNG chunk longer than the file");
			}
			String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
			int end = pos + 12 + (int) length;
			crc.reset();
			crc.update(b, pos + 4, 4 + (int) length);
			if (crc.getValue() != u32(b, end - 4)) {
				throw new MalformedImageException("PNG chunk checksum wrong");
			}
			if (width < 0) {
				if (!"IHDR".equals(type) || length != 13) {
					throw new MalformedImageException("PNG does not start with IHDR");
				}
				width = (int) Math.min(Integer.MAX_VALUE, u32(b, pos + 8));
				height = (int) Math.min(Integer.MAX_VALUE, u32(b, pos + 12));
				if (width == 0 || height == 0) {
					throw new MalformedImageException("PNG without pixels");
				}
			}
			boolean critical = Character.isUpperCase(type.charAt(0));
			if (critical && !PNG_KEPT.contains(type)) {
				// a decoder must refuse an unknown critical chunk, so the image would not open
				throw new MalformedImageException("unknown critical PNG chunk");
			}
			if (PNG_KEPT.contains(type)) {
				out.keep(pos, end);
			}
			idat |= "IDAT".equals(type);
			pos = end;
			if ("IEND".equals(type)) {
				break;
			}
		}
		if (!idat) {
			throw new MalformedImageException("PNG without image data");
		}
		// anything after IEND is not part of the image
		return new Stripped(out.result(), width, height);
	}

	static Stripped stripJpeg(byte[] b) throws MalformedImageException {
		if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
			throw new MalformedImageException("no JPEG start of image");
		}
		Splice out = new Splice(b);
		out.keep(0, 2);
		int pos = 2;
		int width = -1;
		int height = -1;
		while (true) {
			pos = nextMarker(b, pos);
			int marker = b[pos + 1] & 0xFF;
			if (isStandalone(marker)) {
				out.keep(pos, pos + 2);
				pos += 2;
				continue;
			}
			if (marker == 0xD9) {
				throw new MalformedImageException("JPEG ends before its image data");
			}
			int end = segmentEnd(b, pos);
			if (isStartOfFrame(marker)) {
				if (end - pos < 9) {
					throw new MalformedImageException("JPEG frame header too short");
				}
				height = u16(b, pos + 5);
				width = u16(b, pos + 7);
				if (width == 0 || height == 0) {
					throw new MalformedImageException("JPEG without pixels");
				}
			}
			if (marker == 0xDA) {
				if (width < 0) {
					throw new MalformedImageException("JPEG image data before its frame header");
				}
				out.keep(pos, endOfImage(b, pos));
				// anything after the end-of-image marker (appended files, maker trailers) is not part of the image
				return new Stripped(out.result(), width, height);
			}
			if (marker == 0xE1 && isExif(b, pos)) {
				out.add(orientationOnly(exifOrientation(b, pos + 10, end)));
			}
			else if (keepJpegSegment(b, pos, marker)) {
				out.keep(pos, end);
			}
			pos = end;
		}
	}

	/**
	 * APP0 (JFIF), APP2 ICC profile and APP14 Adobe change how the pixels are shown, so they stay; other APPn
	 * (EXIF, XMP, IPTC, maker data) and comments go. Tables and frame headers are image data.
	 */
	private static boolean keepJpegSegment(byte[] b, int pos, int marker) {
		if (marker == 0xFE) {
			return false;
		}
		if (marker < 0xE0 || marker > 0xEF) {
			return true;
		}
		return switch (marker) {
			case 0xE0 -> hasIdentifier(b, pos, "JFIF\0");
			case 0xE2 -> hasIdentifier(b, pos, "ICC_PROFILE\0");
			case 0xEE -> hasIdentifier(b, pos, "Adobe");
			default -> false;
		};
	}

	/**
	 * Phones store a photo as the sensor saw it plus an orientation tag; dropping the tag would show the reviewer
	 * an ID card on its side. So the EXIF block is replaced by one that holds the orientation and nothing else.
	 */
	private static byte[] orientationOnly(int orientation) {
		if (orientation < 2 || orientation > 8) {
			return new byte[0];
		}
		byte[] tiff = { 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
				0, 0, 0, 0 };
		byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
		int length = 2 + exif.length + tiff.length;
		ByteArrayOutputStream segment = new ByteArrayOutputStream();
		segment.write(0xFF);
		segment.write(0xE1);
		segment.write(length >> 8);
		segment.write(length & 0xFF);
		segment.writeBytes(exif);
		segment.writeBytes(tiff);
		return segment.toByteArray();
	}

	/** The orientation tag of IFD0, or 0 when there is none or the block cannot be read. */
	private static int exifOrientation(byte[] b, int tiff, int end) {
		if (tiff + 8 > end) {
			return 0;
		}
		boolean little = b[tiff] == 'I';
		int ifd = tiff + (int) read32(b, tiff + 4, little);
		if (ifd < tiff || ifd + 2 > end) {
			return 0;
		}
		int count = read16(b, ifd, little);
		for (int i = 0; i < count; i++) {
			int entry = ifd + 2 + i * 12;
			if (entry + 12 > end) {
				return 0;
			}
			if (read16(b, entry, little) == EXIF_ORIENTATION) {
				return read16(b, entry + 8, little);
			}
		}
		return 0;
	}

	private static boolean isExif(byte[] b, int pos) {
		return hasIdentifier(b, pos, "Exif\0\0");
	}

	private static boolean hasIdentifier(byte[] b, int pos, String identifier) {
		int start = pos + 4;
		if (start + identifier.length() > b.length) {
			return false;
		}
		for (int i = 0; i < identifier.length(); i++) {
			if (b[start + i] != identifier.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** Position of the next marker at or after {@code pos}, skipping fill bytes. */
	private static int nextMarker(byte[] b, int pos) throws MalformedImageException {
		if (pos + 1 >= b.length || (b[pos] & 0xFF) != 0xFF) {
			throw new MalformedImageException("JPEG segment expected");
		}
		while (pos + 1 < b.length && (b[pos + 1] & 0xFF) == 0xFF) {
			pos++;
		}
		if (pos + 1 >= b.length) {
			throw new MalformedImageException("JPEG ends in fill bytes");
		}
		return pos;
	}

	private static int segmentEnd(byte[] b, int pos) throws MalformedImageException {
		if (pos + 4 > b.length) {
			throw new MalformedImageException("JPEG segment cut off");
		}
		int length = u16(b, pos + 2);
		if (length < 2 || pos + 2 + length > b.length) {
			throw new MalformedImageException("JPEG segment longer than the file");
		}
		return pos + 2 + length;
	}

	/**
	 * The position after the end-of-image marker. Entropy-coded data escapes 0xFF as FF 00 and uses FF D0..D7 as
	 * restart markers; any other marker is a segment between the scans of a progressive JPEG and is skipped whole.
	 */
	private static int endOfImage(byte[] b, int sos) throws MalformedImageException {
		int pos = segmentEnd(b, sos);
		while (pos + 1 < b.length) {
			if ((b[pos] & 0xFF) != 0xFF) {
				pos++;
				continue;
			}
			int marker = b[pos + 1] & 0xFF;
			if (marker == 0x00 || marker == 0xFF || (marker >= 0xD0 && marker <= 0xD7)) {
				pos += marker == 0xFF ? 1 : 2;
			}
			else if (marker == 0xD9) {
				return pos + 2;
			}
			else {
				pos = segmentEnd(b, pos);
			}
		}
		throw new MalformedImageException("JPEG ends without its end-of-image marker");
	}

	/**
	 * The kept ranges of the original and any new bytes, joined once at the end: one copy of a large photo, or
	 * none when nothing was removed.
	 */
	private static final class Splice {

		private final byte[] source;

		private final List<Object> parts = new ArrayList<>();

		private int length;

		Splice(byte[] source) {
			this.source = source;
		}

		void keep(int from, int to) {
			if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof int[] last && last[1] == from) {
				last[1] = to;
			}
			else {
				parts.add(new int[] { from, to });
			}
			length += to - from;
		}

		void add(byte[] bytes) {
			if (bytes.length > 0) {
				parts.add(bytes);
				length += bytes.length;
			}
		}

		byte[] result() {
			if (parts.size() == 1 && parts.get(0) instanceof int[] only && only[0] == 0 && only[1] == source.length) {
				return source;
			}
			byte[] result = new byte[length];
			int at = 0;
			for (Object part : parts) {
				if (part instanceof int[] range) {
					System.arraycopy(source, range[0], result, at, range[1] - range[0]);
					at += range[1] - range[0];
				}
				else {
					byte[] bytes = (byte[]) part;
					System.arraycopy(bytes, 0, result, at, bytes.length);
					at += bytes.length;
				}
			}
			return result;
		}

	}

	private static boolean isStandalone(int marker) {
		return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
	}

	private static boolean isStartOfFrame(int marker) {
		return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
	}

	private static boolean startsWith(byte[] b, byte[] prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if (b[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int u16(byte[] b, int pos) {
		return (b[pos] & 0xFF) << 8 | (b[pos + 1] & 0xFF);
	}

	private static long u32(byte[] b, int pos) {
		return ((long) u16(b, pos) << 16) | u16(b, pos + 2);
	}

	private static int read16(byte[] b, int pos, boolean little) {
		return little ? (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 : u16(b, pos);
	}

	private static long read32(byte[] b, int pos, boolean little) {
		return little ? (read16(b, pos, true) | (long) read16(b, pos + 2, true) << 16) : u32(b, pos);
	}

}
