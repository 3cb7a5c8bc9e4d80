package org.mmpcase.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

final class Checksums {

	private Checksums() {
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** @throws DocumentIntegrityException unless {@code content} has the SHA-256 {@code expected} */
	static byte[] verify(String key, byte[] content, String expected) {
		if (expected == null || !MessageDigest.isEqual(sha256(content).getBytes(StandardCharsets.US_ASCII),
				expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
			throw new DocumentIntegrityException("Document " + key + " does not match its recorded checksum");
		}
		return content;
	}

}
