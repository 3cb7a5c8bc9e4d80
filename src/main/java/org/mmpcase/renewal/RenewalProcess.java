package org.mmpcase.renewal;

/** Key and element ids of {@code processes/renewal/renewal.bpmn}; the applicant steps share their ids with the initial registration. */
public final class RenewalProcess {

	public static final String KEY = "renewal";

	public static final String TASK_GATHER_RENEWAL_FACTS = "Task_GatherRenewalFacts";
	public static final String TASK_DECIDE_AUTO_APPROVAL = "Task_DecideAutoApproval";
	public static final String TASK_ISSUE_TEMPORARY_REGISTRATION = "Task_IssueTemporaryRegistration";
	public static final String TASK_EMAIL_TEMPORARY_REGISTRATION = "Task_EmailTemporaryRegistration";
	public static final String END_RENEWED = "EndEvent_Renewed";
	/** A caregiver's renewal starts with an e-mail inviting them; a patient's does not. */
	public static final String TASK_EMAIL_RENEWAL_INVITATION = "Task_EmailRenewalInvitation";
	public static final String END_INVITATION_SENT = "EndEvent_InvitationSent";
	public static final String END_NO_INVITATION = "EndEvent_NoInvitation";

	/** Decision keys of the DMN tables. */
	public static final String DECISION_AUTO_APPROVAL = "renewal-auto-approval";

	private RenewalProcess() {
	}

}
