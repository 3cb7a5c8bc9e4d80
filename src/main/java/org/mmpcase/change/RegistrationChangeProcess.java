package org.mmpcase.change;

/** Key, variables and element ids of {@code processes/change/registration-change.bpmn}. */
public final class RegistrationChangeProcess {

	public static final String KEY = "registration-change";

	/** {@code address} or {@code name}: names the review task; the values themselves live in our table. */
	public static final String CHANGE_KIND = org.mmpcase.registration.CaseVariables.CHANGE_KIND;

	public static final String CALL_ACTIVITY_REVIEW = "CallActivity_Review";
	public static final String TASK_APPLY_CHANGE = "Task_ApplyChange";
	public static final String TASK_EMAIL_CERTIFICATE_REISSUED = "Task_EmailCertificateReissued";
	public static final String TASK_RECORD_CHANGE_DENIED = "Task_RecordChangeDenied";
	public static final String TASK_EMAIL_CHANGE_DENIED = "Task_EmailChangeDenied";
	public static final String END_CHANGE_APPROVED = "EndEvent_ChangeApproved";
	public static final String END_CHANGE_DENIED = "EndEvent_ChangeDenied";

	/** The e-mail templates of the process. */
	public static final String MAIL_CERTIFICATE_REISSUED = "certificate-reissued";
	public static final String MAIL_CHANGE_DENIED = "change-denied";

	private RegistrationChangeProcess() {
	}

}
