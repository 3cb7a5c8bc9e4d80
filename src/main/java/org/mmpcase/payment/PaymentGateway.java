package org.mmpcase.payment;

/**
 * A card payment provider. Calls with the same idempotency key are one charge: the provider replays its first
 * answer, so a retry after a lost response never charges twice.
 */
public interface PaymentGateway {

	/**
	 * Exchanges the card details for a token; the details go no further than this call.
	 * @throws org.mmpcase.shared.BadRequestException with a field error on {@code cardNumber}, {@code cardExpiry}
	 * or {@code cardCvc} when the card cannot be used at all
	 */
	PaymentMethod tokenize(CardDetails card);

	/**
	 * @throws PaymentGatewayUnavailableException when no answer came (the charge may or may not have happened:
	 * retry with the same key to learn which)
	 */
	ChargeResult charge(String idempotencyKey, long amountCents, String currency, String paymentMethodToken);

}
