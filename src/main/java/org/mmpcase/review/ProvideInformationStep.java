package org.mmpcase.review;

import java.util.Map;

import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.StepHandler;
import org.springframework.stereotype.Component;

/** The applicant answers a request for information; the case goes back to review. */
@Component
class ProvideInformationStep implements StepHandler {

	private final ReviewRecords records;

	ProvideInformationStep(ReviewRecords records) {
		this.records = records;
	}

	@Override
	public String taskDefinitionKey() {
		return ApplicationReviewProcess.TASK_PROVIDE_INFORMATION;
	}

	@Override
	public Map<String, Object> complete(Application application, Map<String, Object> formData) {
		application.informationProvided();
		records.answered(application, formData.get(CaseVariables.INFORMATION_RESPONSE));
		return formData;
	}

}
