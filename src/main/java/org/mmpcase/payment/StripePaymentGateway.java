package org.mmpcase.payment;

import java.util.Locale;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodCreateParams;

import org.mmpcase.shared.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Stripe's PaymentIntents API through the official client: one PaymentIntent per charge, created and confirmed in
 * one call, with our idempotency key as Stripe's {@code Idempotency-Key}, so asking again after a timeout replays
 * Stripe's first answer instead of charging again (Stripe keeps keys for at least 24 hours; the charge job's
 * retries end well before that).
 */
@Component
@ConditionalOnProperty(prefix = "mmp.payment", name = "gateway", havingValue = "stripe")
class StripePaymentGateway implements PaymentGateway {

	private static final Logger log = LoggerFactory.getLogger(StripePaymentGateway.class);

	private final StripeClient stripe;

	StripePaymentGateway(StripeProperties properties) {
		if (!StringUtils.hasText(properties.secretKey())) {
			throw new IllegalStateException(
					"mmp.payment.gateway=stripe needs the secret key: set MMP_STRIPE_SECRET_KEY");
		}
		this.stripe = StripeClient.builder()
			.setApiKey(properties.secretKey())
			.setApiBase(properties.apiBase())
			.setConnectTimeout((int) properties.connectTimeout().toMillis())
			.setReadTimeout((int) properties.readTimeout().toMillis())
			.setMaxNetworkRetries(properties.maxNetworkRetries())
			.build();
	}

	/**
	 * Creates a Stripe PaymentMethod from the card. Stripe accepts raw card numbers from a server only for accounts
	 * allowed to send them; a portal with Stripe Elements sends the PaymentMethod id from the browser instead, and
	 * the card number never reaches this application.
	 */
	@Override
	public PaymentMethod tokenize(CardDetails card) {
		try {
			com.stripe.model.PaymentMethod method = stripe.v1()
				.paymentMethods()
				.create(PaymentMethodCreateParams.builder()
					.setType(PaymentMethodCreateParams.Type.CARD)
					.setCard(PaymentMethodCreateParams.CardDetails.builder()
						.setNumber(card.number())
						.setExpMonth((long) card.expMonth())
						.setExpYear((long) card.expYear())
						.setCvc(card.cvc())
						.build())
					.build());
			// Stripe's brand codes (visa, mastercard...), as the sandbox stores them
			return new PaymentMethod(method.getId(), method.getCard().getBrand(), method.getCard().getLast4());
		}
		catch (CardException ex) {
			String field = "incorrect_cvc".equals(ex.getCode()) || "invalid_cvc".equals(ex.getCode()) ? "cardCvc"
					: "invalid_expiry_year".equals(ex.getCode()) || "invalid_expiry_month".equals(ex.getCode())
							? "cardExpiry" : "cardNumber";
			throw new BadRequestException("The card cannot be used", java.util.Map.of(field,
					"The card was not accepted. Please check it or use another card."));
		}
		catch (ApiConnectionException | RateLimitException ex) {
			throw new PaymentGatewayUnavailableException("Stripe did not answer; please try again");
		}
		catch (StripeException ex) {
			throw new IllegalStateException("Stripe refused the card request: " + ex.getCode(), ex);
		}
	}

	@Override
	public ChargeResult charge(String idempotencyKey, long amountCents, String currency, String paymentMethodToken) {
		PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
			.setAmount(amountCents)
			.setCurrency(currency.toLowerCase(Locale.ROOT))
			.setPaymentMethod(paymentMethodToken)
			.addPaymentMethodType("card")
			.setConfirm(true)
			.build();
		try {
			PaymentIntent intent = stripe.v1()
				.paymentIntents()
				.create(params, RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
			return outcome(intent);
		}
		catch (CardException ex) {
			// a decline answers 402 with the card error; the PaymentIntent stays requires_payment_method
			return ChargeResult.declined(declineCode(ex.getDeclineCode(), ex.getCode()));
		}
		catch (ApiConnectionException ex) {
			throw new PaymentGatewayUnavailableException("No answer from Stripe (the charge may have been made; "
					+ "the retry asks again with the same idempotency key)");
		}
		catch (RateLimitException ex) {
			throw new PaymentGatewayUnavailableException("Stripe is rate limiting; retried later with the same key");
		}
		catch (IdempotencyException ex) {
			throw new IllegalStateException("Idempotency key reused with different charge parameters", ex);
		}
		catch (InvalidRequestException ex) {
			throw new IllegalStateException("Stripe refused the charge request: " + ex.getCode(), ex);
		}
		catch (StripeException ex) {
			// 5xx and other API errors: the outcome is unknown, the retry asks again with the same key
			throw new PaymentGatewayUnavailableException("Stripe answered " + ex.getStatusCode() + " (" + ex.getCode()
					+ "); retried with the same idempotency key");
		}
	}

	private static ChargeResult outcome(PaymentIntent intent) {
		String status = intent.getStatus();
		if ("succeeded".equals(status)) {
			return ChargeResult.succeeded(intent.getId());
		}
		if ("requires_payment_method".equals(status)) {
			StripeError error = intent.getLastPaymentError();
			return ChargeResult.declined(
					error == null ? ChargeResult.CARD_DECLINED : declineCode(error.getDeclineCode(), error.getCode()));
		}
		if ("requires_action".equals(status)) {
			// 3-D Secure needs the cardholder in a browser; this API cannot offer it: another card, or the portal
			return ChargeResult.declined("authentication_required");
		}
		// processing, requires_capture, canceled...: not a result we can book; asked again later with the same key
		log.warn("PaymentIntent {} is {}; the charge will be asked again", intent.getId(), status);
		throw new PaymentGatewayUnavailableException("PaymentIntent " + intent.getId() + " is " + status);
	}

	/** Stripe's {@code code} says what failed ({@code card_declined}, {@code expired_card}), its decline code why. */
	private static String declineCode(String declineCode, String code) {
		if (ChargeResult.EXPIRED_CARD.equals(code)) {
			return ChargeResult.EXPIRED_CARD;
		}
		if (declineCode != null) {
			return declineCode;
		}
		return code != null ? code : ChargeResult.CARD_DECLINED;
	}

}
