package org.mmpcase.workspace;

import java.util.Arrays;
import java.util.Optional;

import org.mmpcase.review.ApplicationReviewProcess;

/** The tasks of the review process the workspace shows, by the task definition key of the model. */
enum TaskKind {

	/** A DCP review (candidate group: reviewers). */
	REVIEW(ApplicationReviewProcess.TASK_REVIEW_APPLICATION),
	/** An overdue review, escalated to supervisors. */
	ESCALATION(ApplicationReviewProcess.TASK_HANDLE_ESCALATION),
	/** The applicant's answer to a request for information: the case waits on the applicant. */
	WAITING(ApplicationReviewProcess.TASK_PROVIDE_INFORMATION);

	private final String taskDefinitionKey;

	TaskKind(String taskDefinitionKey) {
		this.taskDefinitionKey = taskDefinitionKey;
	}

	static Optional<TaskKind> ofTaskDefinitionKey(String key) {
		return Arrays.stream(values()).filter(kind -> kind.taskDefinitionKey.equals(key)).findFirst();
	}

	String taskDefinitionKey() {
		return taskDefinitionKey;
	}

	/** The name in the API: {@code review}, {@code escalation}, {@code waiting}. */
	String apiName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
