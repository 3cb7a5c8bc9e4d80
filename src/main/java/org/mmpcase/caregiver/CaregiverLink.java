package org.mmpcase.caregiver;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.mmpcase.registration.Person;

/** A caregiver named by a patient. */
@Entity
class CaregiverLink {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "caregiver_id")
	private Person caregiver;

	@ManyToOne(optional = false)
	@JoinColumn(name = "patient_id")
	private Person patient;

	@Enumerated(EnumType.STRING)
	private Relationship relationship;

	private boolean active;

	private Instant createdAt;

	protected CaregiverLink() {
	}

	CaregiverLink(Person caregiver, Person patient, Relationship relationship, Instant createdAt) {
		this.caregiver = caregiver;
		this.patient = patient;
		this.relationship = relationship;
		this.active = true;
		this.createdAt = createdAt;
	}

	void end() {
		this.active = false;
	}

	Person getCaregiver() {
		return caregiver;
	}

	Relationship getRelationship() {
		return relationship;
	}

	Person getPatient() {
		return patient;
	}

}
