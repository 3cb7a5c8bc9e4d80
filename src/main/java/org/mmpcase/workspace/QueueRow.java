package org.mmpcase.workspace;

import java.time.Instant;
import java.util.Map;

import org.mmpcase.review.ApplicationReviewProcess;

/** A row of the queue as the workspace shows it (docs/reviewer-workspace.md). */
record QueueRow(String taskId, String taskKind, String applicationNumber, String applicantName, String kind,
		String role, Instant submittedAt, Instant createdAt, Instant dueAt, String sla, int priority,
		String priorityLabel, String documents, String assignee, String assigneeName, String cursor) {

	static QueueRow of(QueueQueries.Entry entry, Map<String, String> names, Instant now) {
		return new QueueRow(entry.taskId(), entry.kind().apiName(), entry.applicationNumber(), entry.applicantName(),
				entry.applicationKind(), entry.applicantRole(), entry.submittedAt(), entry.createdAt(), entry.dueAt(),
				sla(entry.dueAt(), now), entry.priority(), priorityLabel(entry.priority()), entry.documentSummary(),
				entry.assignee(), entry.assignee() == null ? null : names.getOrDefault(entry.assignee(), entry.assignee()),
				entry.cursor());
	}

	/** on-time, due-soon (within 3 days), late, or null without a due date. */
	static String sla(Instant due, Instant now) {
		if (due == null || due.equals(ReviewQueue.NO_DUE_DATE)) {
			return null;
		}
		if (due.isBefore(now)) {
			return "late";
		}
		return due.isBefore(now.plus(QueueQueries.DUE_SOON)) ? "due-soon" : "on-time";
	}

	static String priorityLabel(int priority) {
		return priority >= ApplicationReviewProcess.RAISED_PRIORITY ? "High" : "Normal";
	}

}
