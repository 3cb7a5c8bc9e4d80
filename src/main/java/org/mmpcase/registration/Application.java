package org.mmpcase.registration;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import org.hibernate.annotations.NaturalId;

/**
 * One case: an initial registration or a renewal of a patient or a caregiver. Its application number is the
 * business key of the process instance that runs it.
 */
@Entity
public class Application {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/**
	 * The natural id lets a step's later reads of the case (delegates, listeners) find it in the persistence context
	 * instead of querying it again ({@link ApplicationAccess}).
	 */
	@NaturalId
	private String applicationNumber;

	@Enumerated(EnumType.STRING)
	private ApplicationKind kind;

	@Enumerated(EnumType.STRING)
	private ApplicantRole applicantRole;

	@ManyToOne(optional = false)
	@JoinColumn(name = "applicant_id")
	private Person applicant;

	@ManyToOne(optional = false)
	@JoinColumn(name = "patient_id")
	private Person patient;

	@ManyToOne(optional = false)
	@JoinColumn(name = "certification_id")
	private Certification certification;

	@Enumerated(EnumType.STRING)
	private ApplicationStatus status;

	private String processInstanceId;

	private String dispensaryCode;

	private String identityDocumentType;

	private String residencyDocumentType;

	/** When the applicant agreed to all the attestations (the sign-attestations step). */
	private Instant attestedAt;

	private Instant submittedAt;

	private Instant decidedAt;

	private String decision;

	private String denialReason;

	private Instant createdAt;

	@Version
	private long version;

	protected Application() {
	}

	public Application(String applicationNumber, ApplicationKind kind, ApplicantRole applicantRole, Person applicant,
			Person patient, Certification certification, Instant createdAt) {
		this.applicationNumber = applicationNumber;
		this.kind = kind;
		this.applicantRole = applicantRole;
		this.applicant = applicant;
		this.patient = patient;
		this.certification = certification;
		this.status = ApplicationStatus.IN_PROGRESS;
		this.createdAt = createdAt;
	}

	public boolean isOwnedBy(String username) {
		return applicant.getEmail().equals(Person.normaliseEmail(username));
	}

	public void started(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	/** A renewal starts from what the registration it renews had. */
	public void carryOver(Application previous) {
		this.dispensaryCode = previous.dispensaryCode;
		this.identityDocumentType = previous.identityDocumentType;
		this.residencyDocumentType = previous.residencyDocumentType;
	}

	public void chooseDispensary(String dispensaryCode) {
		this.dispensaryCode = dispensaryCode;
	}

	public void chooseDocumentTypes(String identityDocumentType, String residencyDocumentType) {
		this.identityDocumentType = identityDocumentType;
		this.residencyDocumentType = residencyDocumentType;
	}

	/** The applicant agreed to every attestation of the sign-attestations step. */
	public void attested(Instant at) {
		this.attestedAt = at;
	}

	public void submitted(Instant at) {
		this.status = ApplicationStatus.SUBMITTED;
		this.submittedAt = at;
	}

	public void informationRequested() {
		this.status = ApplicationStatus.INFORMATION_REQUESTED;
		this.decision = CaseVariables.DECISION_REQUEST_INFORMATION;
	}

	public void informationProvided() {
		this.status = ApplicationStatus.SUBMITTED;
	}

	public void approved(Instant at) {
		this.status = ApplicationStatus.APPROVED;
		this.decision = CaseVariables.DECISION_APPROVE;
		this.decidedAt = at;
		this.denialReason = null;
	}

	public void denied(String reason, Instant at) {
		this.status = ApplicationStatus.DENIED;
		this.decision = CaseVariables.DECISION_DENY;
		this.denialReason = reason;
		this.decidedAt = at;
	}

	public void closed(Instant at) {
		this.status = ApplicationStatus.CLOSED;
		this.decidedAt = at;
	}

	public Long getId() {
		return id;
	}

	public String getApplicationNumber() {
		return applicationNumber;
	}

	public ApplicationKind getKind() {
		return kind;
	}

	public ApplicantRole getApplicantRole() {
		return applicantRole;
	}

	public Person getApplicant() {
		return applicant;
	}

	public Person getPatient() {
		return patient;
	}

	public Certification getCertification() {
		return certification;
	}

	public ApplicationStatus getStatus() {
		return status;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public String getDispensaryCode() {
		return dispensaryCode;
	}

	public String getIdentityDocumentType() {
		return identityDocumentType;
	}

	public String getResidencyDocumentType() {
		return residencyDocumentType;
	}

	public Instant getAttestedAt() {
		return attestedAt;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public String getDecision() {
		return decision;
	}

	public String getDenialReason() {
		return denialReason;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
