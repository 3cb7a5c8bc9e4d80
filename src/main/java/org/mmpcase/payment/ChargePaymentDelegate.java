package org.mmpcase.payment;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Task_ChargePayment (asynchronous, retried): a declined card is a business outcome ({@link BpmnError}, back to
 * the card form with the reason); a gateway that does not answer is a technical failure and the job retries.
 */
@Component("chargePaymentDelegate")
class ChargePaymentDelegate implements JavaDelegate {

	private final ApplicationAccess access;

	private final PaymentService payments;

	private final PaymentCards cards;

	ChargePaymentDelegate(ApplicationAccess access, PaymentService payments, PaymentCards cards) {
		this.access = access;
		this.payments = payments;
		this.cards = cards;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Application application = access.require(execution.getProcessBusinessKey());
		BigDecimal fee = new BigDecimal(String.valueOf(execution.getVariable(CaseVariables.FEE)));
		if (fee.signum() <= 0) {
			return;
		}
		PaymentMethod card = cards.of(application).orElseGet(() -> enteredBeforeIssue14(execution));
		try {
			payments.charge(application, fee, card);
		}
		catch (PaymentDeclinedException ex) {
			execution.setVariable(CaseVariables.PAYMENT_DECLINE_REASON, ex.applicantMessage());
			throw new BpmnError(CaseVariables.ERROR_PAYMENT_DECLINED, ex.applicantMessage());
		}
	}

	/**
	 * A case whose card was entered before the card was kept in our table, and not yet upgraded by
	 * {@code --mmp.cases.migrate-running} (which moves it there): its card is still in the variables.
	 */
	private static PaymentMethod enteredBeforeIssue14(DelegateExecution execution) {
		Object token = execution.getVariable(CaseVariables.PAYMENT_METHOD_TOKEN);
		if (token == null) {
			throw new IllegalStateException("No card was entered for application " + execution.getProcessBusinessKey());
		}
		return new PaymentMethod((String) token, (String) execution.getVariable(CaseVariables.CARD_BRAND),
				(String) execution.getVariable(CaseVariables.CARD_LAST4));
	}

}
