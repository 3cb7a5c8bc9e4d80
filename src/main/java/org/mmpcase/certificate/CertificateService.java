package org.mmpcase.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues the registrations that certificates show and dispensaries verify. */
@Service
public class CertificateService {

	private static final Logger log = LoggerFactory.getLogger(CertificateService.class);

	/** Numbers are random in a space of 31^8; a collision is rare, several in a row mean something is wrong. */
	private static final int NUMBER_ATTEMPTS = 10;

	private final RegistrationRepository registrations;

	private final ExpiryReminders expiryReminders;

	private final RegistrationEventRepository events;

	private final Clock clock;

	CertificateService(RegistrationRepository registrations, ExpiryReminders expiryReminders,
			RegistrationEventRepository events, Clock clock) {
		this.registrations = registrations;
		this.expiryReminders = expiryReminders;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Issues the application's registration of this kind; a retried job gets the one issued before. The holder's
	 * earlier active registrations for the same patient are superseded: one valid registration per holder and
	 * patient (a caregiver of several patients keeps the others). A permanent registration approves the
	 * application; a temporary one (renewal) does not, the permanent one follows. A permanent registration starts
	 * its expiry reminders; a superseded one's reminders end.
	 */
	@Transactional
	public Registration issue(Application application, Registration.Kind kind) {
		Optional<Registration> issued = registrations.findByApplicationOrderByIssuedAtDesc(application)
			.stream()
			.filter(registration -> registration.getKind() == kind)
			.findFirst();
		if (issued.isPresent()) {
			return issued.get();
		}
		List<Registration> patientsCurrent = registrations.lockPatientsOwn(application.getPatient(),
				Registration.Status.currentSet());
		registrations.findByHolderAndStatusOrderByIssuedAtDesc(application.getApplicant(), Registration.Status.ACTIVE)
			.stream()
			.filter(registration -> Objects.equals(registration.getPatient().getId(), application.getPatient().getId()))
			.forEach(earlier -> {
				earlier.supersede(clock.instant());
				events.save(new RegistrationEvent(earlier, clock.instant(), RegistrationEvent.SYSTEM,
						RegistrationEvent.Action.SUPERSEDED, null, application.getApplicationNumber(), null));
				expiryReminders.superseded(earlier);
			});
		Registration registration = registrations
			.save(new Registration(uniqueNumber(), application, kind, clock.instant()));
		events.save(new RegistrationEvent(registration, clock.instant(), RegistrationEvent.SYSTEM,
				RegistrationEvent.Action.ISSUED, kind.name(), application.getApplicationNumber(), null));
		if (registration.getRole() == ApplicantRole.CAREGIVER) {
			capAtPatients(registration, patientsCurrent);
		}
		else {
			extendCaregiversCovered(registration);
		}
		if (kind == Registration.Kind.PERMANENT) {
			application.approved(clock.instant());
			expiryReminders.started(registration);
		}
		log.info("{} registration {} issued for application {}", kind, registration.getId(),
				application.getApplicationNumber());
		return registration;
	}

	/**
	 * A caregiver registration never outlives its patient's: issued, it ends no later than the patient's current
	 * registration (none yet: the caregiver registered with the patient's first certification, which it shares).
	 */
	private void capAtPatients(Registration caregiver, List<Registration> patientsCurrent) {
		patientsCurrent.stream().findFirst().ifPresent(patients -> {
			if (caregiver.endNoLaterThan(patients.getExpiresOn())) {
				events.save(new RegistrationEvent(caregiver, clock.instant(), RegistrationEvent.SYSTEM,
						RegistrationEvent.Action.EXPIRY_SHORTENED, RegistrationLife.FOLLOWS_PATIENT,
						patients.getRegistrationNumber(), patients.getExpiresOn()));
			}
		});
	}

	/**
	 * The patient's renewed registration covers the caregiver registrations renewed on the same certification that
	 * were capped at the patient's old expiry (the caregiver's renewal was approved first): they get their own
	 * certification's expiry back. Caregivers' registrations on another certification keep theirs.
	 */
	private void extendCaregiversCovered(Registration patients) {
		Long certification = patients.getApplication().getCertification().getId();
		for (Registration caregiver : registrations.caregiversOf(patients.getPatient(),
				Registration.Status.currentSet())) {
			if (!caregiver.getApplication().getCertification().getId().equals(certification)) {
				continue;
			}
			LocalDate own = caregiver.getApplication().getCertification().getExpiresOn();
			LocalDate lastDay = own.isAfter(patients.getExpiresOn()) ? patients.getExpiresOn() : own;
			if (caregiver.extendTo(lastDay)) {
				events.save(new RegistrationEvent(caregiver, clock.instant(), RegistrationEvent.SYSTEM,
						RegistrationEvent.Action.EXPIRY_EXTENDED, RegistrationLife.FOLLOWS_PATIENT,
						patients.getRegistrationNumber(), lastDay));
				if (caregiver.getKind() == Registration.Kind.PERMANENT) {
					// the reminders restart with the new expiry
					expiryReminders.stopped(caregiver);
					if (caregiver.isValidOn(today())) {
						expiryReminders.started(caregiver);
					}
				}
			}
		}
	}

	/** The registration the certificate of this application shows: the latest issued. */
	@Transactional(readOnly = true)
	public Optional<Registration> latest(Application application) {
		return registrations.findByApplicationOrderByIssuedAtDesc(application).stream().findFirst();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	private String uniqueNumber() {
		// the unique key on the column stays the last guard; checking first keeps a collision from failing the job
		for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
			String number = CaseNumbers.registrationNumber();
			if (registrations.findByRegistrationNumber(number).isEmpty()) {
				return number;
			}
		}
		throw new IllegalStateException("No free registration number after " + NUMBER_ATTEMPTS + " attempts");
	}

}
