package org.mmpcase.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.mmpcase.account.InvitationService;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Mails;
import org.mmpcase.support.ProcessTest;
import org.mmpcase.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;

@AutoConfigureMockMvc
class CertificateScenarioTests extends ProcessTest {

	private static final String PASSWORD = "correct-horse-battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	InvitationService invitations;

	@Autowired
	ManagementService managementService;

	@Autowired
	ApplicationAccess access;

	@Autowired
	JavaMailSenderImpl mailSender;

	@Test
	void approved_certificateEmailedOnce_withThePdfThatMatchesTheRegistration() throws Exception {
		Application application = approvedApplication();
		Registration registration = latest(application);

		List<MimeMessage> certificateMails = Mails.to(email(application))
			.stream()
			.filter(mail -> Mails.subject(mail).contains("certificate"))
			.toList();
		assertThat(certificateMails).hasSize(1);
		MimeMessage mail = certificateMails.get(0);
		assertThat(CertificatePdfs.hasHtml(mail)).as("HTML alternative").isTrue();
		assertThat(Mails.text(mail)).contains(registration.getRegistrationNumber());
		List<CertificatePdfs.PdfAttachment> attachments = CertificatePdfs.attachments(mail);
		assertThat(attachments).singleElement().satisfies(attachment -> {
			assertThat(attachment.filename()).isEqualTo("mmp-certificate-" + registration.getRegistrationNumber() + ".pdf");
			assertThat(attachment.contentType()).startsWith("application/pdf");
		});
		assertMatches(CertificatePdfs.read(attachments.get(0).content()), registration, "Registration Certificate");
	}

	@Test
	void holderDownloadsTheCertificatePdf_anyTime_othersCannot() throws Exception {
		Application application = approvedApplication();
		Registration registration = latest(application);
		String holder = activate(application);

		byte[] pdf = mvc.perform(get("/api/applications/{no}/certificate.pdf", application.getApplicationNumber())
			.header("Authorization", basic(holder, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE))
			.andExpect(header().string("Content-Disposition",
					"inline; filename=\"mmp-certificate-" + registration.getRegistrationNumber() + ".pdf\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		CertificatePdfs.Read read = CertificatePdfs.read(pdf);
		assertMatches(read, registration, "Registration Certificate");

		Application other = approvedApplication();
		String stranger = activate(other);
		mvc.perform(get("/api/applications/{no}/certificate.pdf", application.getApplicationNumber())
			.header("Authorization", basic(stranger, PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(get("/api/applications/{no}/certificate.pdf", application.getApplicationNumber()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void mailServerDown_certificateEmailWaits_thenDeliveredOnce() throws Exception {
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		int port = mailSender.getPort();
		Job emailJob = driver.dueJobs(application).get(0);
		try {
			mailSender.setPort(unusedPort());
			assertThatThrownBy(() -> managementService.executeJob(emailJob.getId())).isNotNull();
			assertThatThrownBy(() -> managementService.executeJob(emailJob.getId())).isNotNull();
		}
		finally {
			mailSender.setPort(port);
		}
		Job failed = managementService.createJobQuery().jobId(emailJob.getId()).singleResult();
		assertThat(failed.getRetries()).as("retries left after two failures").isEqualTo(3);
		assertThat(failed.getExceptionMessage()).isNotBlank();
		assertThat(certificateMails(application)).isEmpty();

		managementService.executeJob(emailJob.getId());
		driver.runDueJobs(application);

		assertThat(certificateMails(application)).hasSize(1);
		assertThat(managementService.createJobQuery().jobId(emailJob.getId()).count()).isZero();
	}

	@Test
	void renewal_temporaryRegistrationPdfAtOnce_thenTheCertificate() throws Exception {
		Application initial = driver.registeredPatient(LocalDate.now().minusMonths(11).minusDays(10));
		Registration current = latest(initial);
		int before = Mails.to(email(initial)).size();

		Application renewal = access.require(recertify(current));
		driver.complete(renewal, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
				Map.of(CaseVariables.PROFILE_CONFIRMED, true, CaseVariables.DOCUMENTS_CHANGED, false));
		driver.signAttestations(renewal);
		driver.runDueJobs(renewal);

		List<MimeMessage> mails = Mails.to(email(initial)).stream().skip(before).toList();
		assertThat(mails).hasSize(2);
		List<Registration> issued = registrations.findByApplicationOrderByIssuedAtDesc(driver.reload(renewal));
		Registration temporary = issued.stream().filter(r -> r.getKind() == Registration.Kind.TEMPORARY).findFirst()
			.orElseThrow();
		Registration permanent = issued.stream().filter(r -> r.getKind() == Registration.Kind.PERMANENT).findFirst()
			.orElseThrow();
		CertificatePdfs.PdfAttachment first = CertificatePdfs.attachments(mails.get(0)).get(0);
		assertThat(first.filename()).startsWith("mmp-temporary-registration-");
		assertMatches(CertificatePdfs.read(first.content()), temporary, "TEMPORARY REGISTRATION");
		CertificatePdfs.PdfAttachment second = CertificatePdfs.attachments(mails.get(1)).get(0);
		CertificatePdfs.Read certificate = CertificatePdfs.read(second.content());
		assertMatches(certificate, permanent, "Registration Certificate");
		assertThat(certificate.text()).doesNotContain("TEMPORARY");
	}

	private void assertMatches(CertificatePdfs.Read read, Registration registration, String title) {
		assertThat(read.pages()).isEqualTo(1);
		assertThat(read.text()).contains(title)
			.contains(registration.getHolder().getFullName())
			.contains("Patient")
			.contains(registration.getRegistrationNumber())
			.contains("Hartford dispensary")
			.contains(CertificatePdf.DATE.format(CertificatePdf.issuedOn(registration)))
			.contains(CertificatePdf.DATE.format(registration.getExpiresOn()))
			.doesNotContain("Chronic pain");
		assertThat(read.qrCode()).isEqualTo("http://localhost:8080/verify/" + registration.getRegistrationNumber());
	}

	private Application approvedApplication() {
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(application);
		return driver.reload(application);
	}

	private Registration latest(Application application) {
		return registrations.findByApplicationOrderByIssuedAtDesc(driver.reload(application)).get(0);
	}

	private List<MimeMessage> certificateMails(Application application) {
		return Mails.to(email(application)).stream().filter(mail -> Mails.subject(mail).contains("certificate")).toList();
	}

	private static String email(Application application) {
		return application.getApplicant().getEmail();
	}

	private String activate(Application application) {
		String email = email(application);
		MimeMessage invitation = Mails.to(email).get(0);
		Matcher matcher = Pattern.compile("activation code:\\s+(\\S+)").matcher(Mails.text(invitation));
		assertThat(matcher.find()).isTrue();
		invitations.activate(email, matcher.group(1), PASSWORD);
		return email;
	}

	private String recertify(Registration current) throws Exception {
		String body = """
				{"registrationNumber": "%s", "certificationDate": "%s", "termMonths": 12,
				 "qualifyingCondition": "Chronic pain", "caregiverNeeded": false}"""
			.formatted(current.getRegistrationNumber(), LocalDate.now().minusDays(1));
		String response = mvc
			.perform(post("/api/provider/recertifications").header("Authorization", basic(CaseDriver.PROVIDER, "provider"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher matcher = Pattern.compile("\"applicationNumber\":\"([^\"]+)\"").matcher(response);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static int unusedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
