package org.mmpcase.payment;

/** The gateway did not answer in time: a technical failure, retried by the job with the same idempotency key. */
public class PaymentGatewayUnavailableException extends RuntimeException {

	public PaymentGatewayUnavailableException(String message) {
		super(message);
	}

}
