package org.mmpcase.caregiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Mails;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Caregivers run the same registration, under the rules of DOMAIN.md. */
class CaregiverScenarioTests extends ProcessTest {

	@Autowired
	CaregiverService caregivers;

	@Autowired
	RegistrationRepository registrations;

	@Test
	void caregiver_namedByPatient_registersAndIsApproved_linkedToThePatient() {
		Application patient = patientNeedingCaregiver(LocalDate.of(1950, 1, 1));

		Application caregiver = caregivers.nameCaregiver(patient, caregiver("caregiver", 1970, Relationship.OTHER));

		assertThat(caregiver.getApplicantRole()).isEqualTo(ApplicantRole.CAREGIVER);
		assertThat(caregiver.getPatient().getId()).isEqualTo(patient.getApplicant().getId());
		assertThat(Mails.subject(Mails.lastTo(caregiver.getApplicant().getEmail()))).isNotBlank();
		driver.completeApplicantSteps(caregiver);
		assertThat(driver.reviewTask(caregiver).getName())
			.isEqualTo("Review initial registration (caregiver) - " + caregiver.getApplicationNumber());
		driver.review(caregiver, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(caregiver);

		Application approved = driver.reload(caregiver);
		assertThat(approved.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
		Registration registration = registrations.findByApplicationOrderByIssuedAtDesc(approved).get(0);
		assertThat(registration.getRole()).isEqualTo(ApplicantRole.CAREGIVER);
		assertThat(registration.getPatient().getId()).isEqualTo(patient.getApplicant().getId());
		assertThat(registration.getExpiresOn()).isEqualTo(patient.getCertification().getExpiresOn());
	}

	@Test
	void caregiver_under18_refused() {
		Application patient = patientNeedingCaregiver(LocalDate.of(1950, 1, 1));
		int youngYear = LocalDate.now().getYear() - 17;

		assertThatThrownBy(() -> caregivers.nameCaregiver(patient, caregiver("young", youngYear, Relationship.OTHER)))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getFieldErrors()).containsKey("dateOfBirth"));
	}

	@Test
	void caregiver_isThePatientsProvider_refused() {
		Application patient = patientNeedingCaregiver(LocalDate.of(1950, 1, 1));
		CaregiverRequest provider = new CaregiverRequest("Morgan", "Provider", LocalDate.of(1970, 1, 1),
				CaseDriver.PROVIDER, "1 Main St", "Hartford", "06106", Relationship.OTHER);

		assertThatThrownBy(() -> caregivers.nameCaregiver(patient, provider))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("provider");
	}

	@Test
	void patient_secondCaregiver_refused() {
		Application patient = patientNeedingCaregiver(LocalDate.of(1950, 1, 1));
		caregivers.nameCaregiver(patient, caregiver("first", 1970, Relationship.OTHER));

		assertThatThrownBy(() -> caregivers.nameCaregiver(patient, caregiver("second", 1971, Relationship.OTHER)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("only one");
	}

	@Test
	void caregiver_denied_linkEnds_patientMayNameAnother() {
		Application patient = patientNeedingCaregiver(LocalDate.of(1950, 1, 1));
		Application first = caregivers.nameCaregiver(patient, caregiver("first", 1970, Relationship.OTHER));
		driver.completeApplicantSteps(first);

		driver.review(first, CaseVariables.DECISION_DENY, Map.of(CaseVariables.DENIAL_REASON, "unapproved-caregiver"));

		Application second = caregivers.nameCaregiver(patient, caregiver("second", 1972, Relationship.OTHER));
		assertThat(second.getApplicantRole()).isEqualTo(ApplicantRole.CAREGIVER);
	}

	@Test
	void caregiver_secondUnrelatedPatient_refused_butSiblingAllowed() {
		CaregiverRequest shared = caregiver("shared", 1968, Relationship.OTHER);
		caregivers.nameCaregiver(patientNeedingCaregiver(LocalDate.of(1950, 1, 1)), shared);

		Application second = patientNeedingCaregiver(LocalDate.of(1952, 1, 1));
		assertThatThrownBy(() -> caregivers.nameCaregiver(second, shared)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("already cares for another patient");

		CaregiverRequest sibling = caregiver("sibling", 1969, Relationship.SIBLING);
		caregivers.nameCaregiver(patientNeedingCaregiver(LocalDate.of(1960, 1, 1)), sibling);
		Application anotherSibling = caregivers.nameCaregiver(patientNeedingCaregiver(LocalDate.of(1962, 1, 1)),
				sibling);
		assertThat(anotherSibling.getApplicantRole()).isEqualTo(ApplicantRole.CAREGIVER);
	}

	@Test
	void minorPatient_needsParentOrGuardian() {
		Application minor = patientNeedingCaregiver(LocalDate.now().minusYears(12));

		assertThatThrownBy(() -> caregivers.nameCaregiver(minor, caregiver("aunt", 1980, Relationship.OTHER)))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getFieldErrors()).containsKey("relationship"));
		Application parent = caregivers.nameCaregiver(minor, caregiver("parent", 1980, Relationship.PARENT));
		assertThat(parent.getApplicantRole()).isEqualTo(ApplicantRole.CAREGIVER);
	}

	@Test
	void patientWithoutCaregiverCertification_cannotNameOne() {
		Application patient = driver.certify();

		assertThatThrownBy(() -> caregivers.nameCaregiver(patient, caregiver("x", 1970, Relationship.OTHER)))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("did not certify");
	}

	private Application patientNeedingCaregiver(LocalDate dateOfBirth) {
		return driver.certify(CaseDriver.certificationFor(CaseDriver.uniqueEmail("patient"), dateOfBirth, true));
	}

	private static CaregiverRequest caregiver(String who, int birthYear, Relationship relationship) {
		return new CaregiverRequest("Casey", "Carer", LocalDate.of(birthYear, 3, 4), CaseDriver.uniqueEmail(who),
				"5 Oak Avenue", "New Haven", "06510", relationship);
	}

}
