package org.mmpcase.payment;

/** The gateway's answer to a charge: succeeded with its reference, or declined with a decline code. */
public record ChargeResult(Outcome outcome, String reference, String declineCode) {

	public enum Outcome {
		SUCCEEDED, DECLINED
	}

	public static final String CARD_DECLINED = "card_declined";

	public static final String INSUFFICIENT_FUNDS = "insufficient_funds";

	public static final String EXPIRED_CARD = "expired_card";

	public static ChargeResult succeeded(String reference) {
		return new ChargeResult(Outcome.SUCCEEDED, reference, null);
	}

	public static ChargeResult declined(String declineCode) {
		return new ChargeResult(Outcome.DECLINED, null, declineCode);
	}

	public boolean succeeded() {
		return outcome == Outcome.SUCCEEDED;
	}

}
