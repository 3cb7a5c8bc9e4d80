package org.mmpcase.payment;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.StepHandler;
import org.mmpcase.shared.BadRequestException;
import org.springframework.stereotype.Component;

/**
 * Task_EnterPayment: the card details go to the gateway; its token for the card, the brand and the last four digits
 * are kept in our table ({@link PaymentCards}) for the charge. The task completes with no card data at all: the card
 * number never reaches us, and the token (which can be charged) never reaches the engine, its history or its logs.
 */
@Component
class EnterPaymentStepHandler implements StepHandler {

	static final String TASK_ENTER_PAYMENT = "Task_EnterPayment";

	private static final Pattern EXPIRY = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{2}|\\d{4})");

	private final PaymentGateway gateway;

	private final PaymentCards cards;

	EnterPaymentStepHandler(PaymentGateway gateway, PaymentCards cards) {
		this.gateway = gateway;
		this.cards = cards;
	}

	@Override
	public String taskDefinitionKey() {
		return TASK_ENTER_PAYMENT;
	}

	@Override
	public Map<String, Object> complete(Application application, Map<String, Object> formData) {
		String number = text(formData.get("cardNumber")).replace(" ", "");
		if (!number.matches("\\d+")) {
			throw BadRequestException.field("cardNumber", "Enter the card number as digits.");
		}
		Matcher expiry = EXPIRY.matcher(text(formData.get("cardExpiry")).strip());
		if (!expiry.matches()) {
			throw BadRequestException.field("cardExpiry", "Enter the expiry date as MM/YY.");
		}
		PaymentMethod method = gateway.tokenize(new CardDetails(number, Integer.parseInt(expiry.group(1)),
				Integer.parseInt(expiry.group(2)), text(formData.get("cardCvc")).strip(),
				text(formData.get("cardholderName")).strip()));
		cards.keep(application, method);
		Map<String, Object> variables = new HashMap<>();
		// a new card: the previous decline no longer applies
		variables.put(CaseVariables.PAYMENT_DECLINE_REASON, null);
		return variables;
	}

	private static String text(Object value) {
		return value == null ? "" : String.valueOf(value);
	}

}
