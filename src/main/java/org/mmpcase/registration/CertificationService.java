package org.mmpcase.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A provider certifies a patient: the patient, the certification, the application and its process, at once. */
@Service
public class CertificationService {

	private final PersonRepository persons;

	private final CertificationRepository certifications;

	private final CaseStarter caseStarter;

	private final ApplicationEventPublisher events;

	private final ApplicationRepository applications;

	private final Clock clock;

	private final List<Integer> allowedTermMonths;

	CertificationService(PersonRepository persons, CertificationRepository certifications, CaseStarter caseStarter,
			ApplicationEventPublisher events, ApplicationRepository applications, Clock clock,
			@Value("${mmp.certification.allowed-term-months:6,12,18,24}") List<Integer> allowedTermMonths) {
		this.allowedTermMonths = List.copyOf(allowedTermMonths);
		this.persons = persons;
		this.certifications = certifications;
		this.caseStarter = caseStarter;
		this.events = events;
		this.applications = applications;
		this.clock = clock;
	}

	/** The term must be one the program allows (a setting: the 2025 terms are unconfirmed). */
	public void requireAllowedTerm(int termMonths) {
		if (!allowedTermMonths.contains(termMonths)) {
			throw BadRequestException.field("termMonths",
					"The certification term must be one of " + allowedTermMonths + " months.");
		}
	}

	@Transactional
	public Application certify(String providerUsername, CertificationRequest request) {
		LocalDate today = LocalDate.now(clock.withZone(CaseStarter.PROGRAM_ZONE));
		if (request.dateOfBirth().isAfter(today)) {
			throw BadRequestException.field("dateOfBirth", "The date of birth cannot be in the future.");
		}
		if (request.certificationDate().isAfter(today)) {
			throw BadRequestException.field("certificationDate", "The certification date cannot be in the future.");
		}
		requireAllowedTerm(request.termMonths());
		if (!request.certificationDate().plusMonths(request.termMonths()).isAfter(today)) {
			throw BadRequestException.field("certificationDate",
					"This certification has already expired; a registration needs a current certification.");
		}
		String email = Person.normaliseEmail(request.email());
		if (email.equals(Person.normaliseEmail(providerUsername))) {
			throw BadRequestException.field("email", "A provider cannot certify themselves.");
		}
		Person patient = persons.findByEmail(email).orElse(null);
		if (patient != null && (!patient.getLastName().equalsIgnoreCase(request.lastName())
				|| !patient.getDateOfBirth().equals(request.dateOfBirth()))) {
			throw new ConflictException("Another person is registered with this e-mail address.");
		}
		if (patient != null && applications.existsByApplicantAndKindAndStatusIn(patient, ApplicationKind.INITIAL,
				ApplicationStatus.OPEN)) {
			throw new ConflictException("This patient already has a registration in progress.");
		}
		if (patient == null) {
			patient = persons.save(new Person(request.firstName(), request.lastName(), request.dateOfBirth(), email,
					request.street(), request.city(), request.zip(), clock.instant()));
		}
		Certification certification = certifications.save(new Certification(patient, providerUsername,
				request.certificationDate(), request.termMonths(), request.qualifyingCondition(),
				request.caregiverNeeded(), clock.instant()));
		Application application = caseStarter.start(InitialRegistrationProcess.KEY, ApplicationKind.INITIAL,
				ApplicantRole.PATIENT, patient, certification);
		events.publishEvent(new PatientCertified(application.getApplicationNumber()));
		return application;
	}

}
