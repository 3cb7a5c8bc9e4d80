package org.mmpcase.renewal;

/** Key and element ids of {@code processes/renewal/renewal.bpmn}; the applicant steps share their ids with the initial registration. */
public final class RenewalProcess {

	public static final String KEY = "renewal";

	public static final String TASK_GATHER_RENEWAL_FACTS = "Task_GatherRenewalFacts";
	public static final String TASK_DECIDE_AUTO_APPROVAL = "Task_DecideAutoApproval";
	public static final String TASK_ISSUE_TEMPORARY_REGISTRATION = "Task_IssueTemporaryRegistration";
	public static final String TASK_EMAIL_TEMPORARY_REGISTRATION = "Task_EmailTemporaryRegistration";
	public static final String END_RENEWED = "EndEvent_Renewed";

	/** Decision keys of the DMN tables. */
	public static final String DECISION_AUTO_APPROVAL = "renewal-auto-approval";

	private RenewalProcess() {
	}

}
