package org.mmpcase.review;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.mmpcase.registration.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * On create: a task name that says who and what, and the normal priority. On complete: the decision must be whole
 * (a denial needs a reason from the list, a request a message), whether it comes from Tasklist or the REST API; the
 * engine REST answers a failed check with 400 and the message.
 */
@Component("reviewTaskListener")
class ReviewTaskListener implements TaskListener {

	static final Set<String> DENIAL_REASONS = Set.of("incomplete-application", "missing-identity",
			"missing-residency", "missing-age", "false-information", "recent-adverse-action", "unapproved-caregiver");

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			String kind = "renewal".equals(task.getVariable(CaseVariables.APPLICATION_KIND)) ? "renewal"
					: "initial registration";
			String role = "caregiver".equals(task.getVariable(CaseVariables.APPLICANT_ROLE)) ? " (caregiver)" : "";
			task.setName("Review " + kind + role + " - " + task.getVariable(CaseVariables.APPLICATION_NUMBER));
			task.setPriority(ApplicationReviewProcess.NORMAL_PRIORITY);
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			validateDecision(task);
		}
	}

	private static void validateDecision(DelegateTask task) {
		Object decision = task.getVariable(CaseVariables.REVIEW_DECISION);
		if (CaseVariables.DECISION_DENY.equals(decision)) {
			if (!DENIAL_REASONS.contains(String.valueOf(task.getVariable(CaseVariables.DENIAL_REASON)))) {
				throw new FormFieldValidationException("denialReason", "A denial needs a reason from the list.");
			}
		}
		else if (CaseVariables.DECISION_REQUEST_INFORMATION.equals(decision)) {
			Object request = task.getVariable(CaseVariables.INFORMATION_REQUEST);
			if (!(request instanceof String text) || text.isBlank()) {
				throw new FormFieldValidationException("informationRequest",
						"Say what information the applicant must provide.");
			}
		}
		else if (!CaseVariables.DECISION_APPROVE.equals(decision)) {
			throw new FormFieldValidationException("reviewDecision",
					"Choose a decision: approve, deny or request information.");
		}
	}

}
