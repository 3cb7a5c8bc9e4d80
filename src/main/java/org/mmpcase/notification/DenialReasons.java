package org.mmpcase.notification;

import java.util.Map;

/**
 * The denial reasons of the review form (codes) in the words of the denial e-mail. A denial states its reason to
 * the applicant (regulation 21a-408-7).
 */
final class DenialReasons {

	private static final Map<String, String> LABELS = Map.of(
			"incomplete-application", "Your application was incomplete.",
			"missing-identity", "We did not receive an acceptable proof of identity.",
			"missing-residency", "We did not receive an acceptable proof of Connecticut residency.",
			"missing-age", "We did not receive an acceptable proof of age.",
			"false-information", "The application contained information that was not true.",
			"recent-adverse-action",
			"A registration of yours was denied, suspended or revoked within the past 6 months.",
			"unapproved-caregiver", "The caregiver named in the application was not approved.");

	private DenialReasons() {
	}

	static String label(String code) {
		if (code == null || code.isBlank()) {
			return "The reason was not recorded. Please contact the program.";
		}
		return LABELS.getOrDefault(code, code.replace('-', ' ') + ".");
	}

}
