package org.mmpcase.notification;

import java.math.BigDecimal;
import java.util.Map;

import org.mmpcase.certificate.CertificatePdf;
import org.mmpcase.payment.Payment;
import org.mmpcase.payment.PaymentService;
import org.mmpcase.payment.PaymentSucceeded;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.shared.BusinessKeyLogging;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The e-mail receipt of a successful payment (amount, card brand and last 4, date, reference), exactly once per
 * payment. It follows the payment's {@link PaymentSucceeded} event after that has committed; the event publication
 * registry keeps the event until the receipt went out, so a mail server that is down when the payment is made only
 * delays it (shared/EventPublications sends it again). The payment is locked while its receipt is sent and marked,
 * so a resubmitted event on another node never sends it twice.
 */
@Component
class PaymentReceiptMails {

	static final String TEMPLATE = "payment-receipt";

	private final PaymentService payments;

	private final CaseMailService mail;

	PaymentReceiptMails(PaymentService payments, CaseMailService mail) {
		this.payments = payments;
		this.mail = mail;
	}

	@ApplicationModuleListener
	void on(PaymentSucceeded succeeded) {
		// outside any case's process: the log lines of the e-mail carry the case's number
		BusinessKeyLogging.withBusinessKey(succeeded.applicationNumber(),
				() -> payments.withReceiptOwed(succeeded.paymentId(),
						payment -> mail.send(TEMPLATE, payment.getApplication(),
								new CaseMailService.CaseValues(null, null, null), "payment-receipt:" + payment.getId(),
								model(payment))));
	}

	static Map<String, String> model(Payment payment) {
		return Map.of("paymentAmount", "$" + BigDecimal.valueOf(payment.getAmountCents(), 2)
				+ (payment.getCurrency().equalsIgnoreCase("USD") ? "" : " " + payment.getCurrency()),
				"paymentCard", brandLabel(payment.getCardBrand()) + " ending in "
						+ (payment.getCardLast4() == null ? "****" : payment.getCardLast4()),
				"paymentDate", CertificatePdf.DATE
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
