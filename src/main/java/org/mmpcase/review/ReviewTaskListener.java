package org.mmpcase.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.ApplicationKind;
import org.mmpcase.registration.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * On create: a task name that says who and what, and the normal priority. On complete: the decision must be whole
 * (a denial needs a reason from the list, a request a message), however the task is completed. Over HTTP,
 * {@link ReviewDecisionGuard} answers a bad decision with 400 before it gets here.
 */
@Component("reviewTaskListener")
class ReviewTaskListener implements TaskListener {

	private final ApplicationAccess applications;

	private final ReviewRecords records;

	ReviewTaskListener(ApplicationAccess applications, ReviewRecords records) {
		this.applications = applications;
		this.records = records;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			// kind and role from the case (our tables); a review started before issue 14 may still carry them
			Application application = applications.find(task.getExecution().getProcessBusinessKey()).orElse(null);
			Object applicationKind = application != null ? application.getKind().variableValue()
					: task.getVariable(CaseVariables.APPLICATION_KIND);
			Object applicantRole = application != null ? application.getApplicantRole().variableValue()
					: task.getVariable(CaseVariables.APPLICANT_ROLE);
			String kind = "renewal".equals(applicationKind) ? "renewal"
					// a change the holder reported (module change): its variable says of what
					: ApplicationKind.CHANGE.variableValue().equals(applicationKind)
							? task.getVariable(CaseVariables.CHANGE_KIND) + " change" : "initial registration";
			String role = "caregiver".equals(applicantRole) ? " (caregiver)" : "";
			task.setName("Review " + kind + role + " - " + task.getVariable(CaseVariables.APPLICATION_NUMBER));
			task.setPriority(ApplicationReviewProcess.NORMAL_PRIORITY);
			recordAnsweredRequest(task);
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			validateDecision(task);
			record(task);
		}
	}

	/**
	 * A review after a request for information: the question and the answer join the case's review history, so this
	 * and every later reviewer sees what was asked before.
	 */
	private static void recordAnsweredRequest(DelegateTask task) {
		Object response = task.getVariable(CaseVariables.INFORMATION_RESPONSE);
		if (response == null) {
			return;
		}
		Object history = task.getVariable(CaseVariables.REVIEW_HISTORY);
		String entry = "DCP asked: " + task.getVariable(CaseVariables.INFORMATION_REQUEST) + "\nApplicant answered: "
				+ response;
		task.getExecution()
			.getProcessInstance()
			.setVariable(CaseVariables.REVIEW_HISTORY, history == null ? entry : history + "\n\n" + entry);
		task.getExecution().getProcessInstance().removeVariable(CaseVariables.INFORMATION_RESPONSE);
	}

	/** The decision joins the case's record, with who made it: the assignee, or whoever completed it unclaimed. */
	private void record(DelegateTask task) {
		String decidedBy = task.getAssignee();
		if (decidedBy == null) {
			Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
			decidedBy = current == null ? null : current.getUserId();
		}
		String by = decidedBy;
		applications.find(task.getExecution().getProcessBusinessKey())
			.ifPresent(application -> records.decided(application, task.getId(), task.getVariables(), by));
	}

	private static void validateDecision(DelegateTask task) {
		ReviewDecision.problem(task.getVariables()).ifPresent(problem -> {
			throw new FormFieldValidationException(problem.field(), problem.message());
		});
	}

}
