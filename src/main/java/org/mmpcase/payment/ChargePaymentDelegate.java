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

	ChargePaymentDelegate(ApplicationAccess access, PaymentService payments) {
		this.access = access;
		this.payments = payments;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Application application = access.require(execution.getProcessBusinessKey());
		BigDecimal fee = new BigDecimal(String.valueOf(execution.getVariable(CaseVariables.FEE)));
		if (fee.signum() <= 0) {
			return;
		}
		try {
			payments.charge(application, fee, (String) execution.getVariable(CaseVariables.PAYMENT_METHOD_TOKEN),
					(String) execution.getVariable(CaseVariables.CARD_BRAND),
					(String) execution.getVariable(CaseVariables.CARD_LAST4));
		}
		catch (PaymentDeclinedException ex) {
			execution.setVariable(CaseVariables.PAYMENT_DECLINE_REASON, ex.applicantMessage());
			throw new BpmnError(CaseVariables.ERROR_PAYMENT_DECLINED, ex.applicantMessage());
		}
	}

}
