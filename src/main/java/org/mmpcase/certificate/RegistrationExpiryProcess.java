package org.mmpcase.certificate;

/** Keys and element ids of {@code processes/certificate/registration-expiry.bpmn}. */
public final class RegistrationExpiryProcess {

	public static final String PROCESS_KEY = "registration-expiry";

	public static final String MESSAGE_REGISTRATION_SUPERSEDED = "registrationSuperseded";

	public static final String TIMER_FIRST_REMINDER_DUE = "Timer_FirstReminderDue";

	public static final String TIMER_SECOND_REMINDER_DUE = "Timer_SecondReminderDue";

	public static final String TASK_EMAIL_FIRST_REMINDER = "Task_EmailFirstReminder";

	public static final String TASK_EMAIL_SECOND_REMINDER = "Task_EmailSecondReminder";

	public static final String END_REMINDERS_DONE = "EndEvent_RemindersDone";

	public static final String END_SUPERSEDED = "EndEvent_Superseded";

	private RegistrationExpiryProcess() {
	}

}
