package org.mmpcase.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects an application's fee exactly once. The payment row and its idempotency key are committed on their own
 * before the gateway is called, and the outcome is committed on its own after: whatever happens to the caller's
 * transaction (a job that fails later and retries, a crash), a retry finds the same key and the gateway replays its
 * first answer instead of charging again.
 */
@Service
public class PaymentService {

	private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

	private static final List<Payment.Status> UNFINISHED_OR_PAID = List.of(Payment.Status.PENDING,
			Payment.Status.SUCCEEDED);

	private final PaymentRepository payments;

	private final ApplicationRepository applications;

	private final PaymentGateway gateway;

	private final TransactionTemplate ownTransaction;

	private final String currency;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PaymentService(PaymentRepository payments, ApplicationRepository applications, PaymentGateway gateway,
			PlatformTransactionManager transactionManager, PaymentProperties properties, ApplicationEventPublisher events,
			Clock clock) {
		this.payments = payments;
		this.events = events;
		this.applications = applications;
		this.gateway = gateway;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.currency = properties.currency();
		this.clock = clock;
	}

	/**
	 * The receipt of a succeeded payment, once: the payment is locked while {@code send} runs and is then marked, so
	 * two nodes (or a resubmitted event) never both send it.
	 * @return whether it was sent now
	 */
	@Transactional
	public boolean withReceiptOwed(Long paymentId, Consumer<Payment> send) {
		Payment payment = payments.findLockedById(paymentId).orElseThrow();
		if (payment.getStatus() != Payment.Status.SUCCEEDED || payment.getReceiptSentAt() != null) {
			return false;
		}
		send.accept(payment);
		payment.receiptSent(clock.instant());
		return true;
	}

	/**
	 * Charges {@code fee} (in dollars) to the card, or finds that it was charged already.
	 * @return the succeeded payment
	 * @throws PaymentDeclinedException when the card was declined (recorded as DECLINED)
	 * @throws PaymentGatewayUnavailableException when the gateway did not answer (the payment stays PENDING; call
	 * again to retry with the same key)
	 */
	public Payment charge(Application application, BigDecimal fee, PaymentMethod card) {
		long amountCents = toCents(fee);
		Optional<Payment> paidEarlier = reconcileUnknownOutcomes(application, card.token());
		if (paidEarlier.isPresent()) {
			return paidEarlier.get();
		}
		Payment payment = ownTransaction
			.execute(status -> pendingOrPaid(application.getId(), amountCents, card));
		if (payment.getStatus() == Payment.Status.SUCCEEDED) {
			log.info("Payment {} of application {} already succeeded; not charged again", payment.getId(),
					application.getApplicationNumber());
			return payment;
		}
		ChargeResult result = gateway.charge(payment.getIdempotencyKey(), amountCents, currency, card.token());
		Payment recorded = ownTransaction.execute(status -> record(payment.getId(), result));
		log.info("Payment {} of application {}: {}{}", recorded.getId(), application.getApplicationNumber(),
				result.outcome(), result.succeeded() ? "" : " (" + result.declineCode() + ")");
		if (!result.succeeded()) {
			throw new PaymentDeclinedException(result.declineCode());
		}
		return recorded;
	}

	/**
	 * A payment left PENDING by an earlier attempt with another card (its answer was lost: a timeout, a crash) may
	 * have been charged. Before anything else, the gateway is asked again with that payment's key and parameters,
	 * which replays the first answer; if it was charged, that is the fee paid and no other card is charged. A
	 * gateway that still does not answer fails this attempt (the job retries) rather than risk a second charge.
	 * A PENDING payment with the same card is the one {@link #pendingOrPaid} resumes.
	 */
	private Optional<Payment> reconcileUnknownOutcomes(Application application, String currentToken) {
		List<Payment> unknown = ownTransaction.execute(status -> payments
			.findByApplicationAndStatusInOrderByCreatedAtAsc(applications.getReferenceById(application.getId()),
					UNFINISHED_OR_PAID));
		Optional<Payment> paid = unknown.stream()
			.filter(payment -> payment.getStatus() == Payment.Status.SUCCEEDED)
			.findFirst();
		if (paid.isPresent()) {
			log.info("Application {} has paid already (payment {}); not charged again",
					application.getApplicationNumber(), paid.get().getId());
			return paid;
		}
		for (Payment pending : unknown) {
			if (Objects.equals(pending.getPaymentMethodToken(), currentToken)) {
				continue;
			}
			log.info("Payment {} of application {} has an unknown outcome; asking the gateway again with its key",
					pending.getId(), application.getApplicationNumber());
			ChargeResult result = gateway.charge(pending.getIdempotencyKey(), pending.getAmountCents(),
					pending.getCurrency(), pending.getPaymentMethodToken());
			Payment recorded = ownTransaction.execute(status -> record(pending.getId(), result));
			log.info("Payment {} of application {} reconciled: {}", recorded.getId(),
					application.getApplicationNumber(), result.outcome());
			if (result.succeeded()) {
				return Optional.of(recorded);
			}
		}
		return Optional.empty();
	}

	private Payment pendingOrPaid(Long applicationId, long amountCents, PaymentMethod card) {
		Application application = applications.getReferenceById(applicationId);
		List<Payment> earlier = payments.findByApplicationAndPaymentMethodTokenAndStatusInOrderByCreatedAtDesc(
				application, card.token(), UNFINISHED_OR_PAID);
		return earlier.stream()
			.filter(payment -> payment.getStatus() == Payment.Status.SUCCEEDED)
			.findFirst()
			.or(() -> earlier.stream().filter(payment -> payment.getAmountCents() == amountCents).findFirst())
			.orElseGet(() -> payments.save(new Payment(application, UUID.randomUUID().toString(), amountCents,
					currency, card.token(), card.brand(), card.last4(), clock.instant())));
	}

	/** The outcome; a success is announced with it (its receipt follows), in the same transaction. */
	private Payment record(Long paymentId, ChargeResult result) {
		Payment payment = payments.findById(paymentId).orElseThrow();
		if (result.succeeded()) {
			boolean first = payment.getStatus() != Payment.Status.SUCCEEDED;
			payment.succeeded(result.reference(), clock.instant());
			if (first) {
				events.publishEvent(new PaymentSucceeded(payment.getId(), payment.getApplication().getApplicationNumber()));
			}
		}
		else {
			payment.declined(result.declineCode(), clock.instant());
		}
		return payment;
	}

	static long toCents(BigDecimal dollars) {
		return dollars.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
	}

}
