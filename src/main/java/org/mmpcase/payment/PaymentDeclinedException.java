package org.mmpcase.payment;

/** The card was declined: a business outcome, the applicant enters another card. */
public class PaymentDeclinedException extends RuntimeException {

	private final String declineCode;

	PaymentDeclinedException(String declineCode) {
		super("Card declined: " + declineCode);
		this.declineCode = declineCode;
	}

	public String getDeclineCode() {
		return declineCode;
	}

	/** What the applicant reads on the payment step. */
	public String applicantMessage() {
		return switch (declineCode == null ? "" : declineCode) {
			case ChargeResult.INSUFFICIENT_FUNDS ->
				"Your card was declined because of insufficient funds. Please use another card.";
			case ChargeResult.EXPIRED_CARD -> "Your card has expired. Please use another card.";
			default -> "Your card was declined. Please use another card.";
		};
	}

}
