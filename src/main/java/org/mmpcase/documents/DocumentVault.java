package org.mmpcase.documents;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Document bytes in and out of the store, encrypted when a key is configured ({@link DocumentEncryption}): what is
 * stored is ciphertext, what comes back is the plaintext checked against the SHA-256 recorded at upload. A document
 * without a key id was stored as uploaded (before encryption was switched on) and is read as such.
 */
class DocumentVault {

	private final DocumentStorage storage;

	private final DocumentEncryption encryption;

	DocumentVault(DocumentStorage storage, DocumentEncryption encryption) {
		this.storage = storage;
		this.encryption = encryption;
	}

	/** As uploaded, no encryption: for tests that look at the store alone. */
	static DocumentVault plaintext(DocumentStorage storage) {
		return new DocumentVault(storage, DocumentEncryption.none());
	}

	DocumentStorage storage() {
		return storage;
	}

	boolean encrypting() {
		return encryption.enabled();
	}

	/** Stores the bytes (encrypted if a key is configured); the caller records key, key id and checksum. */
	Stored store(byte[] plaintext) {
		String sha256 = Checksums.sha256(plaintext);
		if (!encryption.enabled()) {
			return new Stored(storage.store(plaintext), null, sha256);
		}
		DocumentEncryption.Sealed sealed = encryption.encrypt(plaintext, context(sha256));
		return new Stored(storage.store(sealed.ciphertext()), sealed.keyId(), sha256);
	}

	byte[] read(Document document) {
		return read(document.getStorageKey(), document.getSha256(), document.getKeyId());
	}

	/**
	 * The plaintext stored under {@code key}, checked against {@code sha256}.
	 * @throws DocumentIntegrityException if it is missing, changed, or cannot be decrypted
	 */
	byte[] read(String key, String sha256, String keyId) {
		if (keyId == null) {
			return storage.read(key, sha256);
		}
		if (!encryption.holds(keyId)) {
			// the start-up check refuses to start in this state; a row written since by a node with another key
			throw new DocumentIntegrityException(
					"Document " + key + " is encrypted under key " + keyId + ", which the configured keyset lacks");
		}
		byte[] plaintext = encryption.decrypt(storage.read(key), context(sha256), "Document " + key);
		return Checksums.verify(key, plaintext, sha256);
	}

	void delete(String key) {
		storage.delete(key);
	}

	private static byte[] context(String sha256) {
		return sha256 == null ? new byte[0] : sha256.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
	}

	/** Where a document's bytes went and how to read them back. */
	record Stored(String storageKey, String keyId, String sha256) {
	}

}
