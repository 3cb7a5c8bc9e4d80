package org.mmpcase.holder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.mmpcase.caregiver.CaregiverRequest;
import org.mmpcase.caregiver.CaregiverService;
import org.mmpcase.certificate.DispensaryChanges;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationEvent;
import org.mmpcase.certificate.RegistrationLife;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.change.ChangeService;
import org.mmpcase.dispensary.DispensaryRepository;
import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseNotFoundException;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.registration.Person;
import org.mmpcase.registration.PersonRepository;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the signed-in patient or caregiver holds and may do with it. Every change locks the registration first
 * ({@link RegistrationLife#lock}): two requests on one registration run one after the other, and the second is
 * judged on what the first left (a second surrender is refused, not done twice). A registration somebody else holds
 * is not found, like an unknown number.
 */
@Service
class HolderRegistrations {

	/** Reason codes on the registration's history. */
	static final String SURRENDERED = "SURRENDERED";
	static final String CAREGIVER_REMOVED = "CAREGIVER_REMOVED";
	static final String REPLACED = "REPLACED";
	static final String REMOVED = "REMOVED";

	private static final Logger log = LoggerFactory.getLogger(HolderRegistrations.class);

	private final PersonRepository persons;

	private final RegistrationRepository registrations;

	private final RegistrationLife life;

	private final DispensaryChanges dispensaryChanges;

	private final DispensaryRepository dispensaries;

	private final CaregiverService caregivers;

	private final ChangeService changes;

	private final ApplicationAccess applications;

	private final RuntimeService runtimeService;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HolderRegistrations(PersonRepository persons, RegistrationRepository registrations, RegistrationLife life,
			DispensaryChanges dispensaryChanges, DispensaryRepository dispensaries, CaregiverService caregivers,
			ChangeService changes, ApplicationAccess applications, RuntimeService runtimeService,
			ApplicationEventPublisher events, Clock clock) {
		this.persons = persons;
		this.registrations = registrations;
		this.life = life;
		this.dispensaryChanges = dispensaryChanges;
		this.dispensaries = dispensaries;
		this.caregivers = caregivers;
		this.changes = changes;
		this.applications = applications;
		this.runtimeService = runtimeService;
		this.events = events;
		this.clock = clock;
	}

	/** The person's registrations, current ones (active or suspended) first, then the newest first. */
	@Transactional(readOnly = true)
	public List<RegistrationView> of(String username) {
		return persons.findByEmail(Person.normaliseEmail(username))
			.map(person -> registrations.findByHolderOrderByIssuedAtDesc(person)
				.stream()
				.sorted(Comparator.comparing((Registration registration) -> !registration.getStatus().isCurrent()))
				.map(this::view)
				.toList())
			.orElse(List.of());
	}

	/** One registration of the person's; 404 for anybody else's. */
	@Transactional(readOnly = true)
	public RegistrationView one(String registrationNumber, String username) {
		return view(owned(registrationNumber, username));
	}

	@Transactional
	public RegistrationView changeDispensary(String registrationNumber, String username, String dispensaryCode) {
		return view(dispensaryChanges.change(registrationNumber, username, dispensaryCode));
	}

	/**
	 * The holder leaves the program: the registration ends at once (verification answers {@code ended}, its reminders
	 * stop), a patient's caregivers' registrations end with it and their links end; the holder and each caregiver
	 * whose registration ended get an e-mail once this commits.
	 */
	@Transactional
	public RegistrationView surrender(String registrationNumber, String username, Boolean confirm) {
		if (!Boolean.TRUE.equals(confirm)) {
			throw BadRequestException.field("confirm", "Confirm that you want to surrender this registration: it"
					+ " ends at once and cannot be used again.");
		}
		Registration registration = lockOwned(registrationNumber, username);
		Registration.Standing standing = registration.standingOn(today());
		if (standing != Registration.Standing.VALID && standing != Registration.Standing.SUSPENDED) {
			throw new ConflictException(
					"This registration is " + standing.label() + " already; there is nothing to surrender.");
		}
		Person holder = registration.getHolder();
		// a change in review of any registration that ends here is withdrawn with it (change listens)
		List<Registration> ended = life.end(registrationNumber, holder.getEmail(), SURRENDERED, null);
		if (registration.getRole() == ApplicantRole.PATIENT) {
			for (Person caregiver : caregivers.unlinkAll(registration.getPatient())) {
				closeOpenApplications(caregiver, registration.getPatient(), "The patient left the program.");
			}
		}
		else {
			caregivers.unlink(registration.getPatient(), holder);
		}
		events.publishEvent(new RegistrationEndedMail(registration.getId(),
				"You surrendered your registration " + registration.getRegistrationNumber()
						+ ": you have left the Medical Marijuana Program."));
		ended.stream()
			.skip(1)
			.forEach(caregiver -> events.publishEvent(new RegistrationEndedMail(caregiver.getId(),
					registration.getPatient().getFullName() + " left the Medical Marijuana Program, so your"
							+ " registration as their caregiver has ended.")));
		log.info("Registration {} surrendered ({} caregiver registrations ended with it)", registration.getId(),
				ended.size() - 1);
		return view(registration);
	}

	/**
	 * Names the patient's caregiver, or replaces the one they have: the old caregiver's registration ends (with an
	 * e-mail to them) and the new one is invited to register, under the caregiver rules (refused: nothing changes).
	 */
	@Transactional
	public RegistrationView nameCaregiver(String registrationNumber, String username, CaregiverRequest request) {
		Registration registration = lockOwned(registrationNumber, username);
		requirePatientsValid(registration, "name a caregiver");
		Optional<CaregiverService.Caregiver> current = caregivers.of(registration.getPatient());
		if (current.isPresent()) {
			if (current.get().person().getEmail().equals(Person.normaliseEmail(request.email()))) {
				throw new ConflictException(current.get().person().getFullName() + " is already your caregiver.");
			}
			remove(registration, current.get(), REPLACED, username);
		}
		Application invited = caregivers.nameCaregiver(registration.getApplication(), request);
		life.record(registration, Person.normaliseEmail(username), RegistrationEvent.Action.CAREGIVER_NAMED,
				request.relationship().name(), request.firstName() + " " + request.lastName() + " ("
						+ invited.getApplicationNumber() + ")",
				null);
		return view(registration);
	}

	/** The patient removes their caregiver: the link and the caregiver's registration end, with an e-mail to them. */
	@Transactional
	public RegistrationView removeCaregiver(String registrationNumber, String username) {
		Registration registration = lockOwned(registrationNumber, username);
		requirePatientsValid(registration, "change its caregiver");
		CaregiverService.Caregiver current = caregivers.of(registration.getPatient())
			.orElseThrow(() -> new ConflictException("You have no caregiver to remove."));
		remove(registration, current, REMOVED, username);
		return view(registration);
	}

	private void remove(Registration patients, CaregiverService.Caregiver caregiver, String reason, String username) {
		Person person = caregiver.person();
		caregivers.unlink(patients.getPatient(), person);
		for (Registration held : registrations.caregiversOf(patients.getPatient(), Registration.Status.currentSet())) {
			if (held.getHolder().getId().equals(person.getId())) {
				life.end(held.getRegistrationNumber(), Person.normaliseEmail(username), CAREGIVER_REMOVED,
						patients.getRegistrationNumber());
				events.publishEvent(new RegistrationEndedMail(held.getId(), patients.getPatient().getFullName()
						+ " no longer has you as their caregiver, so your registration as their caregiver has ended."));
			}
		}
		closeOpenApplications(person, patients.getPatient(), "The patient removed this caregiver.");
		life.record(patients, Person.normaliseEmail(username), RegistrationEvent.Action.CAREGIVER_REMOVED, reason,
				person.getFullName(), null);
	}

	/**
	 * A caregiver who is no longer one cannot go on registering for the patient: their running application ends
	 * (closed, its process deleted, so no review and no certificate follows).
	 */
	private void closeOpenApplications(Person caregiver, Person patient, String why) {
		for (Application application : applications.ofApplicant(caregiver)) {
			if (application.getApplicantRole() == ApplicantRole.CAREGIVER
					&& application.getPatient().getId().equals(patient.getId())
					&& ApplicationStatus.OPEN.contains(application.getStatus())) {
				if (application.getProcessInstanceId() != null) {
					runtimeService.deleteProcessInstanceIfExists(application.getProcessInstanceId(), why, false, true,
							false, false);
				}
				application.closed(clock.instant());
			}
		}
	}

	private void requirePatientsValid(Registration registration, String what) {
		if (registration.getRole() != ApplicantRole.PATIENT) {
			throw new ConflictException("Only a patient can " + what + "; this is a caregiver's registration.");
		}
		if (!registration.isValidOn(today())) {
			throw new ConflictException("Only a valid registration can " + what + "; this one is "
					+ registration.standingOn(today()).label() + ".");
		}
	}

	private Registration owned(String registrationNumber, String username) {
		return registrations.findByRegistrationNumber(registrationNumber)
			.filter(registration -> registration.getHolder().getEmail().equals(Person.normaliseEmail(username)))
			.orElseThrow(() -> new CaseNotFoundException(registrationNumber));
	}

	/**
	 * Locked first, then checked: read before the lock, the registration would stay in this transaction as it was
	 * then, and a request that waited for the lock would judge what the winner already changed.
	 */
	private Registration lockOwned(String registrationNumber, String username) {
		Registration registration = life.lock(registrationNumber);
		if (!registration.getHolder().getEmail().equals(Person.normaliseEmail(username))) {
			throw new CaseNotFoundException(registrationNumber);
		}
		return registration;
	}

	RegistrationView view(Registration registration) {
		LocalDate today = today();
		Registration.Standing standing = registration.standingOn(today);
		boolean valid = standing == Registration.Standing.VALID;
		boolean patient = registration.getRole() == ApplicantRole.PATIENT;
		Person holder = registration.getHolder();
		DispensaryChanges.Allowance allowance = dispensaryChanges.allowance(registration);
		Optional<org.mmpcase.change.RegistrationChange> pending = changes.pending(registration);
		Optional<CaregiverService.Caregiver> caregiver = patient && registration.getStatus().isCurrent()
				? caregivers.of(registration.getPatient()) : Optional.empty();
		List<String> actions = new ArrayList<>();
		if (valid && pending.isEmpty()) {
			actions.add(RegistrationView.CHANGE_ADDRESS);
			actions.add(RegistrationView.CHANGE_NAME);
		}
		if (valid && allowance.left() > 0) {
			actions.add(RegistrationView.CHANGE_DISPENSARY);
		}
		if (valid && patient && caregiver.isEmpty() && mayHaveCaregiver(registration, today)) {
			actions.add(RegistrationView.NAME_CAREGIVER);
		}
		if (valid && patient && caregiver.isPresent()) {
			actions.add(RegistrationView.REPLACE_CAREGIVER);
			actions.add(RegistrationView.REMOVE_CAREGIVER);
		}
		if (standing == Registration.Standing.VALID || standing == Registration.Standing.SUSPENDED) {
			actions.add(RegistrationView.SURRENDER);
		}
		return new RegistrationView(registration.getRegistrationNumber(), registration.getRole().variableValue(),
				lower(registration.getKind()), standing.label(), registration.getExpiresOn(),
				registration.getSuspendedUntil(),
				new RegistrationView.Holder(holder.getFirstName(), holder.getLastName(), holder.getStreet(),
						holder.getCity(), holder.getZip()),
				patient ? null : registration.getPatient().getFullName(), dispensary(registration.getDispensaryCode()),
				new RegistrationView.DispensaryChanges(allowance.used(), allowance.max(), allowance.left(),
						allowance.windowMonths()),
				caregiver.map(found -> caregiverView(registration, found)).orElse(null),
				pending.map(change -> new RegistrationView.PendingChange(
						change.getApplication().getApplicationNumber(), change.getKind().apiName(),
						change.getSubmittedAt()))
					.orElse(null),
				List.copyOf(actions));
	}

	/** The certification asks for a caregiver, or the patient is a minor (whose parent or guardian is one). */
	private static boolean mayHaveCaregiver(Registration registration, LocalDate today) {
		return registration.getApplication().getCertification().isCaregiverNeeded()
				|| registration.getPatient().ageOn(today) < CaregiverService.MINIMUM_AGE;
	}

	private RegistrationView.Caregiver caregiverView(Registration patients, CaregiverService.Caregiver caregiver) {
		Person person = caregiver.person();
		Optional<Registration> held = registrations
			.caregiversOf(patients.getPatient(), Registration.Status.currentSet())
			.stream()
			.filter(registration -> registration.getHolder().getId().equals(person.getId()))
			.findFirst();
		return new RegistrationView.Caregiver(person.getFirstName(), person.getLastName(), person.getEmail(),
				lower(caregiver.relationship()), held.map(Registration::getRegistrationNumber).orElse(null),
				held.map(registration -> registration.standingOn(today()).label()).orElse(null));
	}

	private RegistrationView.Dispensary dispensary(String code) {
		if (code == null) {
			return null;
		}
		return dispensaries.findById(code)
			.map(found -> new RegistrationView.Dispensary(found.getCode(), found.getName(), found.getTown()))
			.orElse(new RegistrationView.Dispensary(code, code, null));
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(CaseStarter.PROGRAM_ZONE));
	}

}
