package org.mmpcase.payment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.mmpcase.registration.Application;

/**
 * One attempt to collect an application's fee. Created (and committed) before the gateway is called, so its
 * idempotency key survives a lost answer or a crash. Holds no card data beyond the brand and the last four digits.
 */
@Entity
public class Payment {

	public enum Status {
		/** Sent to the gateway, or about to be; the outcome is not known yet. */
		PENDING, SUCCEEDED, DECLINED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "application_id")
	private Application application;

	private String idempotencyKey;

	private long amountCents;

	private String currency;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String gatewayReference;

	private String paymentMethodToken;

	private String cardBrand;

	private String cardLast4;

	private String declineCode;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant receiptSentAt;

	protected Payment() {
	}

	Payment(Application application, String idempotencyKey, long amountCents, String currency,
			String paymentMethodToken, String cardBrand, String cardLast4, Instant createdAt) {
		this.application = application;
		this.idempotencyKey = idempotencyKey;
		this.amountCents = amountCents;
		this.currency = currency;
		this.paymentMethodToken = paymentMethodToken;
		this.cardBrand = cardBrand;
		this.cardLast4 = cardLast4;
		this.status = Status.PENDING;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
	}

	Instant getReceiptSentAt() {
		return receiptSentAt;
	}

	void receiptSent(Instant at) {
		this.receiptSentAt = at;
	}

	String getPaymentMethodToken() {
		return paymentMethodToken;
	}

	void succeeded(String gatewayReference, Instant at) {
		this.status = Status.SUCCEEDED;
		this.gatewayReference = gatewayReference;
		this.updatedAt = at;
	}

	void declined(String declineCode, Instant at) {
		this.status = Status.DECLINED;
		this.declineCode = declineCode;
		this.updatedAt = at;
	}

	public Long getId() {
		return id;
	}

	public Application getApplication() {
		return application;
	}

	public String getIdempotencyKey() {
		return idempotencyKey;
	}

	public long getAmountCents() {
		return amountCents;
	}

	public String getCurrency() {
		return currency;
	}

	public Status getStatus() {
		return status;
	}

	public String getGatewayReference() {
		return gatewayReference;
	}

	public String getCardBrand() {
		return cardBrand;
	}

	public String getCardLast4() {
		return cardLast4;
	}

	public String getDeclineCode() {
		return declineCode;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

}
