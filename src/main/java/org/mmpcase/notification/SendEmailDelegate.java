package org.mmpcase.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Every Task_Email* (asynchronous, retried): sends the template named by the task's input parameter
 * {@link CaseVariables#EMAIL_TEMPLATE} to the applicant. Keyed by the activity instance, so a step that runs again
 * (a second information request) sends again, while the same run does not send twice.
 */
@Component("sendEmailDelegate")
class SendEmailDelegate implements JavaDelegate {

	private final ApplicationAccess access;

	private final CaseMailService mail;

	SendEmailDelegate(ApplicationAccess access, CaseMailService mail) {
		this.access = access;
		this.mail = mail;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Application application = access.require(execution.getProcessBusinessKey());
		String template = (String) execution.getVariable(CaseVariables.EMAIL_TEMPLATE);
		String dedupKey = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":"
				+ execution.getActivityInstanceId();
		mail.send(template, application,
				new CaseMailService.CaseValues((String) execution.getVariable(CaseVariables.DENIAL_REASON),
						(String) execution.getVariable(CaseVariables.INFORMATION_REQUEST),
						execution.getVariable(CaseVariables.FEE)),
				dedupKey);
	}

}
