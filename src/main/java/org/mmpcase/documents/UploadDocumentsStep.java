package org.mmpcase.documents;

import java.util.List;
import java.util.Map;

import org.mmpcase.registration.Application;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.registration.StepHandler;
import org.mmpcase.shared.BadRequestException;
import org.springframework.stereotype.Component;

/**
 * The upload step completes only when both documents are there and pass the check, so the applicant hears about a
 * missing file at once; the process checks again (Task_CheckDocuments) before the case goes on.
 */
@Component
class UploadDocumentsStep implements StepHandler {

	private final DocumentService documents;

	UploadDocumentsStep(DocumentService documents) {
		this.documents = documents;
	}

	@Override
	public String taskDefinitionKey() {
		return InitialRegistrationProcess.TASK_UPLOAD_DOCUMENTS;
	}

	@Override
	public Map<String, Object> complete(Application application, Map<String, Object> formData) {
		List<String> problems = documents.problems(application);
		if (!problems.isEmpty()) {
			throw new BadRequestException(String.join(" ", problems), Map.of("documents", String.join("\n", problems)));
		}
		return formData;
	}

}
