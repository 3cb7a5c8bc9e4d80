package org.mmpcase.caregiver;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.mmpcase.account.Account;
import org.mmpcase.account.Invitations;
import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationEnded;
import org.mmpcase.registration.ApplicationKind;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.registration.Person;
import org.mmpcase.registration.PersonRepository;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient names a caregiver, who then runs the same registration as a caregiver. The rules (DOMAIN.md): the
 * caregiver is 18 or older and not the patient's provider; a patient has at most one caregiver; a caregiver cares
 * for one patient unless parent, guardian, conservator or sibling; a patient under 18 has a parent or guardian as
 * caregiver.
 */
@Service
public class CaregiverService {

	public static final int MINIMUM_AGE = 18;

	private final CaregiverLinkRepository links;

	private final PersonRepository persons;

	private final CaseStarter caseStarter;

	private final Invitations invitations;

	private final Clock clock;

	CaregiverService(CaregiverLinkRepository links, PersonRepository persons, CaseStarter caseStarter,
			Invitations invitations, Clock clock) {
		this.links = links;
		this.persons = persons;
		this.caseStarter = caseStarter;
		this.invitations = invitations;
		this.clock = clock;
	}

	/**
	 * A caregiver whose registration was denied or closed does not care for the patient: the link ends, and the
	 * patient may name someone else.
	 */
	@EventListener
	void release(ApplicationEnded ended) {
		Application application = ended.application();
		// a denied change of name or address (module change) leaves the caregiver caring for the patient
		if (application.getApplicantRole() != ApplicantRole.CAREGIVER
				|| application.getKind() == ApplicationKind.CHANGE) {
			return;
		}
		links.findByPatientAndActiveTrue(application.getPatient())
			.stream()
			.filter(link -> link.getCaregiver().getId().equals(application.getApplicant().getId()))
			.forEach(CaregiverLink::end);
	}

	/** A patient's caregiver as the patient named them. */
	public record Caregiver(Person person, Relationship relationship) {
	}

	/** The patient's caregiver, if they have one (named, whether or not registered yet). */
	@Transactional(readOnly = true)
	public java.util.Optional<Caregiver> of(Person patient) {
		return links.findByPatientAndActiveTrue(patient)
			.stream()
			.findFirst()
			.map(link -> new Caregiver(link.getCaregiver(), link.getRelationship()));
	}

	/**
	 * The patient no longer has this caregiver (removed, replaced, or one of them left the program): the link ends,
	 * so the patient may name someone else and the caregiver may care for another patient. Returns whether there was
	 * a link.
	 */
	@Transactional
	public boolean unlink(Person patient, Person caregiver) {
		List<CaregiverLink> ended = links.findByPatientAndActiveTrue(patient)
			.stream()
			.filter(link -> link.getCaregiver().getId().equals(caregiver.getId()))
			.toList();
		ended.forEach(CaregiverLink::end);
		return !ended.isEmpty();
	}

	/** Every caregiver of the patient stops being one (the patient left the program). */
	@Transactional
	public List<Person> unlinkAll(Person patient) {
		List<CaregiverLink> ended = links.findByPatientAndActiveTrue(patient);
		ended.forEach(CaregiverLink::end);
		return ended.stream().map(CaregiverLink::getCaregiver).toList();
	}

	/**
	 * Names the patient's caregiver on the patient's application, or on the application their registration was issued
	 * for (the holder's registrations page): the same rules, on that application's certification.
	 */
	@Transactional
	public Application nameCaregiver(Application patientApplication, CaregiverRequest request) {
		if (patientApplication.getApplicantRole() != ApplicantRole.PATIENT) {
			throw new ConflictException("Only a patient's own application can name a caregiver.");
		}
		if (patientApplication.getStatus() == ApplicationStatus.DENIED
				|| patientApplication.getStatus() == ApplicationStatus.CLOSED) {
			throw new ConflictException("This application is closed; a caregiver can be named on a current one.");
		}
		LocalDate today = LocalDate.now(clock.withZone(CaseStarter.PROGRAM_ZONE));
		Person patient = patientApplication.getPatient();
		boolean minor = patient.ageOn(today) < MINIMUM_AGE;
		if (!patientApplication.getCertification().isCaregiverNeeded() && !minor) {
			throw new ConflictException("Your provider did not certify that you need a caregiver.");
		}
		String email = Person.normaliseEmail(request.email());
		if (email.equals(patient.getEmail())) {
			throw BadRequestException.field("email", "A patient cannot be their own caregiver.");
		}
		if (email.equals(Person.normaliseEmail(patientApplication.getCertification().getProviderUsername()))) {
			throw BadRequestException.field("email", "Your certifying provider cannot be your caregiver.");
		}
		if (java.time.Period.between(request.dateOfBirth(), today).getYears() < MINIMUM_AGE) {
			throw BadRequestException.field("dateOfBirth", "A caregiver must be 18 or older.");
		}
		if (minor && !request.relationship().mayCareForMinor()) {
			throw BadRequestException.field("relationship",
					"A patient under 18 needs a parent or legal guardian as caregiver.");
		}
		if (!links.findByPatientAndActiveTrue(patient).isEmpty()) {
			throw new ConflictException("You already have a caregiver; a patient may have only one.");
		}
		Person caregiver = persons.findByEmail(email).orElse(null);
		if (caregiver != null && (!caregiver.getLastName().equalsIgnoreCase(request.lastName())
				|| !caregiver.getDateOfBirth().equals(request.dateOfBirth()))) {
			throw new ConflictException("Another person is registered with this e-mail address.");
		}
		if (caregiver != null) {
			List<CaregiverLink> existing = links.findByCaregiverAndActiveTrue(caregiver);
			boolean allFamily = request.relationship().mayCareForSeveral()
					&& existing.stream().allMatch(link -> link.getRelationship().mayCareForSeveral());
			if (!existing.isEmpty() && !allFamily) {
				throw new ConflictException("This caregiver already cares for another patient. A caregiver may care"
						+ " for more than one patient only as their parent, guardian, conservator or sibling.");
			}
		}
		else {
			caregiver = persons.save(new Person(request.firstName(), request.lastName(), request.dateOfBirth(), email,
					request.street(), request.city(), request.zip(), clock.instant()));
		}
		links.save(new CaregiverLink(caregiver, patient, request.relationship(), clock.instant()));
		Application application = caseStarter.start(InitialRegistrationProcess.KEY, ApplicationKind.INITIAL,
				ApplicantRole.CAREGIVER, caregiver, patientApplication.getCertification());
		invitations.invite(caregiver, Account.Role.CAREGIVER, application);
		return application;
	}

}
