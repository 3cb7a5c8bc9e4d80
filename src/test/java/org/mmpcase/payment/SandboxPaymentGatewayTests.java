package org.mmpcase.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.mmpcase.shared.BadRequestException;

class SandboxPaymentGatewayTests {

	private final SandboxPaymentGateway gateway = new SandboxPaymentGateway(
			Clock.fixed(Instant.parse("2026-03-15T12:00:00Z"), ZoneOffset.UTC));

	@Test
	void successCard_charged() {
		PaymentMethod card = tokenize("4242 4242 4242 4242");
		assertThat(card.token()).matches("pm_[0-9a-f-]{36}");
		assertThat(card.brand()).isEqualTo("visa");
		assertThat(card.last4()).isEqualTo("4242");

		ChargeResult result = gateway.charge("key-1", 10_000, "USD", card.token());

		assertThat(result.succeeded()).isTrue();
		assertThat(result.reference()).startsWith("ch_");
		assertThat(gateway.chargeCount()).isEqualTo(1);
	}

	@Test
	void declineCards_declinedWithTheirCodes() {
		assertThat(gateway.charge("k1", 100, "USD", tokenize("4000000000000002").token()).declineCode())
			.isEqualTo(ChargeResult.CARD_DECLINED);
		assertThat(gateway.charge("k2", 100, "USD", tokenize("4000000000009995").token()).declineCode())
			.isEqualTo(ChargeResult.INSUFFICIENT_FUNDS);
		ChargeResult expired = gateway.charge("k3", 100, "USD", tokenize("4000000000000069").token());
		assertThat(expired.outcome()).isEqualTo(ChargeResult.Outcome.DECLINED);
		assertThat(expired.declineCode()).isEqualTo(ChargeResult.EXPIRED_CARD);
	}

	@Test
	void sameKey_replaysTheFirstResultAndChargesOnce() {
		String token = tokenize("4242424242424242").token();
		ChargeResult first = gateway.charge("key-1", 2_500, "USD", token);
		ChargeResult again = gateway.charge("key-1", 2_500, "USD", token);

		assertThat(again).isEqualTo(first);
		assertThat(gateway.chargeCount()).isEqualTo(1);
		assertThat(gateway.chargeCount("key-1")).isEqualTo(1);
		assertThat(gateway.chargeCount("key-2")).isZero();
	}

	@Test
	void sameKeyForAnotherAmount_refused() {
		String token = tokenize("4242424242424242").token();
		gateway.charge("key-1", 2_500, "USD", token);
		assertThatThrownBy(() -> gateway.charge("key-1", 9_900, "USD", token))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void timeoutCard_firstAttemptTimesOutAfterCharging_replayAnswersWithoutCharging() {
		String token = tokenize("4000000000000119").token();

		assertThatThrownBy(() -> gateway.charge("key-1", 10_000, "USD", token))
			.isInstanceOf(PaymentGatewayUnavailableException.class);
		assertThat(gateway.chargeCount()).isEqualTo(1);

		ChargeResult replay = gateway.charge("key-1", 10_000, "USD", token);
		assertThat(replay.succeeded()).isTrue();
		assertThat(gateway.chargeCount()).isEqualTo(1);
	}

	@Test
	void badLuhn_fieldErrorOnCardNumber() {
		assertThatThrownBy(() -> tokenize("4242424242424241")).isInstanceOfSatisfying(BadRequestException.class,
				ex -> assertThat(ex.getFieldErrors()).containsOnlyKeys("cardNumber"));
	}

	@Test
	void expiredOrImpossibleExpiry_fieldErrorOnCardExpiry() {
		assertThatThrownBy(() -> gateway.tokenize(new CardDetails("4242424242424242", 2, 26, "123", "Pat Doe")))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getFieldErrors()).containsOnlyKeys("cardExpiry"));
		assertThatThrownBy(() -> gateway.tokenize(new CardDetails("4242424242424242", 13, 30, "123", "Pat Doe")))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getFieldErrors()).containsOnlyKeys("cardExpiry"));
		// the current month is still valid
		assertThat(gateway.tokenize(new CardDetails("4242424242424242", 3, 2026, "123", "Pat Doe")).token())
			.startsWith("pm_");
	}

	@Test
	void cardDetails_neverPrinted() {
		CardDetails card = new CardDetails("4242424242424242", 12, 30, "123", "Pat Doe");
		assertThat(card.toString()).doesNotContain("4242").doesNotContain("123").doesNotContain("Pat");
	}

	private PaymentMethod tokenize(String number) {
		return gateway.tokenize(new CardDetails(number, 12, 30, "123", "Pat Doe"));
	}

}
