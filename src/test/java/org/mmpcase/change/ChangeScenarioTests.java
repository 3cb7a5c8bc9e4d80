package org.mmpcase.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mmpcase.certificate.CertificatePdf;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationEvent;
import org.mmpcase.certificate.RegistrationLife;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.documents.DocumentRejectedException;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationKind;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.review.ApplicationReviewProcess;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.ConflictException;
import org.mmpcase.support.Mails;
import org.mmpcase.support.ProcessTest;
import org.mmpcase.support.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@AutoConfigureMockMvc
class ChangeScenarioTests extends ProcessTest {

	private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

	@Autowired
	ChangeService changes;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	RegistrationLife life;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.mmpcase.registration.ApplicationRepository applicationRepository;

	@Autowired
	ObjectMapper json;

	@Test
	void addressChange_approved_certificateReissuedSameNumber_newPdfEmailed_verificationValid() throws Exception {
		Registration registration = registered();
		String holder = registration.getHolder().getEmail();
		int mailsBefore = Mails.to(holder).size();

		RegistrationChange change = changes.submit(registration.getRegistrationNumber(), holder, address(),
				"bill.pdf", TestFiles.pdf("Jordan Rivera 40 Oak Avenue New Haven 06510"));
		Application application = change.getApplication();
		ProcessInstance instance = instance(application);
		assertThat(application.getKind()).isEqualTo(ApplicationKind.CHANGE);
		assertThat(application.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(driver.reviewTask(application).getName())
			.isEqualTo("Review address change - " + application.getApplicationNumber());
		assertThat(actions(registration)).contains(RegistrationEvent.Action.CHANGE_REQUESTED);
		assertThat(holderOf(registration).getStreet()).as("unchanged until approved").isEqualTo("12 Elm Street");

		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(application);

		assertThat(instance).isEnded()
			.hasPassed(RegistrationChangeProcess.CALL_ACTIVITY_REVIEW, RegistrationChangeProcess.TASK_APPLY_CHANGE,
					RegistrationChangeProcess.TASK_EMAIL_CERTIFICATE_REISSUED,
					RegistrationChangeProcess.END_CHANGE_APPROVED)
			.hasNotPassed(RegistrationChangeProcess.TASK_RECORD_CHANGE_DENIED);
		assertThat(processEngine.getHistoryService()
			.createHistoricDecisionInstanceQuery()
			.processInstanceId(instance.getId())
			.count()).as("no fee schedule, no payment: a change is never charged").isZero();
		Registration reissued = registrations.findById(registration.getId()).orElseThrow();
		assertThat(reissued.getRegistrationNumber()).isEqualTo(registration.getRegistrationNumber());
		assertThat(reissued.getStatus()).isEqualTo(Registration.Status.ACTIVE);
		assertThat(reissued.getExpiresOn()).isEqualTo(registration.getExpiresOn());
		assertThat(reissued.getIssuedAt()).isAfter(registration.getIssuedAt());
		assertThat(holderOf(registration).getStreet()).isEqualTo("40 Oak Avenue");
		assertThat(holderOf(registration).getCity()).isEqualTo("New Haven");
		assertThat(holderOf(registration).getZip()).isEqualTo("06510");
		assertThat(actions(registration)).contains(RegistrationEvent.Action.REISSUED,
				RegistrationEvent.Action.CHANGE_APPROVED);
		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(changes.pending(reissued)).isEmpty();

		List<MimeMessage> mails = Mails.to(holder).stream().skip(mailsBefore).toList();
		assertThat(mails).singleElement().satisfies(mail -> {
			assertThat(Mails.subject(mail)).contains("issued again with your new address");
			assertThat(Mails.text(mail)).contains("12 Elm Street, Hartford 06106", "40 Oak Avenue, New Haven 06510",
					registration.getRegistrationNumber(), application.getApplicationNumber());
			assertThat(pdfText(mail)).contains("Jordan Rivera", registration.getRegistrationNumber(),
					CertificatePdf.DATE.format(LocalDate.now(org.mmpcase.registration.CaseStarter.PROGRAM_ZONE)));
		});
		verify(registration.getRegistrationNumber()).andExpect(jsonPath("$.status").value("valid"))
			.andExpect(jsonPath("$.name").value("Jordan Rivera"));
	}

	@Test
	void nameChange_approved_verificationAndPdfShowTheNewName() throws Exception {
		Registration registration = registered();
		String holder = registration.getHolder().getEmail();

		RegistrationChange change = changes.submit(registration.getRegistrationNumber(), holder,
				new ChangeService.ChangeRequest("name", "Jordan", "Castillo", null, null, null, "passport"),
				"passport.png", TestFiles.png());
		assertThat(driver.reviewTask(change.getApplication()).getName()).startsWith("Review name change - ");
		driver.review(change.getApplication(), CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(change.getApplication());

		assertThat(holderOf(registration).getFullName()).isEqualTo("Jordan Castillo");
		assertThat(holderOf(registration).getStreet()).isEqualTo("12 Elm Street");
		MimeMessage mail = Mails.lastTo(holder);
		assertThat(Mails.subject(mail)).contains("new name");
		assertThat(Mails.text(mail)).startsWith("Dear Jordan Castillo,");
		assertThat(pdfText(mail)).contains("Jordan Castillo").doesNotContain("Rivera");
		verify(registration.getRegistrationNumber()).andExpect(jsonPath("$.status").value("valid"))
			.andExpect(jsonPath("$.name").value("Jordan Castillo"));
	}

	@Test
	void addressChange_denied_reasonEmailed_oldDataStays() {
		Registration registration = registered();
		String holder = registration.getHolder().getEmail();
		RegistrationChange change = changes.submit(registration.getRegistrationNumber(), holder, address(),
				"bill.pdf", TestFiles.pdf("Jordan Rivera 40 Oak Avenue New Haven 06510"));
		Application application = change.getApplication();
		ProcessInstance instance = instance(application);

		driver.review(application, CaseVariables.DECISION_DENY,
				Map.of(CaseVariables.DENIAL_REASON, "missing-residency"));
		driver.runDueJobs(application);

		assertThat(instance).isEnded()
			.hasPassed(RegistrationChangeProcess.TASK_RECORD_CHANGE_DENIED,
					RegistrationChangeProcess.TASK_EMAIL_CHANGE_DENIED, RegistrationChangeProcess.END_CHANGE_DENIED)
			.hasNotPassed(RegistrationChangeProcess.TASK_APPLY_CHANGE);
		assertThat(holderOf(registration).getStreet()).isEqualTo("12 Elm Street");
		Registration after = registrations.findById(registration.getId()).orElseThrow();
		assertThat(after.getIssuedAt()).isEqualTo(registration.getIssuedAt());
		assertThat(actions(registration)).contains(RegistrationEvent.Action.CHANGE_DENIED)
			.doesNotContain(RegistrationEvent.Action.REISSUED, RegistrationEvent.Action.CHANGE_APPROVED);
		assertThat(changes.require(application.getApplicationNumber()).getStatus())
			.isEqualTo(RegistrationChange.Status.DENIED);
		MimeMessage mail = Mails.lastTo(holder);
		assertThat(Mails.subject(mail)).contains("change you reported");
		assertThat(Mails.text(mail)).contains("We did not receive an acceptable proof of Connecticut residency.",
				application.getApplicationNumber());
		assertThat(caregiverLinksOf(registration)).as("a denied change ends nothing").isZero();
		assertThat(applicationRepository.existsByApplicantAndStatusAndDecidedAtAfter(holderOf(registration),
				ApplicationStatus.DENIED, java.time.Instant.now().minus(java.time.Duration.ofDays(180))))
			.as("not a denial the renewal's auto-approval counts")
			.isFalse();
		verifyQuietly(registration, "valid", "Jordan Rivera");
	}

	@Test
	void change_documentFailsItsCheck_refusedOnFile_nothingSaved() {
		Registration registration = registered();
		String holder = registration.getHolder().getEmail();
		long applications = count("select count(*) from application");
		long documents = count("select count(*) from document");
		long reported = count("select count(*) from registration_change");
		long events = count("select count(*) from registration_event where registration_id = " + registration.getId());

		assertThatThrownBy(() -> changes.submit(registration.getRegistrationNumber(), holder, address(), "bill.pdf",
				TestFiles.pdfWithJavaScript()))
			.isInstanceOfSatisfying(DocumentRejectedException.class,
					refused -> assertThat(refused.getFieldErrors()).containsKey("file"));

		assertThat(count("select count(*) from application")).isEqualTo(applications);
		assertThat(count("select count(*) from document")).isEqualTo(documents);
		assertThat(count("select count(*) from registration_change")).isEqualTo(reported);
		assertThat(count("select count(*) from registration_event where registration_id = " + registration.getId()))
			.isEqualTo(events);
		assertThat(changes.pending(registration)).isEmpty();
		assertThat(holderOf(registration).getStreet()).isEqualTo("12 Elm Street");
	}

	@Test
	void change_missingFields_allNamedAtOnce() {
		Registration registration = registered();

		assertThatThrownBy(() -> changes.submit(registration.getRegistrationNumber(),
				registration.getHolder().getEmail(),
				new ChangeService.ChangeRequest("address", null, null, " ", null, "6106", "passport"), null, null))
			.isInstanceOfSatisfying(BadRequestException.class,
					refused -> assertThat(refused.getFieldErrors()).containsOnlyKeys("street", "city", "zip",
							"declaredType", "file"));
		assertThatThrownBy(() -> changes.submit(registration.getRegistrationNumber(),
				registration.getHolder().getEmail(),
				new ChangeService.ChangeRequest("age", null, null, null, null, null, null), null, null))
			.isInstanceOfSatisfying(BadRequestException.class,
					refused -> assertThat(refused.getFieldErrors()).containsOnlyKeys("kind"));
		assertThatThrownBy(() -> changes.submit(registration.getRegistrationNumber(),
				registration.getHolder().getEmail(),
				new ChangeService.ChangeRequest("address", null, null, "12 Elm Street", "Hartford", "06106",
						"utility-bill"),
				"bill.pdf", TestFiles.pdf("Jordan Rivera 12 Elm Street")))
			.isInstanceOfSatisfying(BadRequestException.class,
					refused -> assertThat(refused.getFieldErrors()).containsEntry("street",
							"This is already the address on your registration."));
	}

	@Test
	void change_whileAnotherIsInReview_refused409() {
		Registration registration = registered();
		String holder = registration.getHolder().getEmail();
		RegistrationChange first = changes.submit(registration.getRegistrationNumber(), holder, address(),
				"bill.pdf", TestFiles.pdf("Jordan Rivera 40 Oak Avenue New Haven 06510"));

		assertThatThrownBy(() -> changes.submit(registration.getRegistrationNumber(), holder,
				new ChangeService.ChangeRequest("name", "Jordan", "Castillo", null, null, null, "passport"),
				"passport.png", TestFiles.png()))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("Another change of this registration (address, "
					+ first.getApplication().getApplicationNumber() + ") is in review");

		driver.review(first.getApplication(), CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(first.getApplication());
		RegistrationChange second = changes.submit(registration.getRegistrationNumber(), holder,
				new ChangeService.ChangeRequest("name", "Jordan", "Castillo", null, null, null, "passport"),
				"passport.png", TestFiles.png());
		assertThat(second.getStatus()).as("once decided, the next change is taken")
			.isEqualTo(RegistrationChange.Status.IN_REVIEW);
	}

	@Test
	void change_inReview_registrationRevoked_changeWithdrawn_reviewEnds_noCertificateReissued() {
		Registration registration = registered();
		RegistrationChange change = changes.submit(registration.getRegistrationNumber(),
				registration.getHolder().getEmail(), address(), "bill.pdf",
				TestFiles.pdf("Jordan Rivera 40 Oak Avenue New Haven 06510"));
		assertThat(driver.reviewTask(change.getApplication())).isNotNull();

		life.revoke(registration.getRegistrationNumber(), "supervisor", "false-information", null);

		assertThat(changes.require(change.getApplication().getApplicationNumber()).getStatus())
			.isEqualTo(RegistrationChange.Status.WITHDRAWN);
		assertThat(driver.reviewTask(change.getApplication())).isNull();
		assertThat(driver.processInstances(change.getApplication())).isEmpty();
		assertThat(driver.reload(change.getApplication()).getStatus()).isEqualTo(ApplicationStatus.CLOSED);
		assertThat(actions(registration)).doesNotContain(RegistrationEvent.Action.REISSUED,
				RegistrationEvent.Action.CHANGE_APPROVED);
	}

	@Test
	void change_twoReportsAtOnce_oneTaken_theOtherRefused409() throws Exception {
		Registration registration = registered();
		String holder = registration.getHolder().getEmail();
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.Callable<Object> report = () -> {
				start.await();
				try {
					return changes.submit(registration.getRegistrationNumber(), holder, address(), "bill.pdf",
							TestFiles.pdf("Jordan Rivera 40 Oak Avenue New Haven 06510"));
				}
				catch (ConflictException ex) {
					return ex;
				}
			};
			var first = threads.submit(report);
			var second = threads.submit(report);
			start.countDown();
			List<Object> outcomes = List.of(first.get(), second.get());
			assertThat(outcomes).filteredOn(RegistrationChange.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(count("select count(*) from registration_change where registration_id = " + registration.getId()))
			.isEqualTo(1);
	}

	@Test
	void change_ofAnEndedRegistration_orSomebodyElses_refused() {
		Registration registration = registered();
		String holder = registration.getHolder().getEmail();

		assertThatThrownBy(() -> changes.submit(registration.getRegistrationNumber(), "someone@example.net",
				address(), "bill.pdf", TestFiles.pdf("40 Oak Avenue")))
			.isInstanceOf(org.mmpcase.registration.CaseNotFoundException.class);
		life.end(registration.getRegistrationNumber(), holder, "SURRENDERED", null);
		assertThatThrownBy(() -> changes.submit(registration.getRegistrationNumber(), holder, address(), "bill.pdf",
				TestFiles.pdf("40 Oak Avenue")))
			.isInstanceOf(ConflictException.class)
			.hasMessage("Only a valid registration can be changed; this one is ended.");
	}

	@Test
	void change_informationRequested_holderAnswers_backToReview_thenApproved() {
		Registration registration = registered();
		String holder = registration.getHolder().getEmail();
		RegistrationChange change = changes.submit(registration.getRegistrationNumber(), holder, address(),
				"bill.pdf", TestFiles.pdf("Jordan Rivera 40 Oak Avenue New Haven 06510"));
		Application application = change.getApplication();

		driver.review(application, CaseVariables.DECISION_REQUEST_INFORMATION,
				Map.of(CaseVariables.INFORMATION_REQUEST, "Since when do you live there?"));
		driver.runDueJobs(application);
		assertThat(driver.reload(application).getStatus()).isEqualTo(ApplicationStatus.INFORMATION_REQUESTED);
		assertThat(Mails.subject(Mails.lastTo(holder))).contains("more information");
		driver.complete(application, ApplicationReviewProcess.TASK_PROVIDE_INFORMATION,
				Map.of(CaseVariables.INFORMATION_RESPONSE, "Since the first of the month."));

		assertThat(driver.reviewTask(application)).as("back to review; one document is all a change needs")
			.isNotNull();
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(application);
		assertThat(holderOf(registration).getStreet()).isEqualTo("40 Oak Avenue");
	}

	@Test
	void declaredTypes_areTheListsOfTheDocumentTypesForm() throws IOException {
		JsonNode form = json.readTree(Files.readString(Path.of("forms/documents/choose-document-types.form")));
		Map<String, List<String>> lists = new java.util.HashMap<>();
		form.get("components").forEach(component -> {
			List<String> values = new ArrayList<>();
			component.path("values").forEach(value -> values.add(value.get("value").asText()));
			lists.put(component.path("key").asText(), values);
		});
		assertThat(ChangeService.DOCUMENT_TYPES.get(ChangeKind.NAME)).isEqualTo(lists.get("identityDocumentType"));
		assertThat(ChangeService.DOCUMENT_TYPES.get(ChangeKind.ADDRESS))
			.isEqualTo(lists.get("residencyDocumentType"));
	}

	private static ChangeService.ChangeRequest address() {
		return new ChangeService.ChangeRequest("address", null, null, "40 Oak Avenue", "New Haven", "06510",
				"utility-bill");
	}

	private Registration registered() {
		Application application = driver.registeredPatient(LocalDate.now().minusDays(5));
		return registrations.findByApplicationOrderByIssuedAtDesc(application).get(0);
	}

	private org.mmpcase.registration.Person holderOf(Registration registration) {
		return registrations.findById(registration.getId()).orElseThrow().getHolder();
	}

	private List<RegistrationEvent.Action> actions(Registration registration) {
		return life.history(registration).stream().map(RegistrationEvent::getAction).toList();
	}

	private long caregiverLinksOf(Registration registration) {
		return count("select count(*) from caregiver_link where active = false and patient_id = "
				+ registration.getPatient().getId());
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private ProcessInstance instance(Application application) {
		return processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(driver.reload(application).getProcessInstanceId())
			.singleResult();
	}

	private org.springframework.test.web.servlet.ResultActions verify(String number) throws Exception {
		String client = "198.51.100." + CLIENTS.incrementAndGet();
		return mvc.perform(get("/verify/api/{number}", number).with(request -> {
			request.setRemoteAddr(client);
			return request;
		})).andExpect(status().isOk());
	}

	private void verifyQuietly(Registration registration, String standing, String name) {
		try {
			verify(registration.getRegistrationNumber()).andExpect(jsonPath("$.status").value(standing))
				.andExpect(jsonPath("$.name").value(name));
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	/** The text of the PDF attached to the e-mail. */
	static String pdfText(Part mail) {
		byte[] pdf = pdfOf(mail);
		assertThat(pdf).as("PDF attachment").isNotNull();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] pdfOf(Part part) {
		try {
			if (part.isMimeType("application/pdf")) {
				return part.getInputStream().readAllBytes();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					byte[] found = pdfOf(body);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (jakarta.mail.MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
