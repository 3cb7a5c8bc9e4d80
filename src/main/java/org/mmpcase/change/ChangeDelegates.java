package org.mmpcase.change;

import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmpcase.notification.CaseMailService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code registration-change}: thin, the change service does the work. */
@Configuration(proxyBeanMethods = false)
class ChangeDelegates {

	/** Task_ApplyChange: the new name or address replaces the old one, the certificate is reissued. */
	@Bean
	JavaDelegate applyChangeDelegate(ChangeService changes) {
		return execution -> changes.approve(execution.getProcessBusinessKey());
	}

	/** Task_RecordChangeDenied: the registration's history records the denial; nothing else changes. */
	@Bean
	JavaDelegate recordChangeDeniedDelegate(ChangeService changes) {
		return execution -> changes.denied(execution.getProcessBusinessKey());
	}

	/**
	 * Task_EmailCertificateReissued (asynchronous, retried): the reissued certificate goes to the holder as a PDF. It is
	 * sent as an e-mail of the registration's own application, which is what the certificate attachment is found by;
	 * the change's number and what changed are added to the model. Nothing when the registration was revoked or ended
	 * meanwhile (no certificate was reissued). Keyed by the activity instance, as every case
	 * e-mail: a retried job does not send twice.
	 */
	@Bean
	JavaDelegate emailCertificateReissuedDelegate(ChangeService changes, CaseMailService mail) {
		return execution -> {
			RegistrationChange change = changes.require(execution.getProcessBusinessKey());
			if (!change.getRegistration().getStatus().isCurrent()) {
				// revoked or ended since the approval: no certificate was reissued, so none is sent
				return;
			}
			String dedupKey = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":"
					+ execution.getActivityInstanceId();
			mail.send(RegistrationChangeProcess.MAIL_CERTIFICATE_REISSUED, change.getRegistration().getApplication(),
					new CaseMailService.CaseValues(null, null, null), dedupKey,
					Map.of("changeNumber", change.getApplication().getApplicationNumber(), "changeKind",
							change.getKind().apiName(), "changedFrom", change.from(), "changedTo", change.to()));
		};
	}

}
