package org.mmpcase.documents;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where the bytes of uploaded documents are kept: a folder ({@link FileSystemDocumentStorage}) or an S3 bucket
 * ({@link S3DocumentStorage}). Keys are generated here, never derived from what the applicant sent, so a file name
 * cannot choose where a file lands. The store keeps bytes as it is given them; whether they are ciphertext is
 * decided above it ({@link DocumentVault}).
 */
public interface DocumentStorage {

	/** Stores the bytes durably and returns the key to read them back with. */
	String store(byte[] content);

	/**
	 * The bytes stored under {@code key}, as stored.
	 * @throws DocumentIntegrityException if nothing is stored under the key
	 */
	byte[] read(String key);

	/**
	 * The bytes stored under {@code key}, checked against the SHA-256 recorded at upload (for bytes stored as they
	 * were uploaded).
	 * @throws DocumentIntegrityException if the file is missing or its content changed
	 */
	default byte[] read(String key, String expectedSha256) {
		return Checksums.verify(key, read(key), expectedSha256);
	}

	/** Removes the bytes: after an upload that was not recorded, or when the case's retention has passed. */
	void delete(String key);

	/**
	 * Hands every key whose file was last written before {@code cutoff} to {@code action}, one at a time (storage
	 * may hold millions); removes the leftovers of writes interrupted before {@code cutoff} on the way.
	 */
	void forEachKeyWrittenBefore(Instant cutoff, Consumer<String> action);

	/** Where the bytes are, for the health endpoint and the log ({@code /data/documents}, {@code s3://bucket/}). */
	default String location() {
		return getClass().getSimpleName();
	}

	/**
	 * Proves the store takes writes: writes and removes a small object that is never a document.
	 * @throws RuntimeException when it does not
	 */
	default void probe() {
	}

}
