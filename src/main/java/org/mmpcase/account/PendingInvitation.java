package org.mmpcase.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.mmpcase.registration.Application;
import org.mmpcase.registration.Person;

/** An invitation e-mail owed to an applicant until the mail server has taken it (see {@link InvitationMailer}). */
@Entity
class PendingInvitation {

	enum Outcome {
		/** the mail server took it */
		SENT,
		/** a newer invitation of the same person replaced it */
		SUPERSEDED,
		/** the person activated the account meanwhile (with a code from an e-mail that did arrive) */
		ACTIVATED
	}

	private static final Duration MAX_BACKOFF = Duration.ofHours(1);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne
	@JoinColumn(name = "person_id")
	private Person person;

	@ManyToOne
	@JoinColumn(name = "application_id")
	private Application application;

	@Enumerated(EnumType.STRING)
	private Account.Role role;

	private Instant createdAt;

	private int attempts;

	private Instant nextAttemptAt;

	private Instant closedAt;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	protected PendingInvitation() {
	}

	PendingInvitation(Person person, Application application, Account.Role role, Instant now, Duration firstRetry) {
		this.person = person;
		this.application = application;
		this.role = role;
		this.createdAt = now;
		this.nextAttemptAt = now.plus(firstRetry);
	}

	void close(Outcome outcome, Instant now) {
		this.outcome = outcome;
		this.closedAt = now;
	}

	/** Another failed attempt: the next one waits twice as long as the last, up to an hour. */
	void failed(Instant now, Duration firstRetry) {
		attempts++;
		Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts, 20));
		nextAttemptAt = now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
	}

	boolean isOpen() {
		return closedAt == null;
	}

	Long getId() {
		return id;
	}

	Person getPerson() {
		return person;
	}

	Application getApplication() {
		return application;
	}

	Account.Role getRole() {
		return role;
	}

	int getAttempts() {
		return attempts;
	}

	Outcome getOutcome() {
		return outcome;
	}

}
