package org.mmpcase.payment;

import java.time.Clock;
import java.util.Map;

import org.mmpcase.notification.CaseMailService;
import org.mmpcase.shared.BusinessKeyLogging;
import org.mmpcase.registration.CaseStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-mail receipt of a successful payment (amount, card brand and last 4, date, reference), exactly once per
 * payment. Sent right after the payment's outcome is committed; if the mail server is down then, the payment
 * keeps no {@code receipt_sent_at} and a periodic sweep sends it later (a transactional outbox: the payment row is
 * the record of what is owed). The payment row is locked while its receipt is sent and marked, so the sweep and the
 * charge never both send it.
 */
@Service
class PaymentReceipts {

	private static final Logger log = LoggerFactory.getLogger(PaymentReceipts.class);

	static final String TEMPLATE = "payment-receipt";

	private final PaymentRepository payments;

	private final CaseMailService mail;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	PaymentReceipts(PaymentRepository payments, CaseMailService mail, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.payments = payments;
		this.mail = mail;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Sends the receipt now if it is owed; a failure is logged and left to the sweep. */
	void sendSoon(Long paymentId) {
		try {
			send(paymentId);
		}
		catch (RuntimeException ex) {
			log.warn("Receipt of payment {} not sent yet ({}); the sweep sends it later", paymentId,
					ex.getClass().getSimpleName());
		}
	}

	/** Sends every receipt still owed; run periodically. */
	@Scheduled(initialDelayString = "${mmp.payment.receipt-sweep:PT5M}", fixedDelayString = "${mmp.payment.receipt-sweep:PT5M}")
	int sendOwed() {
		int sent = 0;
		for (Payment payment : payments.findTop100ByStatusAndReceiptSentAtIsNullOrderByUpdatedAtAsc(Payment.Status.SUCCEEDED)) {
			try {
				if (send(payment.getId())) {
					sent++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Receipt of payment {} not sent ({}); tried again at the next sweep", payment.getId(),
						ex.getClass().getSimpleName());
				return sent;
			}
		}
		return sent;
	}

	/** @return whether it was sent now */
	boolean send(Long paymentId) {
		Boolean sent = ownTransaction.execute(status -> {
			Payment payment = payments.findLockedById(paymentId).orElseThrow();
			if (payment.getStatus() != Payment.Status.SUCCEEDED || payment.getReceiptSentAt() != null) {
				return false;
			}
			// the sweep runs outside any case: the log lines of the e-mail carry the case's number
			BusinessKeyLogging.withBusinessKey(payment.getApplication().getApplicationNumber(), () -> {
				mail.send(TEMPLATE, payment.getApplication(), new CaseMailService.CaseValues(null, null, null),
						"payment-receipt:" + payment.getId(), model(payment));
				return null;
			});
			payment.receiptSent(clock.instant());
			return true;
		});
		return Boolean.TRUE.equals(sent);
	}

	static Map<String, String> model(Payment payment) {
		return Map.of("paymentAmount", "$" + java.math.BigDecimal.valueOf(payment.getAmountCents(), 2)
				+ (payment.getCurrency().equalsIgnoreCase("USD") ? "" : " " + payment.getCurrency()),
				"paymentCard", brandLabel(payment.getCardBrand()) + " ending in "
						+ (payment.getCardLast4() == null ? "****" : payment.getCardLast4()),
				"paymentDate", org.mmpcase.certificate.CertificatePdf.DATE
					.format(payment.getUpdatedAt().atZone(CaseStarter.PROGRAM_ZONE).toLocalDate()),
				"paymentReference", payment.getGatewayReference() == null ? "P-" + payment.getId()
						: payment.getGatewayReference());
	}

	/** The card brand as people write it; the gateways store Stripe's codes ({@code visa}, {@code amex}...). */
	static String brandLabel(String brand) {
		if (brand == null || brand.isBlank()) {
			return "Card";
		}
		return switch (brand) {
			case "visa" -> "Visa";
			case "mastercard" -> "Mastercard";
			case "amex" -> "American Express";
			case "discover" -> "Discover";
			case "diners" -> "Diners Club";
			case "jcb" -> "JCB";
			case "unionpay" -> "UnionPay";
			default -> brand;
		};
	}

}
