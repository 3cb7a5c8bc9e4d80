package org.mmpcase.review;

import org.mmpcase.registration.InitialRegistrationProcess;

/** Key and element ids of {@code processes/review/application-review.bpmn}, called by both case processes. */
public final class ApplicationReviewProcess {

	public static final String KEY = "application-review";

	public static final String SUBPROCESS_REVIEW = "SubProcess_Review";
	public static final String TASK_REVIEW_APPLICATION = InitialRegistrationProcess.REVIEW_TASK;
	public static final String TIMER_REVIEW_REMINDER = "Timer_ReviewReminder";
	public static final String TIMER_REVIEW_SLA_BREACHED = "Timer_ReviewSlaBreached";
	public static final String TASK_HANDLE_ESCALATION = "Task_HandleEscalation";
	public static final String TASK_EMAIL_INFORMATION_REQUEST = "Task_EmailInformationRequest";
	public static final String TASK_PROVIDE_INFORMATION = "Task_ProvideInformation";
	public static final String TASK_RECHECK_DOCUMENTS = "Task_RecheckDocuments";
	public static final String END_REVIEW_DECIDED = "EndEvent_ReviewDecided";

	/** Priority of a new review task, and after the reminder (Tasklist sorts by it). */
	public static final int NORMAL_PRIORITY = 50;
	public static final int RAISED_PRIORITY = 80;

	private ApplicationReviewProcess() {
	}

}
