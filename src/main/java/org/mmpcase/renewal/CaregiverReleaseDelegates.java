package org.mmpcase.renewal;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmpcase.caregiver.CaregiverService;
import org.mmpcase.certificate.CertificatePdf;
import org.mmpcase.notification.CaseMailService;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code caregiver-release.bpmn}; each is safe to run again. */
@Configuration(proxyBeanMethods = false)
class CaregiverReleaseDelegates {

	/**
	 * Task_EmailPatientCaregiverEnding, Task_EmailCaregiverEnding (asynchronous, retried): the e-mail saying when the
	 * caregiver's registration ends, to the recipient the task's input parameter names. Keyed by the activity
	 * instance like every case e-mail, so a retried job does not send it twice.
	 */
	@Bean
	JavaDelegate caregiverEndingMailDelegate(ApplicationAccess access, CaseMailService mail) {
		return execution -> {
			Application patientRenewal = access
				.require((String) execution.getVariable(CaregiverReleaseProcess.PATIENT_APPLICATION_NUMBER));
			Application caregiverApplication = access
				.require((String) execution.getVariable(CaregiverReleaseProcess.CAREGIVER_APPLICATION_NUMBER));
			boolean toPatient = "patient".equals(execution.getVariable(CaregiverReleaseProcess.MAIL_RECIPIENT));
			LocalDate lastDay = LocalDate
				.parse((String) execution.getVariable(CaregiverReleaseProcess.CAREGIVER_LAST_DAY));
			mail.send(CaregiverReleaseProcess.TEMPLATE, toPatient ? patientRenewal : caregiverApplication,
					new CaseMailService.CaseValues(null, null, null), dedupKey(execution),
					Map.of("patientName", patientRenewal.getApplicant().getFullName(), "caregiverName",
							caregiverApplication.getApplicant().getFullName(), "caregiverRegistrationNumber",
							(String) execution.getVariable(CaregiverReleaseProcess.CAREGIVER_REGISTRATION_NUMBER),
							"caregiverLastDay", CertificatePdf.DATE.format(lastDay)));
		};
	}

	/** Task_EndCaregiverLink: the day after the caregiver's registration ended, the link ends too. */
	@Bean
	JavaDelegate endCaregiverLinkDelegate(ApplicationAccess access, CaregiverService caregivers) {
		return execution -> {
			Application caregiverApplication = access
				.require((String) execution.getVariable(CaregiverReleaseProcess.CAREGIVER_APPLICATION_NUMBER));
			caregivers.unlink(caregiverApplication.getPatient(), caregiverApplication.getApplicant());
		};
	}

	private static String dedupKey(DelegateExecution execution) {
		return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":"
				+ execution.getActivityInstanceId();
	}

}
