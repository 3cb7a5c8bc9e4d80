package org.mmpcase.documents;

import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationRepository;
import org.mmpcase.registration.CaseNotFoundException;
import org.mmpcase.registration.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Task_CheckDocuments / Task_RecheckDocuments: a missing or failing document sends the applicant back to the upload
 * step with the problems listed ({@link CaseVariables#DOCUMENT_PROBLEMS}).
 */
@Component("checkDocumentsDelegate")
class CheckDocumentsDelegate implements JavaDelegate {

	private final ApplicationRepository applications;

	private final DocumentService documents;

	CheckDocumentsDelegate(ApplicationRepository applications, DocumentService documents) {
		this.applications = applications;
		this.documents = documents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String applicationNumber = (String) execution.getVariable(CaseVariables.APPLICATION_NUMBER);
		Application application = applications.findByApplicationNumber(applicationNumber)
			.orElseThrow(() -> new CaseNotFoundException(applicationNumber));
		List<String> problems = documents.problems(application);
		if (problems.isEmpty()) {
			execution.setVariable(CaseVariables.DOCUMENT_PROBLEMS, null);
			return;
		}
		execution.setVariable(CaseVariables.DOCUMENT_PROBLEMS, String.join("\n", problems));
		throw new BpmnError(CaseVariables.ERROR_DOCUMENT_REJECTED, "Documents need attention");
	}

}
