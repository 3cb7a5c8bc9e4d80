package org.mmpcase.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.shared.BadRequestException;

class EnterPaymentStepHandlerTests {

	private final EnterPaymentStepHandler handler = new EnterPaymentStepHandler(
			new SandboxPaymentGateway(Clock.fixed(Instant.parse("2026-03-15T12:00:00Z"), ZoneOffset.UTC)));

	@Test
	void cardDetails_becomeOnlyTokenBrandAndLastFour() {
		Map<String, Object> variables = handler.complete(null, Map.of("cardholderName", "Pat Doe", "cardNumber",
				"4242 4242 4242 4242", "cardExpiry", "12/30", "cardCvc", "123"));

		assertThat(variables).containsOnlyKeys(CaseVariables.PAYMENT_METHOD_TOKEN, CaseVariables.CARD_BRAND,
				CaseVariables.CARD_LAST4, CaseVariables.PAYMENT_DECLINE_REASON);
		assertThat(variables.get(CaseVariables.CARD_LAST4)).isEqualTo("4242");
		assertThat(variables.get(CaseVariables.PAYMENT_DECLINE_REASON)).isNull();
		assertThat(variables.values()).noneMatch(value -> String.valueOf(value).contains("42424242"));
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
