package org.mmpcase.payment;

/**
 * What the applicant typed into the card form. Handed to the gateway and forgotten: never stored, never a process
 * variable, never logged (hence the {@code toString}).
 */
public record CardDetails(String number, int expMonth, int expYear, String cvc, String holder) {

	@Override
	public String toString() {
		return "CardDetails[redacted]";
	}

}
