package org.mmpcase.renewal;

/**
 * Key, variables and element ids of {@code processes/renewal/caregiver-release.bpmn}: a re-certification without the
 * caregiver need lets the caregiver's registration run out with the patient's current one. Business key: the
 * caregiver's registration number.
 */
public final class CaregiverReleaseProcess {

	public static final String KEY = "caregiver-release";

	/** The patient's renewal (the re-certification that dropped the caregiver need). */
	public static final String PATIENT_APPLICATION_NUMBER = "patientApplicationNumber";

	/** The application of the caregiver's registration that runs out. */
	public static final String CAREGIVER_APPLICATION_NUMBER = "caregiverApplicationNumber";

	public static final String CAREGIVER_REGISTRATION_NUMBER = "caregiverRegistrationNumber";

	/** The caregiver registration's last day (ISO date), as the e-mails state it. */
	public static final String CAREGIVER_LAST_DAY = "caregiverLastDay";

	/** The start of the day after the last day, in the program's zone: the link ends then. */
	public static final String CAREGIVER_ENDED_AT = "caregiverEndedAt";

	/** Input parameter of the mail tasks: {@code patient} or {@code caregiver}. */
	public static final String MAIL_RECIPIENT = "mailRecipient";

	public static final String TASK_EMAIL_PATIENT = "Task_EmailPatientCaregiverEnding";
	public static final String TASK_EMAIL_CAREGIVER = "Task_EmailCaregiverEnding";
	public static final String TIMER_CAREGIVER_REGISTRATION_ENDED = "Timer_CaregiverRegistrationEnded";
	public static final String TASK_END_CAREGIVER_LINK = "Task_EndCaregiverLink";
	public static final String END_RELEASED = "EndEvent_CaregiverReleased";

	/** The e-mail to both that says when the caregiver's registration ends. */
	public static final String TEMPLATE = "caregiver-registration-ending";

	/** The reason code on the caregiver registration's history when its expiry moves. */
	public static final String REASON_CAREGIVER_NOT_NEEDED = "CAREGIVER_NOT_NEEDED";

	private CaregiverReleaseProcess() {
	}

}
