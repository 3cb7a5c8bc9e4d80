package org.mmpcase.certificate;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;


/** A change of dispensary on a registration; counted against the limit per period. */
@Entity
class DispensaryChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "registration_id")
	private Registration registration;

	private String fromCode;

	private String toCode;

	private Instant changedAt;

	protected DispensaryChange() {
	}

	DispensaryChange(Registration registration, String fromCode, String toCode, Instant changedAt) {
		this.registration = registration;
		this.fromCode = fromCode;
		this.toCode = toCode;
		this.changedAt = changedAt;
	}

	Instant getChangedAt() {
		return changedAt;
	}

}
