package org.mmpcase.review;

import java.util.Arrays;
import java.util.Optional;

/**
 * The grounds a reviewer may deny on (regulation 21a-408-7, paraphrased): the codes of the review form's list, and
 * the words the denial e-mail uses, since a denial states its reason to the applicant.
 */
public enum DenialReason {

	INCOMPLETE_APPLICATION("incomplete-application", "Your application was incomplete."),
	MISSING_IDENTITY("missing-identity", "We did not receive an acceptable proof of identity."),
	MISSING_RESIDENCY("missing-residency", "We did not receive an acceptable proof of Connecticut residency."),
	MISSING_AGE("missing-age", "We did not receive an acceptable proof of age."),
	FALSE_INFORMATION("false-information", "The application contained information that was not true."),
	RECENT_ADVERSE_ACTION("recent-adverse-action",
			"A registration of yours was denied, suspended or revoked within the past 6 months."),
	UNAPPROVED_CAREGIVER("unapproved-caregiver", "The caregiver named in the application was not approved.");

	private final String code;

	private final String applicantText;

	DenialReason(String code, String applicantText) {
		this.code = code;
		this.applicantText = applicantText;
	}

	public static Optional<DenialReason> of(Object code) {
		return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
	}

	public String code() {
		return code;
	}

	public String applicantText() {
		return applicantText;
	}

}
