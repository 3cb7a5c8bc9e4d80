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
import jakarta.persistence.Version;

import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.Person;

/**
 * A registration the program issued: what the certificate shows and what a dispensary verifies. Valid until the
 * certification ends ({@code expiresOn}), whatever the day of approval.
 */
@Entity
public class Registration {

	public enum Kind {
		/** E-mailed at once when a renewal is auto-approved, until the certificate follows. */
		TEMPORARY, PERMANENT
	}

	/**
	 * Where the registration stands in its life. {@code ACTIVE} and {@code SUSPENDED} are current (the holder still
	 * holds it); the others are final: {@code SUPERSEDED} by a renewal's, {@code REVOKED} by DCP, {@code ENDED} by
	 * the holder's surrender, a caregiver's removal or the end of the patient's registration.
	 */
	public enum Status {
		ACTIVE, SUPERSEDED, SUSPENDED, REVOKED, ENDED;

		public boolean isCurrent() {
			return this == ACTIVE || this == SUSPENDED;
		}

		public static java.util.Set<Status> currentSet() {
			return java.util.EnumSet.of(ACTIVE, SUSPENDED);
		}
	}

	/**
	 * What the registration is worth on a given day, computed from {@link #status}, {@link #suspendedUntil} and
	 * {@link #expiresOn}: an expired registration needs no job to mark it, it shows as expired everywhere from the day
	 * after it ends, and a suspension with an end date no longer counts from the day after that date, whether or not
	 * the suspension process has lifted it yet.
	 */
	public enum Standing {
		VALID, EXPIRED, SUPERSEDED, SUSPENDED, REVOKED, ENDED;

		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String registrationNumber;

	@ManyToOne(optional = false)
	@JoinColumn(name = "application_id")
	private Application application;

	@ManyToOne(optional = false)
	@JoinColumn(name = "holder_id")
	private Person holder;

	@ManyToOne(optional = false)
	@JoinColumn(name = "patient_id")
	private Person patient;

	@Enumerated(EnumType.STRING)
	private ApplicantRole role;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String dispensaryCode;

	private Instant issuedAt;

	private LocalDate expiresOn;

	/** The last day of a suspension; null while a suspension lasts until a supervisor lifts it. */
	private LocalDate suspendedUntil;

	private Instant statusChangedAt;

	/** Two changes of one registration at once: the second fails instead of both winning. */
	@Version
	private long version;

	protected Registration() {
	}

	public Registration(String registrationNumber, Application application, Kind kind, Instant issuedAt) {
		this.registrationNumber = registrationNumber;
		this.application = application;
		this.holder = application.getApplicant();
		this.patient = application.getPatient();
		this.role = application.getApplicantRole();
		this.kind = kind;
		this.status = Status.ACTIVE;
		this.dispensaryCode = application.getDispensaryCode();
		this.issuedAt = issuedAt;
		this.expiresOn = application.getCertification().getExpiresOn();
	}

	public boolean isValidOn(LocalDate day) {
		return standingOn(day) == Standing.VALID;
	}

	public Standing standingOn(LocalDate day) {
		return switch (status) {
			case REVOKED -> Standing.REVOKED;
			case SUPERSEDED -> Standing.SUPERSEDED;
			case ENDED -> Standing.ENDED;
			case SUSPENDED -> isSuspendedOn(day) ? Standing.SUSPENDED
					: day.isAfter(expiresOn) ? Standing.EXPIRED : Standing.VALID;
			case ACTIVE -> day.isAfter(expiresOn) ? Standing.EXPIRED : Standing.VALID;
		};
	}

	/** Suspended on that day: suspended, and the day not after the suspension's last day (if it has one). */
	public boolean isSuspendedOn(LocalDate day) {
		return status == Status.SUSPENDED && (suspendedUntil == null || !day.isAfter(suspendedUntil));
	}

	void supersede(Instant at) {
		transition(Status.SUPERSEDED, at);
	}

	/** Suspends an active registration until {@code lastDay} inclusive, or until lifted when it is null. */
	void suspend(LocalDate lastDay, Instant at) {
		requireStatus(Status.ACTIVE);
		this.suspendedUntil = lastDay;
		transition(Status.SUSPENDED, at);
	}

	/** Ends a suspension (lifted by a supervisor, or its last day passed). */
	void reinstate(Instant at) {
		requireStatus(Status.SUSPENDED);
		this.suspendedUntil = null;
		transition(Status.ACTIVE, at);
	}

	/** Revokes a current registration; final. */
	void revoke(Instant at) {
		requireCurrent();
		transition(Status.REVOKED, at);
	}

	/** Ends a current registration at once (surrender, a caregiver removed, the patient's registration ended). */
	void end(Instant at) {
		requireCurrent();
		this.suspendedUntil = null;
		transition(Status.ENDED, at);
	}

	/**
	 * The registration ends no later than {@code lastDay} (a caregiver's registration never outlives its patient's).
	 * Returns whether the expiry moved.
	 */
	boolean endNoLaterThan(LocalDate lastDay) {
		if (lastDay.isBefore(expiresOn)) {
			this.expiresOn = lastDay;
			return true;
		}
		return false;
	}

	/**
	 * The expiry moves later, to {@code lastDay} at most (a caregiver's registration capped at its patient's old
	 * expiry, once the patient's renewed registration covers its own certification). Returns whether it moved.
	 */
	boolean extendTo(LocalDate lastDay) {
		if (lastDay.isAfter(expiresOn)) {
			this.expiresOn = lastDay;
			return true;
		}
		return false;
	}

	private void requireStatus(Status expected) {
		if (status != expected) {
			throw new IllegalStateException("Registration " + id + " is " + status + ", not " + expected);
		}
	}

	private void requireCurrent() {
		if (!status.isCurrent()) {
			throw new IllegalStateException("Registration " + id + " is " + status + ", no longer current");
		}
	}

	private void transition(Status next, Instant at) {
		this.status = next;
		this.statusChangedAt = at;
	}

	/**
	 * The certificate is issued again with the holder's changed name or address (same number, same expiry): its
	 * issue date is today's, the history keeps the first one (ISSUED).
	 */
	void reissue(Instant at) {
		requireCurrent();
		this.issuedAt = at;
	}

	public void changeDispensary(String dispensaryCode) {
		this.dispensaryCode = dispensaryCode;
	}

	public Long getId() {
		return id;
	}

	public String getRegistrationNumber() {
		return registrationNumber;
	}

	public Application getApplication() {
		return application;
	}

	public Person getHolder() {
		return holder;
	}

	public Person getPatient() {
		return patient;
	}

	public ApplicantRole getRole() {
		return role;
	}

	public Kind getKind() {
		return kind;
	}

	public Status getStatus() {
		return status;
	}

	public String getDispensaryCode() {
		return dispensaryCode;
	}

	public Instant getIssuedAt() {
		return issuedAt;
	}

	public LocalDate getExpiresOn() {
		return expiresOn;
	}

	public LocalDate getSuspendedUntil() {
		return suspendedUntil;
	}

	public Instant getStatusChangedAt() {
		return statusChangedAt;
	}

}
