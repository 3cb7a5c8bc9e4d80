package org.mmpcase.payment;

/** The gateway's token for a card, with the only card facts we may keep: brand and last four digits. */
public record PaymentMethod(String token, String brand, String last4) {

	@Override
	public String toString() {
		return "PaymentMethod[" + brand + " ..." + last4 + "]";
	}

}
