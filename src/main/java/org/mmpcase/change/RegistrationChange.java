package org.mmpcase.change;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;

import org.mmpcase.certificate.Registration;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.Person;

/**
 * A change of name or address the holder reported for a registration: what it asks for and what it replaces (the
 * holder's data when it was reported). The case (process, document, review) is its application of kind CHANGE; the
 * values are here, not in process variables, and the person changes only when the change is approved.
 */
@Entity
public class RegistrationChange {

	public enum Status {
		IN_REVIEW, APPROVED, DENIED,
		/** The registration ended (surrendered) while the change was in review: nothing left to change. */
		WITHDRAWN
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@OneToOne(optional = false)
	@JoinColumn(name = "application_id")
	private Application application;

	@ManyToOne(optional = false)
	@JoinColumn(name = "registration_id")
	private Registration registration;

	@Enumerated(EnumType.STRING)
	private ChangeKind kind;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String previousFirstName;

	private String previousLastName;

	private String previousStreet;

	private String previousCity;

	private String previousZip;

	private String firstName;

	private String lastName;

	private String street;

	private String city;

	private String zip;

	private Instant submittedAt;

	private Instant decidedAt;

	private String denialReason;

	protected RegistrationChange() {
	}

	/** The holder's data as it is, with the part this kind of change replaces replaced by {@code requested}. */
	RegistrationChange(Application application, Registration registration, ChangeKind kind, Person requested,
			Instant submittedAt) {
		Person holder = registration.getHolder();
		this.application = application;
		this.registration = registration;
		this.kind = kind;
		this.status = Status.IN_REVIEW;
		this.previousFirstName = holder.getFirstName();
		this.previousLastName = holder.getLastName();
		this.previousStreet = holder.getStreet();
		this.previousCity = holder.getCity();
		this.previousZip = holder.getZip();
		boolean name = kind == ChangeKind.NAME;
		this.firstName = name ? requested.getFirstName() : holder.getFirstName();
		this.lastName = name ? requested.getLastName() : holder.getLastName();
		this.street = name ? holder.getStreet() : requested.getStreet();
		this.city = name ? holder.getCity() : requested.getCity();
		this.zip = name ? holder.getZip() : requested.getZip();
		this.submittedAt = submittedAt;
	}

	void approved(Instant at) {
		this.status = Status.APPROVED;
		this.decidedAt = at;
	}

	void withdrawn(Instant at) {
		this.status = Status.WITHDRAWN;
		this.decidedAt = at;
	}

	void denied(String reason, Instant at) {
		this.status = Status.DENIED;
		this.denialReason = reason;
		this.decidedAt = at;
	}

	/** What the change replaces, in one line ("12 Elm Street, Hartford 06106", "Jordan Rivera"). */
	public String from() {
		return kind == ChangeKind.NAME ? previousFirstName + " " + previousLastName
				: previousStreet + ", " + previousCity + " " + previousZip;
	}

	/** What the holder asks for, in one line. */
	public String to() {
		return kind == ChangeKind.NAME ? firstName + " " + lastName : street + ", " + city + " " + zip;
	}

	public Long getId() {
		return id;
	}

	public Application getApplication() {
		return application;
	}

	public Registration getRegistration() {
		return registration;
	}

	public ChangeKind getKind() {
		return kind;
	}

	public Status getStatus() {
		return status;
	}

	public String getFirstName() {
		return firstName;
	}

	public String getLastName() {
		return lastName;
	}

	public String getStreet() {
		return street;
	}

	public String getCity() {
		return city;
	}

	public String getZip() {
		return zip;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public String getDenialReason() {
		return denialReason;
	}

}
