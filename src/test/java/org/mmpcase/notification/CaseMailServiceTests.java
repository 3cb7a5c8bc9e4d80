package org.mmpcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mmpcase.certificate.CertificatePdf;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.dispensary.DispensaryRepository;
import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationKind;
import org.mmpcase.registration.Certification;
import org.mmpcase.registration.Person;

class CaseMailServiceTests {

	private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

	private final MailService mail = mock(MailService.class);

	private final SentEmailRepository sentEmails = mock(SentEmailRepository.class);

	private final RegistrationRepository registrations = mock(RegistrationRepository.class);

	private final DispensaryRepository dispensaries = mock(DispensaryRepository.class);

	private final CaseMailService service = new CaseMailService(mail, sentEmails, registrations, dispensaries,
			new CertificatePdf(dispensaries, "https://mmp.example.org/"),
			new MailProperties("MMP <mmp@example.org>", Path.of("outbox"), List.of("certificate"), null),
			"https://mmp.example.org/", Clock.fixed(NOW, ZoneOffset.UTC));

	private final Application application = application();

	@Test
	void model_fromTheCase_withoutHealthData() {
		Registration registration = new Registration("MMP-7KQ3-M9XT", application, Registration.Kind.PERMANENT, NOW);
		when(registrations.findByApplicationOrderByIssuedAtDesc(application)).thenReturn(List.of(registration));
		when(dispensaries.findById(any())).thenReturn(Optional.empty());

		Map<String, String> model = service.model(application,
				new CaseMailService.CaseValues("missing-identity", null, 100.0));

		assertThat(model).containsEntry("applicantName", "Pat Doe")
			.containsEntry("registrationNumber", "MMP-7KQ3-M9XT")
			.containsEntry("expiresOn", "February 28, 2027")
			.containsEntry("certificateUrl", "https://mmp.example.org/api/applications/A-7KQ3-M9XT/certificate")
			.containsEntry("denialReason", "We did not receive an acceptable proof of identity.")
			.containsEntry("feeDue", "$100.00");
		assertThat(model.values()).noneMatch(value -> value.contains("Chronic pain"));
	}

	@Test
	void sameDedupKey_sentOnce() {
		when(sentEmails.existsByDedupKey("pi:Task_EmailDenial:ai")).thenReturn(false, true);

		assertThat(service.send("denial", application, new CaseMailService.CaseValues("false-information", null, null),
				"pi:Task_EmailDenial:ai")).isTrue();
		assertThat(service.send("denial", application, new CaseMailService.CaseValues("false-information", null, null),
				"pi:Task_EmailDenial:ai")).isFalse();

		verify(mail).sendTemplate(eq("denial"), eq("pat@example.org"), anyMap(), anyList());
		verify(sentEmails).save(any());
	}

	@Test
	void failedSend_notRecorded() {
		org.mockito.Mockito.doThrow(new org.springframework.mail.MailSendException("down"))
			.when(mail)
			.sendTemplate(anyString(), anyString(), anyMap(), anyList());

		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> service.send("application-closed", application,
					new CaseMailService.CaseValues(null, null, null), "key"))
			.isInstanceOf(org.springframework.mail.MailSendException.class);
		verify(sentEmails, never()).save(any());
	}

	private static Application application() {
		Person patient = new Person("Pat", "Doe", LocalDate.of(1980, 1, 1), "Pat@Example.org", "1 Main St",
				"Hartford", "06101", NOW);
		Certification certification = new Certification(patient, "dr@example.org", LocalDate.of(2026, 3, 1), 12,
				"Chronic pain", false, NOW);
		return new Application("A-7KQ3-M9XT", ApplicationKind.INITIAL, ApplicantRole.PATIENT, patient, patient,
				certification, NOW);
	}

}
