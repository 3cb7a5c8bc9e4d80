package org.mmpcase.sanction;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Task_DecideSanction. On create: a name that says what and whose. On complete, however it is completed (Tasklist,
 * the engine's REST API): the decision must be approve or reject, and who proposed may not decide (four eyes);
 * the decider is kept for the history. Tasklist shows the refusal's message and the task stays open.
 */
// FormFieldValidationException and Authentication are engine implementation classes (as in review/ReviewTaskListener):
// the public API has no exception Tasklist shows as a field message, nor the authenticated user of a task listener
@Component("sanctionTaskListener")
class SanctionTaskListener implements TaskListener {

	static final String CHOOSE = "Choose approve or reject.";

	static final String OWN_PROPOSAL = "You proposed this; another supervisor decides it.";

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.setName("Decide " + String.valueOf(task.getVariable(SanctionProcess.KIND_LABEL)).toLowerCase()
					+ " - " + task.getVariable(SanctionProcess.REGISTRATION_NUMBER) + " ("
					+ task.getVariable(SanctionProcess.HOLDER_NAME) + ")");
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			Object decision = task.getVariable(SanctionProcess.DECISION);
			if (!SanctionProcess.DECISION_APPROVE.equals(decision)
					&& !SanctionProcess.DECISION_REJECT.equals(decision)) {
				throw new FormFieldValidationException(SanctionProcess.DECISION, CHOOSE);
			}
			String decidedBy = decidedBy(task);
			if (decidedBy != null && decidedBy.equals(task.getVariable(SanctionProcess.PROPOSED_BY))) {
				throw new FormFieldValidationException(SanctionProcess.DECISION, OWN_PROPOSAL);
			}
			task.getExecution()
				.getProcessInstance()
				.setVariable(SanctionProcess.DECIDED_BY, decidedBy == null ? "unknown" : decidedBy);
		}
	}

	/** The user completing the task (Tasklist: the signed-in user), else its assignee. */
	private static String decidedBy(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (current != null && current.getUserId() != null) {
			return current.getUserId();
		}
		return task.getAssignee();
	}

}
