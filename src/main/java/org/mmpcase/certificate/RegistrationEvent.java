package org.mmpcase.certificate;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * One entry of a registration's history: who did what, when and why. Written in the same transaction as the change
 * it records; never updated.
 */
@Entity
public class RegistrationEvent {

	/** Who acts when nobody does: a timer, a cascade from the patient's registration. */
	public static final String SYSTEM = "system";

	public enum Action {
		ISSUED, SUPERSEDED, REISSUED, DISPENSARY_CHANGED,
		/** DCP: a reviewer proposes, a supervisor approves or rejects. */
		SUSPENSION_PROPOSED, SUSPENSION_REJECTED, SUSPENDED, SUSPENSION_LIFTED, SUSPENSION_ENDED,
		REVOCATION_PROPOSED, REVOCATION_REJECTED, REVOKED,
		/** The registration ended before its expiry (surrender, a caregiver removed, the patient's ended). */
		ENDED,
		/** The expiry moved earlier: a caregiver's registration never outlives its patient's. */
		EXPIRY_SHORTENED,
		/** Changes the holder reported. */
		CHANGE_REQUESTED, CHANGE_APPROVED, CHANGE_DENIED, CAREGIVER_NAMED, CAREGIVER_REMOVED,
		/**
		 * The expiry moved back to the registration's own certification's: a caregiver's registration capped at its
		 * patient's old expiry, once the patient's renewal on the same certification covers it.
		 */
		EXPIRY_EXTENDED,
		/** DCP: a supervisor approved a proposed suspension or revocation; it takes effect on its effective date. */
		SUSPENSION_APPROVED, REVOCATION_APPROVED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "registration_id")
	private Registration registration;

	private Instant occurredAt;

	private String actor;

	@Enumerated(EnumType.STRING)
	private Action action;

	/** A code (a reason from reference data, or a cause such as {@code FOLLOWS_PATIENT}); may be null. */
	private String reason;

	/** Free text the actor wrote; may be null. */
	private String note;

	/** The day the change takes or took effect, where it has one (a suspension's start, its last day). */
	private LocalDate effectiveOn;

	protected RegistrationEvent() {
	}

	RegistrationEvent(Registration registration, Instant occurredAt, String actor, Action action, String reason,
			String note, LocalDate effectiveOn) {
		this.registration = registration;
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.action = action;
		this.reason = reason;
		this.note = note;
		this.effectiveOn = effectiveOn;
	}

	public Long getId() {
		return id;
	}

	public Registration getRegistration() {
		return registration;
	}

	public Instant getOccurredAt() {
		return occurredAt;
	}

	public String getActor() {
		return actor;
	}

	public Action getAction() {
		return action;
	}

	public String getReason() {
		return reason;
	}

	public String getNote() {
		return note;
	}

	public LocalDate getEffectiveOn() {
		return effectiveOn;
	}

}
