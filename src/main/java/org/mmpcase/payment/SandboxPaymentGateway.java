package org.mmpcase.payment;

import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.mmpcase.shared.BadRequestException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A gateway without a network that behaves like a real one, for development, demos and tests. It answers to the
 * test card numbers a Stripe sandbox knows:
 * <ul>
 * <li>4242 4242 4242 4242 succeeds (as does any other valid number);</li>
 * <li>4000 0000 0000 0002 is declined ({@code card_declined});</li>
 * <li>4000 0000 0000 9995 is declined ({@code insufficient_funds});</li>
 * <li>4000 0000 0000 0069 is declined ({@code expired_card});</li>
 * <li>4000 0000 0000 0119 succeeds, but the first attempt for an idempotency key times out after the charge was
 * made, as when the response is lost on the way back; the retry learns the result.</li>
 * </ul>
 * Tokens and charges live in memory: a restart forgets them, which a sandbox may.
 */
@Component
@ConditionalOnProperty(prefix = "mmp.payment", name = "gateway", havingValue = "sandbox", matchIfMissing = true)
public class SandboxPaymentGateway implements PaymentGateway {

	static final String DECLINED_CARD = "4000000000000002";

	static final String INSUFFICIENT_FUNDS_CARD = "4000000000009995";

	static final String EXPIRED_CARD = "4000000000000069";

	static final String TIMEOUT_CARD = "4000000000000119";

	private enum Behaviour {
		SUCCEED, DECLINE, INSUFFICIENT_FUNDS, EXPIRED, TIME_OUT_ONCE
	}

	private record Card(Behaviour behaviour) {
	}

	private record Charge(long amountCents, String currency, String token, ChargeResult result) {
	}

	private final Clock clock;

	private final Map<String, Card> cards = new ConcurrentHashMap<>();

	private final Map<String, Charge> charges = new ConcurrentHashMap<>();

	private final AtomicInteger chargeCount = new AtomicInteger();

	public SandboxPaymentGateway(Clock clock) {
		this.clock = clock;
	}

	@Override
	public PaymentMethod tokenize(CardDetails card) {
		String number = card.number() == null ? "" : card.number().replaceAll("[\\s-]", "");
		Map<String, String> errors = new LinkedHashMap<>();
		if (!number.matches("\\d{12,19}") || !luhnValid(number)) {
			errors.put("cardNumber", "This card number is not valid. Check the digits and try again.");
		}
		int year = card.expYear() < 100 ? 2000 + card.expYear() : card.expYear();
		if (card.expMonth() < 1 || card.expMonth() > 12) {
			errors.put("cardExpiry", "Enter the expiry date as MM/YY.");
		}
		else if (YearMonth.of(year, card.expMonth()).isBefore(YearMonth.now(clock))) {
			errors.put("cardExpiry", "This card has expired. Please use another card.");
		}
		else if (YearMonth.of(year, card.expMonth()).isAfter(YearMonth.now(clock).plusYears(20))) {
			errors.put("cardExpiry", "This expiry date is not valid. Check it and try again.");
		}
		if (card.cvc() == null || !card.cvc().matches("\\d{3,4}")) {
			errors.put("cardCvc", "Enter the 3 or 4 digit security code from the card.");
		}
		if (!errors.isEmpty()) {
			throw new BadRequestException("Check your card details.", errors);
		}
		String token = "pm_" + UUID.randomUUID();
		cards.put(token, new Card(behaviourOf(number)));
		return new PaymentMethod(token, brandOf(number), number.substring(number.length() - 4));
	}

	@Override
	public ChargeResult charge(String idempotencyKey, long amountCents, String currency, String paymentMethodToken) {
		if (amountCents <= 0) {
			throw new IllegalArgumentException("A charge needs a positive amount");
		}
		AtomicBoolean firstAttempt = new AtomicBoolean();
		Charge charge = charges.computeIfAbsent(idempotencyKey, key -> {
			firstAttempt.set(true);
			chargeCount.incrementAndGet();
			return new Charge(amountCents, currency, paymentMethodToken, decide(paymentMethodToken));
		});
		if (charge.amountCents() != amountCents || !charge.currency().equals(currency)
				|| !charge.token().equals(paymentMethodToken)) {
			// as real gateways do: a key belongs to one request; reusing it for another is a bug in the caller
			throw new IllegalStateException("Idempotency key reused with different charge parameters");
		}
		if (firstAttempt.get() && cards.get(paymentMethodToken) != null
				&& cards.get(paymentMethodToken).behaviour() == Behaviour.TIME_OUT_ONCE) {
			throw new PaymentGatewayUnavailableException("Sandbox gateway timed out (the charge was made)");
		}
		return charge.result();
	}

	/** Charges actually made, replays not counted. */
	public int chargeCount() {
		return chargeCount.get();
	}

	/** 1 if a charge was made under this key, 0 if not: a replay never makes a second. */
	public int chargeCount(String idempotencyKey) {
		return charges.containsKey(idempotencyKey) ? 1 : 0;
	}

	private ChargeResult decide(String token) {
		Card card = cards.get(token);
		if (card == null) {
			// a token this gateway never issued (or forgot in a restart): a real gateway refuses it too
			return ChargeResult.declined(ChargeResult.CARD_DECLINED);
		}
		return switch (card.behaviour()) {
			case DECLINE -> ChargeResult.declined(ChargeResult.CARD_DECLINED);
			case INSUFFICIENT_FUNDS -> ChargeResult.declined(ChargeResult.INSUFFICIENT_FUNDS);
			case EXPIRED -> ChargeResult.declined(ChargeResult.EXPIRED_CARD);
			case SUCCEED, TIME_OUT_ONCE -> ChargeResult.succeeded("ch_" + UUID.randomUUID());
		};
	}

	private static Behaviour behaviourOf(String number) {
		return switch (number) {
			case DECLINED_CARD -> Behaviour.DECLINE;
			case INSUFFICIENT_FUNDS_CARD -> Behaviour.INSUFFICIENT_FUNDS;
			case EXPIRED_CARD -> Behaviour.EXPIRED;
			case TIMEOUT_CARD -> Behaviour.TIME_OUT_ONCE;
			default -> Behaviour.SUCCEED;
		};
	}

	static String brandOf(String number) {
		if (number.startsWith("4")) {
			return "visa";
		}
		if (number.matches("5[1-5].*") || number.matches("2(2[2-9]|[3-6]\\d|7[01]|720).*")) {
			return "mastercard";
		}
		if (number.matches("3[47].*")) {
			return "amex";
		}
		if (number.matches("6(011|5).*")) {
			return "discover";
		}
		return "card";
	}

	static boolean luhnValid(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

}
