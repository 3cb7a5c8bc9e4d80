package org.mmpcase.review;

import java.util.Map;
import java.util.Optional;

import org.mmpcase.registration.CaseVariables;

/** What makes a reviewer's decision whole: a known decision, a listed reason for a denial, a message for a request. */
public final class ReviewDecision {

	private ReviewDecision() {
	}

	/** @return the problem as a message for the reviewer, or empty when the decision is whole */
	public static Optional<Problem> problem(Map<String, ?> variables) {
		Object decision = variables.get(CaseVariables.REVIEW_DECISION);
		if (CaseVariables.DECISION_DENY.equals(decision)) {
			if (DenialReason.of(variables.get(CaseVariables.DENIAL_REASON)).isEmpty()) {
				return Optional.of(new Problem(CaseVariables.DENIAL_REASON, "A denial needs a reason from the list."));
			}
		}
		else if (CaseVariables.DECISION_REQUEST_INFORMATION.equals(decision)) {
			Object request = variables.get(CaseVariables.INFORMATION_REQUEST);
			if (!(request instanceof String text) || text.isBlank()) {
				return Optional.of(new Problem(CaseVariables.INFORMATION_REQUEST,
						"Say what information the applicant must provide."));
			}
		}
		else if (!CaseVariables.DECISION_APPROVE.equals(decision)) {
			return Optional.of(new Problem(CaseVariables.REVIEW_DECISION,
					"Choose a decision: approve, deny or request information."));
		}
		return Optional.empty();
	}

	public record Problem(String field, String message) {
	}

}
