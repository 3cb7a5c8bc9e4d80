package org.mmpcase.documents;

import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.ApplicationKind;
import org.mmpcase.registration.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Task_CheckDocuments / Task_RecheckDocuments: a missing or failing document sends the applicant back to the upload
 * step with the problems listed ({@link CaseVariables#DOCUMENT_PROBLEMS}). The result of each check and its text
 * hint stay on the document, where the reviewer workspace reads them.
 */
@Component("checkDocumentsDelegate")
class CheckDocumentsDelegate implements JavaDelegate {

	private final ApplicationAccess access;

	private final DocumentService documents;

	CheckDocumentsDelegate(ApplicationAccess access, DocumentService documents) {
		this.access = access;
		this.documents = documents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Application application = access.require(execution.getProcessBusinessKey());
		if (keepsDocumentsOnFile(application, execution)) {
			clearProblems(execution);
			return;
		}
		List<String> problems = documents.problems(application);
		if (problems.isEmpty()) {
			clearProblems(execution);
			return;
		}
		execution.setVariable(CaseVariables.DOCUMENT_PROBLEMS, String.join("\n", problems));
		throw new BpmnError(CaseVariables.ERROR_DOCUMENT_REJECTED, "Documents need attention");
	}

	/** Only an earlier round's problems are cleared: a case whose documents pass at once gets no variable. */
	private static void clearProblems(DelegateExecution execution) {
		if (execution.hasVariable(CaseVariables.DOCUMENT_PROBLEMS)) {
			execution.removeVariable(CaseVariables.DOCUMENT_PROBLEMS);
		}
	}

	/**
	 * A renewal whose applicant said nothing changed relies on the documents of the registration it renews: with
	 * nothing uploaded to the renewal itself there is nothing new to check (a reviewer's request for information
	 * must not demand documents nobody asked for).
	 */
	private boolean keepsDocumentsOnFile(Application application, DelegateExecution execution) {
		return application.getKind() == ApplicationKind.RENEWAL
				&& !Boolean.TRUE.equals(execution.getVariable(CaseVariables.DOCUMENTS_CHANGED))
				&& documents.currentDocuments(application).isEmpty();
	}

}
