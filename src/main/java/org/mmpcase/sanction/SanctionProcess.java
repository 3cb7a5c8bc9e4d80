package org.mmpcase.sanction;

/**
 * Key, variables, messages and element ids of {@code processes/sanction/registration-sanction.bpmn} (business key:
 * the registration number).
 */
public final class SanctionProcess {

	public static final String KEY = "registration-sanction";

	// the proposal (set when the process starts)
	public static final String REGISTRATION_NUMBER = "registrationNumber";

	public static final String HOLDER_NAME = "holderName";

	/** {@link SanctionKind#value()}: suspend or revoke. */
	public static final String KIND = "sanctionKind";

	public static final String KIND_LABEL = "sanctionKindLabel";

	/** A reason code of the list in {@code forms/sanction/propose-sanction.form}. */
	public static final String REASON = "sanctionReason";

	/** The reason's label in that list, as the supervisor and the holder read it. */
	public static final String REASON_LABEL = "sanctionReasonLabel";

	public static final String NOTE = "sanctionNote";

	/** ISO date (yyyy-MM-dd) the sanction takes effect, at the start of the day in the program's zone. */
	public static final String EFFECTIVE_ON = "effectiveOn";

	/** When the timer before applying fires: the start of {@link #EFFECTIVE_ON}. */
	public static final String EFFECTIVE_AT = "effectiveAt";

	/** ISO date of a suspension's last day; absent: until a supervisor lifts it. */
	public static final String LAST_DAY = "lastDay";

	/** What the decision form shows for the last day. */
	public static final String LAST_DAY_LABEL = "lastDayLabel";

	public static final String PROPOSED_BY = "proposedBy";

	// the supervisor's decision (Task_DecideSanction, forms/sanction/decide-sanction.form)
	public static final String DECISION = "sanctionDecision";

	public static final String DECISION_APPROVE = "approve";

	public static final String DECISION_REJECT = "reject";

	public static final String DECISION_NOTE = "decisionNote";

	public static final String DECIDED_BY = "decidedBy";

	// set when the sanction is applied
	/** The registrations told by e-mail: the sanctioned one, then the caregivers' that followed it (comma-separated). */
	public static final String RECIPIENTS = "recipients";

	/** One of {@link #RECIPIENTS}, for one instance of a multi-instance e-mail step. */
	public static final String RECIPIENT = "recipient";

	/** When the suspension's wait ends by itself: the day after its last day (or after the registration's expiry). */
	public static final String SUSPENSION_ENDS_AT = "suspensionEndsAt";

	/** Whether the suspension has no last day (it ends when lifted, or the registration expires meanwhile). */
	public static final String UNTIL_LIFTED = "untilLifted";

	// a supervisor lifts the suspension (message variables)
	public static final String LIFTED_BY = "liftedBy";

	public static final String LIFT_NOTE = "liftNote";

	/** Input parameter of the reinstating steps: SUSPENSION_ENDED or SUSPENSION_LIFTED. */
	public static final String REINSTATEMENT = "reinstatement";

	public static final String EMAIL_TEMPLATE = "emailTemplate";

	public static final String MESSAGE_SUSPENSION_LIFTED = "suspensionLifted";

	/** A revocation of the same registration applied while its suspension waits: the suspension's wait ends. */
	public static final String MESSAGE_REGISTRATION_REVOKED = "registrationRevoked";

	public static final String ERROR_NOT_APPLICABLE = "SanctionNotApplicable";

	public static final String TASK_RECORD_PROPOSAL = "Task_RecordProposal";

	public static final String TASK_DECIDE = "Task_DecideSanction";

	public static final String TASK_RECORD_DECISION = "Task_RecordDecision";

	public static final String TIMER_EFFECTIVE_DATE = "Timer_EffectiveDateReached";

	public static final String TASK_APPLY = "Task_ApplySanction";

	public static final String TASK_EMAIL_SANCTION = "Task_EmailSanction";

	public static final String GATEWAY_SUSPENSION_ENDS = "Gateway_SuspensionEnds";

	public static final String TIMER_SUSPENSION_OVER = "Timer_SuspensionOver";

	public static final String MESSAGE_EVENT_LIFTED = "Message_SuspensionLifted";

	public static final String MESSAGE_EVENT_REVOKED = "Message_RegistrationRevoked";

	public static final String TASK_END_SUSPENSION = "Task_EndSuspension";

	public static final String TASK_LIFT_SUSPENSION = "Task_LiftSuspension";

	public static final String TASK_EMAIL_REINSTATEMENT = "Task_EmailReinstatement";

	public static final String END_REJECTED = "EndEvent_SanctionRejected";

	public static final String END_NOT_APPLIED = "EndEvent_NotApplied";

	public static final String END_REVOKED = "EndEvent_Revoked";

	public static final String END_REINSTATED = "EndEvent_Reinstated";

	public static final String END_REVOKED_MEANWHILE = "EndEvent_RevokedMeanwhile";

	public static final String END_EXPIRED_WHILE_SUSPENDED = "EndEvent_ExpiredWhileSuspended";

	private SanctionProcess() {
	}

}
