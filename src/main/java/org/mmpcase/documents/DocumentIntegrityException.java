package org.mmpcase.documents;

/** A stored document is missing or no longer matches the checksum recorded at upload. */
public class DocumentIntegrityException extends RuntimeException {

	public DocumentIntegrityException(String message) {
		super(message);
	}

	public DocumentIntegrityException(String message, Throwable cause) {
		super(message, cause);
	}

}
