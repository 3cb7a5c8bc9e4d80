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

	public enum Status {
		ACTIVE, SUPERSEDED, REVOKED
	}

	/**
	 * What the registration is worth on a given day, computed from {@link #status} and {@link #expiresOn}: an
	 * expired registration needs no job to mark it, it shows as expired everywhere from the day after it ends.
	 */
	public enum Standing {
		VALID, EXPIRED, SUPERSEDED, REVOKED;

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
		return status == Status.ACTIVE && !day.isAfter(expiresOn);
	}

	public Standing standingOn(LocalDate day) {
		return switch (status) {
			case REVOKED -> Standing.REVOKED;
			case SUPERSEDED -> Standing.SUPERSEDED;
			case ACTIVE -> day.isAfter(expiresOn) ? Standing.EXPIRED : Standing.VALID;
		};
	}

	public void supersede() {
		this.status = Status.SUPERSEDED;
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

}
