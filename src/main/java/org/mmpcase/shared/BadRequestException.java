package org.mmpcase.shared;

import java.util.Map;

/**
 * Input a person can correct: answered with 400, the message and, where known, a message per field. Thrown before
 * anything is saved.
 */
public class BadRequestException extends RuntimeException {

	private final Map<String, String> fieldErrors;

	public BadRequestException(String message) {
		this(message, Map.of());
	}

	public BadRequestException(String message, Map<String, String> fieldErrors) {
		super(message);
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public static BadRequestException field(String field, String message) {
		return new BadRequestException(message, Map.of(field, message));
	}

	public Map<String, String> getFieldErrors() {
		return fieldErrors;
	}

}
