package org.mmpcase.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.mmpcase.certificate.RegistrationEvent.Action;
import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.CaseNotFoundException;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.registration.Person;
import org.mmpcase.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state changes of a registration after it was issued, each in one transaction with the registration locked (two
 * changes of one registration run one after the other, the second sees the first), each written to the registration's
 * history (who, what, when, why). A patient's caregivers' registrations follow the patient's: suspended, reinstated,
 * revoked and ended with it. A registration that stops being valid stops its expiry reminders; one reinstated before
 * its expiry starts them again.
 */
@Service
public class RegistrationLife {

	/** The reason code of a caregiver registration's change that follows its patient's. */
	public static final String FOLLOWS_PATIENT = "FOLLOWS_PATIENT";

	private static final Logger log = LoggerFactory.getLogger(RegistrationLife.class);

	/** What counts as an adverse action for the renewal auto-approval (regulation 21a-408-7). */
	private static final Set<Action> ADVERSE = EnumSet.of(Action.SUSPENDED, Action.REVOKED);

	private final RegistrationRepository registrations;

	private final RegistrationEventRepository events;

	private final ExpiryReminders expiryReminders;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	RegistrationLife(RegistrationRepository registrations, RegistrationEventRepository events,
			ExpiryReminders expiryReminders, ApplicationEventPublisher publisher, Clock clock) {
		this.registrations = registrations;
		this.events = events;
		this.expiryReminders = expiryReminders;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** The registration, locked for the rest of the transaction; 404 when unknown. */
	@Transactional
	public Registration lock(String registrationNumber) {
		return registrations.lockByRegistrationNumber(registrationNumber)
			.orElseThrow(() -> new CaseNotFoundException(registrationNumber));
	}

	/**
	 * Suspends a valid registration from now until {@code lastDay} (inclusive; null: until a supervisor lifts it),
	 * and the patient's caregivers' registrations with it. 409 when it is not valid today.
	 */
	@Transactional
	public Registration suspend(String registrationNumber, String actor, String reason, String note,
			LocalDate lastDay) {
		Registration registration = lock(registrationNumber);
		requireValid(registration, "suspended");
		if (lastDay != null && lastDay.isBefore(today())) {
			throw new ConflictException("A suspension cannot end before today.");
		}
		registration.suspend(lastDay, now());
		record(registration, actor, Action.SUSPENDED, reason, note, lastDay);
		expiryReminders.stopped(registration);
		for (Registration caregiver : caregiversOf(registration, EnumSet.of(Registration.Status.ACTIVE))) {
			caregiver.suspend(lastDay, now());
			record(caregiver, RegistrationEvent.SYSTEM, Action.SUSPENDED, FOLLOWS_PATIENT,
					registration.getRegistrationNumber(), lastDay);
			expiryReminders.stopped(caregiver);
		}
		return registration;
	}

	/**
	 * Ends a suspension: lifted by a supervisor, or its last day passed ({@link Action#SUSPENSION_ENDED} from the
	 * process's timer). Caregivers' registrations suspended with the patient's come back with it.
	 */
	@Transactional
	public Registration reinstate(String registrationNumber, String actor, Action action, String note) {
		if (action != Action.SUSPENSION_LIFTED && action != Action.SUSPENSION_ENDED) {
			throw new IllegalArgumentException("Not a reinstatement: " + action);
		}
		Registration registration = lock(registrationNumber);
		if (registration.getStatus() != Registration.Status.SUSPENDED) {
			throw new ConflictException("This registration is not suspended.");
		}
		registration.reinstate(now());
		record(registration, actor, action, null, note, today());
		restartReminders(registration);
		for (Registration caregiver : caregiversOf(registration, EnumSet.of(Registration.Status.SUSPENDED))) {
			if (suspendedWithPatient(caregiver)) {
				caregiver.reinstate(now());
				record(caregiver, RegistrationEvent.SYSTEM, action, FOLLOWS_PATIENT,
						registration.getRegistrationNumber(), today());
				restartReminders(caregiver);
			}
		}
		return registration;
	}

	/** Revokes a current registration (final), and the patient's caregivers' registrations with it. */
	@Transactional
	public Registration revoke(String registrationNumber, String actor, String reason, String note) {
		Registration registration = lock(registrationNumber);
		if (!registration.getStatus().isCurrent()) {
			throw new ConflictException("This registration has already ended (" + label(registration) + ").");
		}
		registration.revoke(now());
		record(registration, actor, Action.REVOKED, reason, note, today());
		expiryReminders.stopped(registration);
		ended(registration);
		for (Registration caregiver : caregiversOf(registration, Registration.Status.currentSet())) {
			caregiver.revoke(now());
			record(caregiver, RegistrationEvent.SYSTEM, Action.REVOKED, FOLLOWS_PATIENT,
					registration.getRegistrationNumber(), today());
			expiryReminders.stopped(caregiver);
			ended(caregiver);
		}
		return registration;
	}

	/**
	 * Ends a current registration at once (the holder surrenders it, a patient removes their caregiver); a patient's
	 * caregivers' registrations end with it. Returns the registrations that ended, the given one first.
	 */
	@Transactional
	public List<Registration> end(String registrationNumber, String actor, String reason, String note) {
		Registration registration = lock(registrationNumber);
		if (!registration.getStatus().isCurrent()) {
			throw new ConflictException("This registration has already ended (" + label(registration) + ").");
		}
		List<Registration> ended = new ArrayList<>();
		registration.end(now());
		record(registration, actor, Action.ENDED, reason, note, today());
		expiryReminders.stopped(registration);
		ended.add(registration);
		for (Registration caregiver : caregiversOf(registration, Registration.Status.currentSet())) {
			caregiver.end(now());
			record(caregiver, RegistrationEvent.SYSTEM, Action.ENDED, FOLLOWS_PATIENT,
					registration.getRegistrationNumber(), today());
			expiryReminders.stopped(caregiver);
			ended.add(caregiver);
		}
		ended.forEach(this::ended);
		return ended;
	}

	/**
	 * A caregiver's registration ends no later than {@code lastDay} (its patient's registration's last day).
	 * Returns whether it moved; the move is on its history.
	 */
	@Transactional
	public boolean endNoLaterThan(Registration caregiver, LocalDate lastDay, String reason, String note) {
		Registration locked = lock(caregiver.getRegistrationNumber());
		if (!locked.getStatus().isCurrent() || !locked.endNoLaterThan(lastDay)) {
			return false;
		}
		record(locked, RegistrationEvent.SYSTEM, Action.EXPIRY_SHORTENED, reason, note, lastDay);
		expiryReminders.stopped(locked);
		restartReminders(locked);
		return true;
	}

	/**
	 * Issues the certificate of a current registration again (same number and expiry, today's issue date) after the
	 * holder's name or address changed: the PDF is rendered from the registration and its holder, so it shows the
	 * new data. 409 when the registration is no longer current.
	 */
	@Transactional
	public Registration reissue(String registrationNumber, String actor, String reason, String note) {
		Registration registration = lock(registrationNumber);
		if (!registration.getStatus().isCurrent()) {
			throw new ConflictException("This registration has already ended (" + label(registration) + ").");
		}
		registration.reissue(now());
		record(registration, actor, Action.REISSUED, reason, note, today());
		return registration;
	}

	/** Writes one entry of the registration's history (for changes made elsewhere in this module or by others). */
	@Transactional
	public RegistrationEvent record(Registration registration, String actor, Action action, String reason,
			String note, LocalDate effectiveOn) {
		log.info("Registration {}: {} by {}{}", registration.getId(), action, actor,
				reason == null ? "" : " (" + reason + ")");
		return events.save(new RegistrationEvent(registration, now(), actor, action, reason, note, effectiveOn));
	}

	/** The history of one registration, oldest first. */
	@Transactional(readOnly = true)
	public List<RegistrationEvent> history(Registration registration) {
		return events.findByRegistrationOrderByOccurredAtAscIdAsc(registration);
	}

	/** The history of every registration this person holds or held, newest first. */
	@Transactional(readOnly = true)
	public List<RegistrationEvent> historyOfHolder(Person holder) {
		return events.ofHolder(holder);
	}

	/** Whether this person's registration was suspended or revoked after {@code since}. */
	@Transactional(readOnly = true)
	public boolean adverseActionSince(Person holder, Instant since) {
		return events.existsForHolderSince(holder, ADVERSE, since);
	}

	/**
	 * The holder's current registration (active or suspended) for this patient, if any: what renewals, changes and
	 * surrenders act on.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Registration> current(Person holder, Person patient) {
		return registrations.findByHolderOrderByIssuedAtDesc(holder)
			.stream()
			.filter(registration -> registration.getStatus().isCurrent())
			.filter(registration -> registration.getPatient().getId().equals(patient.getId()))
			.findFirst();
	}

	private List<Registration> caregiversOf(Registration registration, Set<Registration.Status> statuses) {
		if (registration.getRole() != ApplicantRole.PATIENT) {
			return List.of();
		}
		return registrations.caregiversOf(registration.getPatient(), statuses);
	}

	/** Whether the caregiver's last suspension followed the patient's (not a suspension of its own). */
	private boolean suspendedWithPatient(Registration caregiver) {
		return events.findByRegistrationOrderByOccurredAtAscIdAsc(caregiver)
			.stream()
			.filter(event -> event.getAction() == Action.SUSPENDED)
			.reduce((first, second) -> second)
			.map(event -> FOLLOWS_PATIENT.equals(event.getReason()))
			.orElse(false);
	}

	private void ended(Registration registration) {
		publisher.publishEvent(new RegistrationEnded(registration.getRegistrationNumber(), registration.getStatus()));
	}

	private void restartReminders(Registration registration) {
		if (registration.getKind() == Registration.Kind.PERMANENT && registration.isValidOn(today())) {
			expiryReminders.started(registration);
		}
	}

	private void requireValid(Registration registration, String verb) {
		if (!registration.isValidOn(today())) {
			throw new ConflictException(
					"Only a valid registration can be " + verb + "; this one is " + label(registration) + ".");
		}
	}

	private String label(Registration registration) {
		return registration.standingOn(today()).label();
	}

	private Instant now() {
		return clock.instant();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(CaseStarter.PROGRAM_ZONE));
	}

}
