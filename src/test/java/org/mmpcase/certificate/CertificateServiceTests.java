package org.mmpcase.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationKind;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.Certification;
import org.mmpcase.registration.Person;
import org.springframework.test.util.ReflectionTestUtils;

class CertificateServiceTests {

	private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

	private final RegistrationRepository registrations = mock(RegistrationRepository.class);

	private final ExpiryReminders expiryReminders = mock(ExpiryReminders.class);

	private final RegistrationEventRepository events = mock(RegistrationEventRepository.class);

	private final CertificateService service = new CertificateService(registrations, expiryReminders, events,
			Clock.fixed(NOW, ZoneOffset.UTC));

	private final Person patient = person(1L, "pat@example.org");

	@BeforeEach
	void setUp() {
		when(registrations.save(any())).thenAnswer(invocation -> invocation.getArgument(0));
		when(registrations.findByRegistrationNumber(anyString())).thenReturn(Optional.empty());
	}

	@Test
	void permanent_issuedValidToTheCertificationsEnd_andApplicationApproved() {
		Application application = application(patient, patient, ApplicationKind.INITIAL);

		Registration registration = service.issue(application, Registration.Kind.PERMANENT);

		assertThat(registration.getRegistrationNumber()).matches("MMP-[2-9A-Z]{4}-[2-9A-Z]{4}");
		assertThat(registration.getExpiresOn()).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(registration.isValidOn(LocalDate.of(2026, 3, 15))).isTrue();
		assertThat(application.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
		verify(expiryReminders).started(registration);
	}

	@Test
	void temporary_doesNotApprove_andSupersedesTheHoldersEarlierRegistrationForThatPatient() {
		Application previous = application(patient, patient, ApplicationKind.INITIAL);
		Registration earlier = new Registration("MMP-AAAA-AAAA", previous, Registration.Kind.PERMANENT, NOW);
		Application renewal = application(patient, patient, ApplicationKind.RENEWAL);
		when(registrations.findByHolderAndStatusOrderByIssuedAtDesc(patient, Registration.Status.ACTIVE))
			.thenReturn(List.of(earlier));

		service.issue(renewal, Registration.Kind.TEMPORARY);

		assertThat(earlier.getStatus()).isEqualTo(Registration.Status.SUPERSEDED);
		verify(expiryReminders).superseded(earlier);
		verify(expiryReminders, never()).started(any());
		assertThat(renewal.getStatus()).isEqualTo(ApplicationStatus.IN_PROGRESS);
	}

	@Test
	void caregiverOfTwoPatients_keepsTheOtherRegistration() {
		Person caregiver = person(2L, "care@example.org");
		Person otherPatient = person(3L, "other@example.org");
		Registration forOther = new Registration("MMP-BBBB-BBBB",
				application(caregiver, otherPatient, ApplicationKind.INITIAL), Registration.Kind.PERMANENT, NOW);
		when(registrations.findByHolderAndStatusOrderByIssuedAtDesc(caregiver, Registration.Status.ACTIVE))
			.thenReturn(List.of(forOther));

		service.issue(application(caregiver, patient, ApplicationKind.INITIAL), Registration.Kind.PERMANENT);

		assertThat(forOther.getStatus()).isEqualTo(Registration.Status.ACTIVE);
	}

	@Test
	void retriedJob_getsTheRegistrationIssuedBefore() {
		Application application = application(patient, patient, ApplicationKind.INITIAL);
		Registration issued = new Registration("MMP-CCCC-CCCC", application, Registration.Kind.PERMANENT, NOW);
		when(registrations.findByApplicationOrderByIssuedAtDesc(application)).thenReturn(List.of(issued));

		assertThat(service.issue(application, Registration.Kind.PERMANENT)).isSameAs(issued);
		verify(registrations, never()).save(any());
	}

	@Test
	void numberTaken_anotherDrawn() {
		when(registrations.findByRegistrationNumber(anyString()))
			.thenReturn(Optional.of(mock(Registration.class)), Optional.empty());

		Registration registration = service.issue(application(patient, patient, ApplicationKind.INITIAL),
				Registration.Kind.PERMANENT);

		assertThat(registration.getRegistrationNumber()).isNotNull();
	}

	private static Person person(long id, String email) {
		Person person = new Person("Pat", "Doe", LocalDate.of(1980, 1, 1), email, "1 Main St", "Hartford", "06101",
				NOW);
		ReflectionTestUtils.setField(person, "id", id);
		return person;
	}

	private static Application application(Person applicant, Person patient, ApplicationKind kind) {
		Certification certification = new Certification(patient, "dr@example.org", LocalDate.of(2026, 3, 1), 12,
				"(not used)", false, NOW);
		return new Application("A-TEST-0001", kind,
				applicant == patient ? ApplicantRole.PATIENT : ApplicantRole.CAREGIVER, applicant, patient,
				certification, NOW);
	}

}
