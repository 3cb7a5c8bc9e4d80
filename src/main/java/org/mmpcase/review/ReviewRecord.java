package org.mmpcase.review;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * One decision of a review task, kept with the case: who decided what and when, and for a request for information
 * the question and, once the applicant has answered, the answer. The audit trail of the review lives here, not in
 * process variables, so the reviewer workspace and a supervisor read it from the case.
 */
@Entity
public class ReviewRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long applicationId;

	private String taskId;

	private String decision;

	private String denialReason;

	private String informationRequest;

	private String notes;

	private String decidedBy;

	private Instant decidedAt;

	private String answer;

	private Instant answeredAt;

	protected ReviewRecord() {
	}

	ReviewRecord(Long applicationId, String taskId, String decision, String denialReason, String informationRequest,
			String notes, String decidedBy, Instant decidedAt) {
		this.applicationId = applicationId;
		this.taskId = taskId;
		this.decision = decision;
		this.denialReason = denialReason;
		this.informationRequest = informationRequest;
		this.notes = notes;
		this.decidedBy = decidedBy;
		this.decidedAt = decidedAt;
	}

	void answered(String answer, Instant at) {
		this.answer = answer;
		this.answeredAt = at;
	}

	public boolean isInformationRequest() {
		return org.mmpcase.registration.CaseVariables.DECISION_REQUEST_INFORMATION.equals(decision);
	}

	public Long getId() {
		return id;
	}

	public String getTaskId() {
		return taskId;
	}

	public String getDecision() {
		return decision;
	}

	public String getDenialReason() {
		return denialReason;
	}

	public String getInformationRequest() {
		return informationRequest;
	}

	public String getNotes() {
		return notes;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public String getAnswer() {
		return answer;
	}

	public Instant getAnsweredAt() {
		return answeredAt;
	}

}
