package org.mmpcase.documents;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where the bytes of uploaded documents are kept. Keys are generated here, never derived from what the applicant
 * sent, so a file name cannot choose where a file lands.
 */
public interface DocumentStorage {

	/** Stores the bytes durably and returns the key to read them back with. */
	String store(byte[] content);

	/**
	 * The bytes stored under {@code key}, checked against the SHA-256 recorded at upload.
	 * @throws DocumentIntegrityException if the file is missing or its content changed
	 */
	byte[] read(String key, String expectedSha256);

	/** Removes the bytes: after an upload that was not recorded, or when the case's retention has passed. */
	void delete(String key);

	/**
	 * Hands every key whose file was last written before {@code cutoff} to {@code action}, one at a time (storage
	 * may hold millions); removes the leftovers of writes interrupted before {@code cutoff} on the way.
	 */
	void forEachKeyWrittenBefore(Instant cutoff, Consumer<String> action);

}
