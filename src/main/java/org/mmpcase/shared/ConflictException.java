package org.mmpcase.shared;

/** A request that is well-formed but not allowed in the case's current state or by a business rule: 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
