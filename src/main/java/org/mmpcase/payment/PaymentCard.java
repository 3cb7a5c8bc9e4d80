package org.mmpcase.payment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * The card an applicant entered to pay an application's fee, as the gateway tokenized it: what the asynchronous charge
 * uses. Kept here rather than in process variables, so that the gateway's token (which can be charged) is in no
 * engine table or history.
 */
@Entity
class PaymentCard {

	@Id
	private Long applicationId;

	private String paymentMethodToken;

	private String cardBrand;

	private String cardLast4;

	private Instant enteredAt;

	protected PaymentCard() {
	}

	PaymentCard(Long applicationId) {
		this.applicationId = applicationId;
	}

	void entered(PaymentMethod method, Instant at) {
		this.paymentMethodToken = method.token();
		this.cardBrand = method.brand();
		this.cardLast4 = method.last4();
		this.enteredAt = at;
	}

	PaymentMethod method() {
		return new PaymentMethod(paymentMethodToken, cardBrand, cardLast4);
	}

	Instant enteredAt() {
		return enteredAt;
	}

}
