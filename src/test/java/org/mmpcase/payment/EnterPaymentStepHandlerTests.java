package org.mmpcase.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mmpcase.shared.BadRequestException;

class EnterPaymentStepHandlerTests {

	/** Bad card input is refused before anything is kept (the cards: none here); the kept card: PaymentScenarioTests. */
	private final EnterPaymentStepHandler handler = new EnterPaymentStepHandler(
			new SandboxPaymentGateway(Clock.fixed(Instant.parse("2026-03-15T12:00:00Z"), ZoneOffset.UTC)), null);

	@Test
	void cardNumberNotDigits_fieldError() {
		assertThatThrownBy(() -> handler.complete(null, Map.of("cardholderName", "Pat Doe", "cardNumber",
				"4242-abcd", "cardExpiry", "12/30", "cardCvc", "123")))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getFieldErrors()).containsOnlyKeys("cardNumber"));
	}

	@Test
	void expiryNotMmYy_fieldError() {
		assertThatThrownBy(() -> handler.complete(null, Map.of("cardholderName", "Pat Doe", "cardNumber",
				"4242424242424242", "cardExpiry", "December", "cardCvc", "123")))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getFieldErrors()).containsOnlyKeys("cardExpiry"));
	}

	@Test
	void expiredCard_fieldError() {
		assertThatThrownBy(() -> handler.complete(null, Map.of("cardholderName", "Pat Doe", "cardNumber",
				"4242424242424242", "cardExpiry", "01/26", "cardCvc", "123")))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getFieldErrors()).containsKey("cardExpiry"));
	}

}
