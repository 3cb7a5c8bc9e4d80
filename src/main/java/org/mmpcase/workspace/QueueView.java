package org.mmpcase.workspace;

import java.util.Arrays;
import java.util.Optional;

/** The views of the reviewers' queue, each a question the engine's task rules answer for the signed-in user. */
enum QueueView {

	UNASSIGNED("unassigned", "Unassigned", "Reviews of your groups that nobody has claimed, oldest due first"),
	MINE("mine", "My reviews", "Reviews and escalations assigned to you"),
	DUE_SOON("due-soon", "Due within 3 days", "Reviews of your groups or yours due within 3 days, or past due"),
	PAST_SLA("past-sla", "Past the SLA", "Reviews of your groups or yours whose due date has passed"),
	WAITING("waiting", "Waiting on the applicant", "Cases your groups asked for information, not answered yet"),
	ESCALATIONS("escalations", "Supervisor escalations", "Reviews past their SLA, escalated to supervisors");

	private final String id;

	private final String label;

	private final String description;

	QueueView(String id, String label, String description) {
		this.id = id;
		this.label = label;
		this.description = description;
	}

	static Optional<QueueView> of(String id) {
		return Arrays.stream(values()).filter(view -> view.id.equals(id)).findFirst();
	}

	/** Escalations are the supervisors' own view. */
	boolean isFor(StaffUser user) {
		return this != ESCALATIONS || user.isSupervisor();
	}

	String id() {
		return id;
	}

	String label() {
		return label;
	}

	String description() {
		return description;
	}

}
