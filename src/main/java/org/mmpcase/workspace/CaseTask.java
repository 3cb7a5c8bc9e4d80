package org.mmpcase.workspace;

import java.time.Instant;
import java.util.Map;

/** An open task of a case as its viewer sees it, with what they may do with it. */
record CaseTask(String taskId, String taskKind, String name, String assignee, String assigneeName, Instant dueAt,
		String sla, int priority, boolean canClaim, boolean canRelease, boolean canReassign, boolean canDecide) {

	static CaseTask of(QueueQueries.Entry entry, StaffUser user, Map<String, String> names, Instant now) {
		boolean staffTask = entry.kind() != TaskKind.WAITING;
		String assignee = entry.assignee();
		boolean mine = user.id().equals(assignee);
		return new CaseTask(entry.taskId(), entry.kind().apiName(), name(entry), assignee,
				assignee == null ? null : names.getOrDefault(assignee, assignee), entry.dueAt(),
				QueueRow.sla(entry.dueAt(), now), entry.priority(), staffTask && assignee == null,
				staffTask && assignee != null && (mine || user.isSupervisor()), staffTask && user.isSupervisor(),
				staffTask && (assignee == null || mine));
	}

	private static String name(QueueQueries.Entry entry) {
		return switch (entry.kind()) {
			case REVIEW -> "Review " + ("renewal".equals(entry.applicationKind()) ? "renewal"
					: org.mmpcase.registration.ApplicationKind.CHANGE.variableValue().equals(entry.applicationKind())
							? "reported change" : "initial registration")
					+ ("caregiver".equals(entry.applicantRole()) ? " (caregiver)" : "");
			case ESCALATION -> "Handle overdue review";
			case WAITING -> "Waiting on the applicant's answer";
		};
	}

}
