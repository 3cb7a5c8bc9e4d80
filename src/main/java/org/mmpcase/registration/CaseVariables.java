package org.mmpcase.registration;

/**
 * Names of the process variables that every case process (initial registration, renewal and the review they
 * call) shares. Delegates, forms, tests and the API use these names, never string literals of their own.
 */
public final class CaseVariables {

	/** Application number, also the business key of the process instance. */
	public static final String APPLICATION_NUMBER = "applicationNumber";

	/** Login name (e-mail) of the patient or caregiver who works the applicant's user tasks. */
	public static final String APPLICANT = "applicant";

	/** {@code patient} or {@code caregiver}: an input of the fee schedule. */
	public static final String APPLICANT_ROLE = "applicantRole";

	/** {@code initial} or {@code renewal}: an input of the fee schedule. */
	public static final String APPLICATION_KIND = "applicationKind";

	/** Full name of the applicant, for task names and e-mails. */
	public static final String APPLICANT_NAME = "applicantName";

	/** When the provider's certification ends ({@link java.util.Date}); an unsubmitted application closes then. */
	public static final String CERTIFICATION_EXPIRES_AT = "certificationExpiresAt";

	/** The certification the case runs on, for the reviewer (ISO date as text, and months). */
	public static final String CERTIFICATION_DATE = "certificationDate";
	public static final String CERTIFICATION_TERM_MONTHS = "certificationTermMonths";

	/** Username of the provider who certified the patient; works the profile correction task. */
	public static final String PROVIDER = "provider";

	// the applicant's profile as the provider entered it (shown for confirmation, corrected by the provider)
	public static final String FIRST_NAME = "firstName";
	public static final String LAST_NAME = "lastName";
	/** ISO date (yyyy-MM-dd) as text, as forms show and send it. */
	public static final String DATE_OF_BIRTH = "dateOfBirth";
	public static final String EMAIL = "email";
	public static final String STREET = "street";
	public static final String CITY = "city";
	public static final String ZIP = "zip";

	// patient steps
	public static final String PROFILE_CONFIRMED = "profileConfirmed";
	public static final String CORRECTION_REQUEST = "correctionRequest";
	/** Set once the provider corrected the profile: the renewal then counts the identity as changed. */
	public static final String PROFILE_CORRECTED = "profileCorrected";
	public static final String DISPENSARY_CODE = "dispensaryCode";
	public static final String IDENTITY_DOCUMENT_TYPE = "identityDocumentType";
	public static final String RESIDENCY_DOCUMENT_TYPE = "residencyDocumentType";
	/** Renewal: the applicant says identity or residency changed, so new documents are needed. */
	public static final String DOCUMENTS_CHANGED = "documentsChanged";
	/** Why the document check failed, one line per document, shown on the upload step. */
	public static final String DOCUMENT_PROBLEMS = "documentProblems";
	/** The attestations the applicant must all agree to (checkboxes of sign-attestations.form). */
	public static final java.util.List<String> ATTESTATIONS = java.util.List.of("attestInformationTrue",
			"attestUnderstandsLaw", "attestNoDiversion", "attestConsentToVerification");

	// fee and payment
	/** Fee in US dollars, from the fee schedule DMN. */
	public static final String FEE = "fee";
	/**
	 * The card of cases started before issue 14 (the gateway's token, brand, last four digits): now kept in the
	 * payment module's table, never a variable; read only to upgrade such cases.
	 */
	public static final String PAYMENT_METHOD_TOKEN = "paymentMethodToken";
	public static final String CARD_BRAND = "cardBrand";
	public static final String CARD_LAST4 = "cardLast4";
	public static final java.util.Set<String> FORMER_CARD = java.util.Set.of(PAYMENT_METHOD_TOKEN, CARD_BRAND,
			CARD_LAST4);
	public static final String PAYMENT_DECLINE_REASON = "paymentDeclineReason";

	// review
	/** Review SLA (ISO-8601 duration), set in the model so a process owner changes it in the Modeler. */
	public static final String REVIEW_SLA = "reviewSla";
	/** When the reminder before the SLA raises the review task's priority (ISO-8601 duration). */
	public static final String REVIEW_REMINDER = "reviewReminder";
	/** {@code approve}, {@code deny} or {@code requestInformation}. */
	public static final String REVIEW_DECISION = "reviewDecision";
	public static final String DENIAL_REASON = "denialReason";
	public static final String INFORMATION_REQUEST = "informationRequest";
	public static final String INFORMATION_RESPONSE = "informationResponse";
	public static final String REVIEW_NOTES = "reviewNotes";
	/** Earlier requests for information and the applicant's answers, for the next reviewer. */
	public static final String REVIEW_HISTORY = "reviewHistory";

	// renewal auto-approval (inputs and outputs of renewal-auto-approval.dmn)
	public static final String IDENTITY_CHANGED = "identityChanged";
	public static final String ADVERSE_ACTION_WITHIN_6_MONTHS = "adverseActionWithin6Months";
	/** A registration of the applicant's was suspended or revoked by DCP within 6 months (the denials are above). */
	public static final String SUSPENDED_OR_REVOKED_WITHIN_6_MONTHS = "suspendedOrRevokedWithin6Months";
	public static final String CERTIFICATION_VALID = "certificationValid";
	public static final String AUTO_APPROVAL = "autoApproval";
	public static final String AUTO_APPROVE = "autoApprove";
	public static final String AUTO_APPROVAL_REASON = "autoApprovalReason";

	// registration expiry reminders (process registration-expiry, business key = registration number)
	public static final String REGISTRATION_NUMBER = "registrationNumber";
	/** Last day the registration is valid ({@link java.util.Date}, start of that day in the program's zone). */
	public static final String REGISTRATION_EXPIRES_ON = "registrationExpiresOn";
	/** How long before expiry the reminders go out (ISO-8601 periods): inputs of the model's subprocess. */
	public static final String FIRST_REMINDER_BEFORE = "firstReminderBefore";
	public static final String SECOND_REMINDER_BEFORE = "secondReminderBefore";
	/** Input of a reminder e-mail task: when that reminder was due ({@link java.util.Date}). */
	public static final String REMINDER_DUE_AT = "reminderDueAt";

	/** A change the holder reported (kind CHANGE): {@code address} or {@code name}, for the review task's name. */
	public static final String CHANGE_KIND = "changeKind";

	/** Input parameter of the e-mail task: which template to send. */
	public static final String EMAIL_TEMPLATE = "emailTemplate";

	// business errors thrown by delegates and caught by boundary events
	public static final String ERROR_DOCUMENT_REJECTED = "DOCUMENT_REJECTED";
	public static final String ERROR_PAYMENT_DECLINED = "PAYMENT_DECLINED";

	public static final String DECISION_APPROVE = "approve";
	public static final String DECISION_DENY = "deny";
	public static final String DECISION_REQUEST_INFORMATION = "requestInformation";

	private CaseVariables() {
	}

}
