package org.mmpcase.notification;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmpcase.certificate.CertificateService;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.registration.CaseVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_EmailFirstReminder, Task_EmailSecondReminder of registration-expiry (asynchronous, retried): reminds the
 * holder that the registration ends. Skipped when the registration is no longer valid (superseded, revoked or
 * expired), and when it was issued after the reminder was due (a registration issued 40 days before its end gets
 * no "60 days" reminder, which would only arrive at once beside the next one).
 */
@Component("sendExpiryReminderDelegate")
class SendExpiryReminderDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(SendExpiryReminderDelegate.class);

	private final RegistrationRepository registrations;

	private final CertificateService certificates;

	private final CaseMailService mail;

	SendExpiryReminderDelegate(RegistrationRepository registrations, CertificateService certificates,
			CaseMailService mail) {
		this.registrations = registrations;
		this.certificates = certificates;
		this.mail = mail;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Registration registration = registrations.findByRegistrationNumber(execution.getProcessBusinessKey())
			.orElseThrow(() -> new IllegalStateException("No registration " + execution.getProcessBusinessKey()));
		Registration.Standing standing = registration.standingOn(certificates.today());
		Date dueAt = (Date) execution.getVariable(CaseVariables.REMINDER_DUE_AT);
		if (standing != Registration.Standing.VALID) {
			log.info("Expiry reminder of registration {} skipped: {}", registration.getId(), standing.label());
			return;
		}
		if (dueAt != null && registration.getIssuedAt().isAfter(dueAt.toInstant())) {
			log.info("Expiry reminder of registration {} skipped: issued after it was due", registration.getId());
			return;
		}
		String dedupKey = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":"
				+ execution.getActivityInstanceId();
		mail.send((String) execution.getVariable(CaseVariables.EMAIL_TEMPLATE), registration.getApplication(),
				new CaseMailService.CaseValues(null, null, null), dedupKey);
	}

}
