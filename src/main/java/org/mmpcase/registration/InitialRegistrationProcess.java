package org.mmpcase.registration;

/** Key and element ids of {@code processes/registration/initial-registration.bpmn}. */
public final class InitialRegistrationProcess {

	public static final String KEY = "initial-registration";

	public static final String TASK_CONFIRM_PROFILE = "Task_ConfirmProfile";
	public static final String TASK_CORRECT_PROFILE = "Task_CorrectProfile";
	public static final String TASK_CHOOSE_DISPENSARY = "Task_ChooseDispensary";
	public static final String TASK_CHOOSE_DOCUMENT_TYPES = "Task_ChooseDocumentTypes";
	public static final String TASK_UPLOAD_DOCUMENTS = "Task_UploadDocuments";
	public static final String TASK_CHECK_DOCUMENTS = "Task_CheckDocuments";
	public static final String TASK_SIGN_ATTESTATIONS = "Task_SignAttestations";
	public static final String TASK_DETERMINE_FEE = "Task_DetermineFee";
	public static final String TASK_ENTER_PAYMENT = "Task_EnterPayment";
	public static final String TASK_CHARGE_PAYMENT = "Task_ChargePayment";
	public static final String TASK_SUBMIT_APPLICATION = "Task_SubmitApplication";
	public static final String CALL_ACTIVITY_REVIEW = "CallActivity_Review";

	/**
	 * The task of the called review ({@code application-review}) whose due date is the review SLA, which the
	 * applicant's status page shows as the expected decision date. The review names its task after this.
	 */
	public static final String REVIEW_TASK = "Task_ReviewApplication";
	public static final String TASK_ISSUE_CERTIFICATE = "Task_IssueCertificate";
	public static final String TASK_EMAIL_CERTIFICATE = "Task_EmailCertificate";
	public static final String TASK_EMAIL_DENIAL = "Task_EmailDenial";
	public static final String TIMER_CERTIFICATION_EXPIRED = "Timer_CertificationExpired";
	public static final String TASK_EMAIL_APPLICATION_CLOSED = "Task_EmailApplicationClosed";

	public static final String END_REGISTERED = "EndEvent_Registered";
	public static final String END_DENIED = "EndEvent_Denied";
	public static final String END_APPLICATION_CLOSED = "EndEvent_ApplicationClosed";

	private InitialRegistrationProcess() {
	}

}
