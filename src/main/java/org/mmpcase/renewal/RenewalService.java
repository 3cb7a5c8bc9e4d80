package org.mmpcase.renewal;

import java.time.Clock;
import java.time.LocalDate;

import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationKind;
import org.mmpcase.registration.ApplicationRepository;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseNotFoundException;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.registration.Certification;
import org.mmpcase.registration.CertificationRepository;
import org.mmpcase.registration.CertificationService;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A provider's re-certification of a registered patient starts their renewal. Renewal opens a number of days before
 * the registration expires (30 by default, DOMAIN.md) and stays open after it has expired.
 */
@Service
public class RenewalService {

	private final RegistrationRepository registrations;

	private final CertificationRepository certifications;

	private final ApplicationRepository applications;

	private final CaseStarter caseStarter;

	private final CertificationService certificationService;

	private final CaregiverRenewals caregiverRenewals;

	private final Clock clock;

	private final int opensDaysBefore;

	RenewalService(RegistrationRepository registrations, CertificationRepository certifications,
			ApplicationRepository applications, CaseStarter caseStarter, CertificationService certificationService,
			CaregiverRenewals caregiverRenewals, Clock clock,
			@Value("${mmp.renewal.opens-days-before-expiry:30}") int opensDaysBefore) {
		this.registrations = registrations;
		this.certifications = certifications;
		this.applications = applications;
		this.caseStarter = caseStarter;
		this.certificationService = certificationService;
		this.caregiverRenewals = caregiverRenewals;
		this.clock = clock;
		this.opensDaysBefore = opensDaysBefore;
	}

	/** The patient's renewal; see {@link #recertification} for what happens to their caregiver. */
	@Transactional
	public Application recertify(String providerUsername, RecertificationRequest request) {
		return recertification(providerUsername, request).renewal();
	}

	/**
	 * A provider re-certifies a registered patient: the patient's renewal starts, and in the same transaction what
	 * follows for the caregiver linked to them ({@link CaregiverRenewals}): their renewal, or their registration
	 * running out with the patient's. A caregiver who may not renew does not stop the patient's renewal; the answer
	 * says why.
	 */
	@Transactional
	public Recertification recertification(String providerUsername, RecertificationRequest request) {
		LocalDate today = LocalDate.now(clock.withZone(CaseStarter.PROGRAM_ZONE));
		// locked: two re-certifications of one registration at once run one after the other, the second sees the
		// first's renewal (and its caregiver's) and is refused
		Registration registration = registrations.lockByRegistrationNumber(request.registrationNumber())
			.filter(candidate -> candidate.getRole() == ApplicantRole.PATIENT)
			.filter(candidate -> candidate.getStatus() != Registration.Status.SUPERSEDED)
			.orElseThrow(() -> new CaseNotFoundException(request.registrationNumber()));
		requireRenewable(registration, today);
		if (today.isBefore(registration.getExpiresOn().minusDays(opensDaysBefore))) {
			throw new ConflictException("Renewal opens " + opensDaysBefore + " days before the registration expires, on "
					+ registration.getExpiresOn().minusDays(opensDaysBefore) + ".");
		}
		certificationService.requireAllowedTerm(request.termMonths());
		if (request.certificationDate().isAfter(today)) {
			throw BadRequestException.field("certificationDate", "The certification date cannot be in the future.");
		}
		if (applications.existsByApplicantAndKindAndStatusIn(registration.getHolder(), ApplicationKind.RENEWAL,
				ApplicationStatus.OPEN)) {
			throw new ConflictException("A renewal is already in progress for this registration.");
		}
		Certification certification = certifications.save(new Certification(registration.getPatient(),
				providerUsername, request.certificationDate(), request.termMonths(), request.qualifyingCondition(),
				request.caregiverNeeded(), clock.instant()));
		if (!certification.isValidOn(today)) {
			throw BadRequestException.field("certificationDate", "This certification has already expired.");
		}
		Application renewal = caseStarter.startWith(RenewalProcess.KEY, ApplicationKind.RENEWAL,
				ApplicantRole.PATIENT, registration.getHolder(), certification, registration.getApplication());
		return new Recertification(renewal, caregiverRenewals.follow(registration, renewal, today));
	}

	/**
	 * A revoked registration, or one ended before its expiry, cannot be renewed; a suspended one not while the
	 * suspension lasts (DOMAIN.md). Each refusal says why.
	 */
	public static void requireRenewable(Registration registration, LocalDate today) {
		switch (registration.getStatus()) {
			case REVOKED -> throw new ConflictException(
					"This registration was revoked by DCP; a revoked registration cannot be renewed.");
			case ENDED -> throw new ConflictException(
					"This registration has ended; a new registration starts with a new certification.");
			case SUSPENDED -> {
				if (registration.isSuspendedOn(today)) {
					throw new ConflictException(registration.getSuspendedUntil() == null
							? "This registration is suspended by DCP; it cannot be renewed while the suspension lasts."
							: "This registration is suspended by DCP until " + registration.getSuspendedUntil()
									+ "; it cannot be renewed while the suspension lasts.");
				}
			}
			default -> {
			}
		}
	}

}
