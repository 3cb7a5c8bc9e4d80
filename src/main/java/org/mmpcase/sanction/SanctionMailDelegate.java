package org.mmpcase.sanction;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.notification.CaseMailService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_EmailSanction, Task_EmailReinstatement (asynchronous, retried, one job per recipient): tells the holder of the
 * registration, and each caregiver whose registration followed the patient's. The holder reads the reason; a
 * caregiver reads only that their registration follows the patient's (the patient's reason is not theirs to know).
 * A reinstatement e-mail goes only to a registration that is valid again.
 */
@Component("sanctionMailDelegate")
class SanctionMailDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(SanctionMailDelegate.class);

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	static final String REINSTATED = "registration-reinstated";

	private final RegistrationRepository registrations;

	private final CaseMailService mail;

	SanctionMailDelegate(RegistrationRepository registrations, CaseMailService mail) {
		this.registrations = registrations;
		this.mail = mail;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = (String) execution.getVariable(SanctionProcess.RECIPIENT);
		String template = (String) execution.getVariable(SanctionProcess.EMAIL_TEMPLATE);
		Registration registration = registrations.findByRegistrationNumber(number)
			.orElseThrow(() -> new IllegalStateException("No registration " + number));
		if (REINSTATED.equals(template) && registration.getStatus() != Registration.Status.ACTIVE) {
			log.info("Reinstatement e-mail of registration {} skipped: it is {}", registration.getId(),
					registration.getStatus());
			return;
		}
		boolean followsPatient = !number.equals(execution.getProcessBusinessKey());
		Map<String, String> values = new HashMap<>();
		values.put("registrationNumber", number);
		values.put("expiresOn", DATE.format(registration.getExpiresOn()));
		values.put("sanctionReason", String.valueOf(execution.getVariable(SanctionProcess.REASON_LABEL)));
		values.put("effectiveOn", formatted(execution.getVariable(SanctionProcess.EFFECTIVE_ON)));
		values.put("lastDay", formatted(execution.getVariable(SanctionProcess.LAST_DAY)));
		values.put("followsPatient", followsPatient ? "yes" : "");
		values.put("lifted", execution.getVariable(SanctionProcess.LIFTED_BY) != null ? "yes" : "");
		String dedupKey = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":"
				+ execution.getActivityInstanceId();
		mail.send(template, registration.getApplication(), new CaseMailService.CaseValues(null, null, null), dedupKey,
				values);
	}

	private static String formatted(Object isoDate) {
		return isoDate == null || isoDate.toString().isBlank() ? "" : DATE.format(LocalDate.parse(isoDate.toString()));
	}

}
