package org.mmpcase.certificate;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmpcase.registration.ApplicationAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service tasks that issue registrations; both are safe to retry (an issued registration is reused). */
@Configuration(proxyBeanMethods = false)
class CertificateDelegates {

	/** Task_IssueCertificate: the permanent registration; the application is approved with it. */
	@Bean
	JavaDelegate issueCertificateDelegate(ApplicationAccess access, CertificateService certificates) {
		return execution -> certificates.issue(access.require(execution.getProcessBusinessKey()),
				Registration.Kind.PERMANENT);
	}

	/**
	 * Task_IssueTemporaryRegistration: an auto-approved renewal gets a temporary registration at once, e-mailed before
	 * the certificate follows.
	 */
	@Bean
	JavaDelegate issueTemporaryRegistrationDelegate(ApplicationAccess access, CertificateService certificates) {
		return execution -> certificates.issue(access.require(execution.getProcessBusinessKey()),
				Registration.Kind.TEMPORARY);
	}

}
