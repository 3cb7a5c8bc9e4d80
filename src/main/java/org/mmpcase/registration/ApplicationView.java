package org.mmpcase.registration;

import java.time.Instant;
import java.util.Map;

/** What the applicant sees of their case: where it stands and what, if anything, is waiting on them. */
public record ApplicationView(String applicationNumber, String kind, String role, ApplicationStatus status,
		Instant submittedAt, Instant expectedDecisionBy, String denialReason, Step currentStep) {

	/** The applicant's open step: complete it with the fields of form {@code formId}. */
	public record Step(String step, String name, String formId, Map<String, Object> values) {
	}

}
