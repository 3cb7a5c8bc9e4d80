package org.mmpcase.renewal;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.mmpcase.caregiver.CaregiverService;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationLife;
import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationKind;
import org.mmpcase.registration.ApplicationRepository;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.registration.Certification;
import org.mmpcase.registration.Person;
import org.mmpcase.shared.ConflictException;
import org.springframework.stereotype.Component;

/**
 * What a patient's re-certification does for the caregiver linked to them, in the re-certification's transaction.
 * With the caregiver need (or a patient under 18) the caregiver's renewal starts on the same certification, unless
 * the caregiver's registration may not be renewed (the reason is reported, the patient's renewal starts anyway).
 * Without it the caregiver's registration ends no later than the patient's current one, the patient and the
 * caregiver are told by e-mail, and the link ends the day after ({@code caregiver-release.bpmn}).
 */
@Component
class CaregiverRenewals {

	private final CaregiverService caregivers;

	private final RegistrationLife life;

	private final ApplicationRepository applications;

	private final CaseStarter caseStarter;

	private final RuntimeService runtimeService;

	CaregiverRenewals(CaregiverService caregivers, RegistrationLife life, ApplicationRepository applications,
			CaseStarter caseStarter, RuntimeService runtimeService) {
		this.caregivers = caregivers;
		this.life = life;
		this.applications = applications;
		this.caseStarter = caseStarter;
		this.runtimeService = runtimeService;
	}

	/**
	 * @param patientRegistration the patient's current registration, which the re-certification renews
	 * @param patientRenewal the patient's renewal, just started
	 * @return null when the patient has no caregiver and needs none
	 */
	CaregiverRenewal follow(Registration patientRegistration, Application patientRenewal, LocalDate today) {
		Certification certification = patientRenewal.getCertification();
		Person patient = patientRegistration.getHolder();
		boolean needed = certification.isCaregiverNeeded()
				|| patient.ageOn(today) < org.mmpcase.caregiver.CaregiverService.MINIMUM_AGE;
		Optional<Person> caregiver = caregivers.of(patient).map(CaregiverService.Caregiver::person);
		if (caregiver.isEmpty()) {
			return needed ? CaregiverRenewal.refusedBecause(
					"The patient has no caregiver; the patient can name one once the renewal has started.") : null;
		}
		Optional<Registration> current = life.current(caregiver.get(), patient);
		if (current.isEmpty()) {
			return CaregiverRenewal.refusedBecause("The caregiver holds no current registration for this patient"
					+ " (their registration is still in progress or has ended); no caregiver renewal was started.");
		}
		return needed ? renew(current.get(), certification, today)
				: letRunOut(current.get(), patientRegistration, patientRenewal);
	}

	private CaregiverRenewal renew(Registration registration, Certification certification, LocalDate today) {
		try {
			RenewalService.requireRenewable(registration, today);
		}
		catch (ConflictException refused) {
			return CaregiverRenewal.refusedBecause("The caregiver's renewal was not started: " + refused.getMessage());
		}
		// per patient: a parent caring for two children renews for each of them
		boolean running = applications.findByApplicantOrderByCreatedAtDesc(registration.getHolder())
			.stream()
			.anyMatch(application -> application.getKind() == ApplicationKind.RENEWAL
					&& ApplicationStatus.OPEN.contains(application.getStatus())
					&& application.getPatient().getId().equals(registration.getPatient().getId()));
		if (running) {
			return CaregiverRenewal.refusedBecause("A renewal is already in progress for the caregiver.");
		}
		// the e-mail inviting the caregiver to renew is the renewal process's first (asynchronous) step
		return CaregiverRenewal.startedWith(caseStarter.startWith(RenewalProcess.KEY, ApplicationKind.RENEWAL,
				ApplicantRole.CAREGIVER, registration.getHolder(), certification, registration.getApplication()));
	}

	private CaregiverRenewal letRunOut(Registration caregiverRegistration, Registration patientRegistration,
			Application patientRenewal) {
		LocalDate patientLastDay = patientRegistration.getExpiresOn();
		life.endNoLaterThan(caregiverRegistration, patientLastDay, CaregiverReleaseProcess.REASON_CAREGIVER_NOT_NEEDED,
				patientRenewal.getApplicationNumber());
		LocalDate lastDay = caregiverRegistration.getExpiresOn().isBefore(patientLastDay)
				? caregiverRegistration.getExpiresOn() : patientLastDay;
		runtimeService.startProcessInstanceByKey(CaregiverReleaseProcess.KEY,
				caregiverRegistration.getRegistrationNumber(),
				Map.of(CaregiverReleaseProcess.PATIENT_APPLICATION_NUMBER, patientRenewal.getApplicationNumber(),
						CaregiverReleaseProcess.CAREGIVER_APPLICATION_NUMBER,
						caregiverRegistration.getApplication().getApplicationNumber(),
						CaregiverReleaseProcess.CAREGIVER_REGISTRATION_NUMBER,
						caregiverRegistration.getRegistrationNumber(), CaregiverReleaseProcess.CAREGIVER_LAST_DAY,
						lastDay.toString(), CaregiverReleaseProcess.CAREGIVER_ENDED_AT,
						Date.from(lastDay.plusDays(1).atStartOfDay(CaseStarter.PROGRAM_ZONE).toInstant())));
		return CaregiverRenewal.endingOn("The new certification does not call for a caregiver; the caregiver's"
				+ " registration ends with the patient's current one, on " + lastDay + ".", lastDay);
	}

}
