package org.mmpcase.registration;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * A provider's certification of a patient. The registration it leads to is valid until the certification ends:
 * certification date + term, never counted from the approval.
 */
@Entity
public class Certification {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "patient_id")
	private Person patient;

	private String providerUsername;

	private LocalDate certificationDate;

	private int termMonths;

	private String qualifyingCondition;

	private boolean caregiverNeeded;

	private Instant createdAt;

	protected Certification() {
	}

	public Certification(Person patient, String providerUsername, LocalDate certificationDate, int termMonths,
			String qualifyingCondition, boolean caregiverNeeded, Instant createdAt) {
		this.patient = patient;
		this.providerUsername = providerUsername;
		this.certificationDate = certificationDate;
		this.termMonths = termMonths;
		this.qualifyingCondition = qualifyingCondition;
		this.caregiverNeeded = caregiverNeeded;
		this.createdAt = createdAt;
	}

	/** The last day the certification (and a registration issued on it) is valid. */
	public LocalDate getExpiresOn() {
		return certificationDate.plusMonths(termMonths).minusDays(1);
	}

	public boolean isValidOn(LocalDate day) {
		return !day.isBefore(certificationDate) && !day.isAfter(getExpiresOn());
	}

	public Long getId() {
		return id;
	}

	public Person getPatient() {
		return patient;
	}

	public String getProviderUsername() {
		return providerUsername;
	}

	public LocalDate getCertificationDate() {
		return certificationDate;
	}

	public int getTermMonths() {
		return termMonths;
	}

	public String getQualifyingCondition() {
		return qualifyingCondition;
	}

	public boolean isCaregiverNeeded() {
		return caregiverNeeded;
	}

}
