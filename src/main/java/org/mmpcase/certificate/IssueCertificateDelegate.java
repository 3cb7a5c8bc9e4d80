package org.mmpcase.certificate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmpcase.registration.ApplicationRepository;
import org.mmpcase.registration.CaseNotFoundException;
import org.mmpcase.registration.CaseVariables;
import org.springframework.stereotype.Component;

/** Task_IssueCertificate: the permanent registration; the application is approved with it. */
@Component("issueCertificateDelegate")
class IssueCertificateDelegate implements JavaDelegate {

	private final ApplicationRepository applications;

	private final CertificateService certificates;

	IssueCertificateDelegate(ApplicationRepository applications, CertificateService certificates) {
		this.applications = applications;
		this.certificates = certificates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String applicationNumber = (String) execution.getVariable(CaseVariables.APPLICATION_NUMBER);
		certificates.issue(applications.findByApplicationNumber(applicationNumber)
			.orElseThrow(() -> new CaseNotFoundException(applicationNumber)), Registration.Kind.PERMANENT);
	}

}
