package org.mmpcase.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mmpcase.caregiver.CaregiverFixtures;
import org.mmpcase.caregiver.CaregiverService;
import org.mmpcase.caregiver.Relationship;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationEvent;
import org.mmpcase.certificate.RegistrationLife;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.registration.ApplicantRole;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationKind;
import org.mmpcase.registration.ApplicationRepository;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.CertificationRequest;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Mails;
import org.mmpcase.support.ProcessTest;
import org.mmpcase.support.TestFees;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A patient's re-certification and their caregiver: renewed with the patient when the need continues, let run out
 * with the patient's registration when it does not; a caregiver registration never outlives its patient's.
 */
@AutoConfigureMockMvc
class CaregiverRenewalScenarioTests extends ProcessTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JavaMailSenderImpl mailSender;

	@Autowired
	RenewalService renewals;

	@Autowired
	CaregiverService caregivers;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	RegistrationLife life;

	@Autowired
	ApplicationRepository applications;

	/** A patient who needs a caregiver, both registered on a certification that is now open for renewal. */
	private record Registered(Application patient, Application caregiver) {

		String caregiverEmail() {
			return caregiver.getApplicant().getEmail();
		}

	}

	@Test
	void caregiverRenewal_autoApprovedBeforePatients_cappedAtPatientsExpiry_thenExtendedWhenPatientRenews() {
		Registered registered = registeredWithCaregiver();
		Registration patientCurrent = permanentOf(registered.patient());
		Registration caregiverCurrent = permanentOf(registered.caregiver());
		assertThat(caregiverCurrent.getExpiresOn()).isEqualTo(patientCurrent.getExpiresOn());

		Recertification recertification = renewals.recertification(CaseDriver.PROVIDER,
				recertification(patientCurrent, true));

		Application caregiverRenewal = recertification.caregiver().started();
		assertThat(caregiverRenewal).isNotNull();
		assertThat(caregiverRenewal.getKind()).isEqualTo(ApplicationKind.RENEWAL);
		assertThat(caregiverRenewal.getApplicantRole()).isEqualTo(ApplicantRole.CAREGIVER);
		assertThat(caregiverRenewal.getCertification().getId())
			.isEqualTo(recertification.renewal().getCertification().getId());
		assertThat(caregiverRenewal.getDispensaryCode()).isEqualTo("DSP-HARTFORD");
		assertThat(recertification.caregiver().body()).containsEntry("applicationNumber",
				caregiverRenewal.getApplicationNumber());
		ProcessInstance instance = instance(caregiverRenewal);
		driver.runDueJobs(caregiverRenewal);
		assertThat(instance).hasPassed(RenewalProcess.TASK_EMAIL_RENEWAL_INVITATION, RenewalProcess.END_INVITATION_SENT);
		String invitation = Mails.text(Mails.lastTo(registered.caregiverEmail()));
		assertThat(Mails.subject(Mails.lastTo(registered.caregiverEmail())))
			.isEqualTo("Renew your caregiver registration for " + registered.patient().getApplicant().getFullName());
		assertThat(invitation).contains(caregiverRenewal.getApplicationNumber(), "/portal");
		assertThat(instance(recertification.renewal())).hasPassed(RenewalProcess.END_NO_INVITATION)
			.hasNotPassed(RenewalProcess.TASK_EMAIL_RENEWAL_INVITATION);

		int caregiverMailsBefore = Mails.to(registered.caregiverEmail()).size();
		driver.complete(caregiverRenewal, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
				Map.of(CaseVariables.PROFILE_CONFIRMED, true, CaseVariables.DOCUMENTS_CHANGED, false));
		driver.signAttestations(caregiverRenewal);
		driver.runDueJobs(caregiverRenewal);

		assertThat(instance).isEnded()
			.hasPassed(RenewalProcess.TASK_DECIDE_AUTO_APPROVAL, RenewalProcess.TASK_ISSUE_TEMPORARY_REGISTRATION,
					RenewalProcess.TASK_EMAIL_TEMPORARY_REGISTRATION, RenewalProcess.END_RENEWED)
			.hasNotPassed(InitialRegistrationProcess.CALL_ACTIVITY_REVIEW,
					InitialRegistrationProcess.TASK_UPLOAD_DOCUMENTS);
		HistoricDecisionInstance fee = feeDecision(instance);
		assertThat(fee.getInputs()).anySatisfy(input -> assertThat(input.getValue()).isEqualTo("caregiver"));
		assertThat(driver.reload(caregiverRenewal).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
		List<Registration> issued = registrations.findByApplicationOrderByIssuedAtDesc(driver.reload(caregiverRenewal));
		assertThat(issued).extracting(Registration::getKind)
			.containsExactlyInAnyOrder(Registration.Kind.TEMPORARY, Registration.Kind.PERMANENT);
		assertThat(issued).allSatisfy(registration -> assertThat(registration.getRole())
			.isEqualTo(ApplicantRole.CAREGIVER));
		assertThat(registrations.findById(caregiverCurrent.getId()).orElseThrow().getStatus())
			.isEqualTo(Registration.Status.SUPERSEDED);
		List<String> subjects = Mails.to(registered.caregiverEmail())
			.stream()
			.skip(caregiverMailsBefore)
			.map(Mails::subject)
			.toList();
		assertThat(subjects).hasSize(2);
		assertThat(subjects.get(0)).containsIgnoringCase("temporary");
		assertThat(subjects.get(1)).containsIgnoringCase("certificate");

		// approved before the patient's renewal: capped at the patient's current (old) registration's last day
		Registration renewed = permanentOf(caregiverRenewal);
		assertThat(renewed.getExpiresOn()).isEqualTo(patientCurrent.getExpiresOn())
			.isBefore(caregiverRenewal.getCertification().getExpiresOn());
		assertThat(life.history(renewed)).extracting(RegistrationEvent::getAction)
			.contains(RegistrationEvent.Action.EXPIRY_SHORTENED);

		completeWithoutChanges(recertification.renewal());

		// the patient's renewed registration covers the caregiver's own certification: its expiry is back
		Registration extended = registrations.findById(renewed.getId()).orElseThrow();
		assertThat(extended.getExpiresOn()).isEqualTo(caregiverRenewal.getCertification().getExpiresOn())
			.isEqualTo(permanentOf(recertification.renewal()).getExpiresOn());
		assertThat(life.history(extended)).extracting(RegistrationEvent::getAction)
			.containsSubsequence(RegistrationEvent.Action.EXPIRY_SHORTENED, RegistrationEvent.Action.EXPIRY_EXTENDED);
		assertThat(extended.isValidOn(extended.getExpiresOn())).isTrue();
	}

	@Test
	void caregiverRenewal_documentsChanged_sentToReview_approvedAfterPatients_keepsItsCertificationsExpiry() {
		Registered registered = registeredWithCaregiver();
		Recertification recertification = renewals.recertification(CaseDriver.PROVIDER,
				recertification(permanentOf(registered.patient()), true));
		Application caregiverRenewal = recertification.caregiver().started();
		completeWithoutChanges(recertification.renewal());
		LocalDate patientsNewExpiry = permanentOf(recertification.renewal()).getExpiresOn();

		driver.complete(caregiverRenewal, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
				Map.of(CaseVariables.PROFILE_CONFIRMED, true, CaseVariables.DOCUMENTS_CHANGED, true));
		driver.chooseDocumentTypes(caregiverRenewal);
		driver.uploadBothDocuments(caregiverRenewal);
		driver.signAttestations(caregiverRenewal);
		ProcessInstance instance = instance(caregiverRenewal);
		assertThat(instance).hasPassed(RenewalProcess.TASK_DECIDE_AUTO_APPROVAL)
			.hasNotPassed(RenewalProcess.TASK_ISSUE_TEMPORARY_REGISTRATION);
		assertThat(driver.reviewTask(caregiverRenewal).getName()).startsWith("Review renewal");

		driver.review(caregiverRenewal, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(caregiverRenewal);

		assertThat(instance).isEnded().hasPassed(RenewalProcess.END_RENEWED);
		Registration renewed = permanentOf(caregiverRenewal);
		assertThat(registrations.findByApplicationOrderByIssuedAtDesc(driver.reload(caregiverRenewal)))
			.extracting(Registration::getKind)
			.containsExactly(Registration.Kind.PERMANENT);
		assertThat(renewed.getExpiresOn()).isEqualTo(caregiverRenewal.getCertification().getExpiresOn())
			.isEqualTo(patientsNewExpiry);
		assertThat(life.history(renewed)).extracting(RegistrationEvent::getAction)
			.doesNotContain(RegistrationEvent.Action.EXPIRY_SHORTENED, RegistrationEvent.Action.EXPIRY_EXTENDED);
		assertThat(Mails.subject(Mails.lastTo(registered.caregiverEmail()))).containsIgnoringCase("certificate");
	}

	@Test
	void caregiverRenewal_withTheOldFeeSchedule_asksTheCaregiverFee() {
		Registered registered = registeredWithCaregiver();
		String deployment = TestFees.deploy(processEngine.getRepositoryService());
		try {
			Application caregiverRenewal = renewals
				.recertification(CaseDriver.PROVIDER, recertification(permanentOf(registered.patient()), true))
				.caregiver()
				.started();
			driver.complete(caregiverRenewal, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
					Map.of(CaseVariables.PROFILE_CONFIRMED, true, CaseVariables.DOCUMENTS_CHANGED, false));
			driver.signAttestations(caregiverRenewal);

			assertThat(driver.currentStep(caregiverRenewal).getTaskDefinitionKey())
				.isEqualTo(InitialRegistrationProcess.TASK_ENTER_PAYMENT);
			assertThat(((Number) processEngine.getRuntimeService()
				.getVariable(instance(caregiverRenewal).getId(), CaseVariables.FEE)).intValue()).isEqualTo(25);
		}
		finally {
			TestFees.remove(processEngine.getRepositoryService(), deployment);
		}
	}

	@Test
	void patientRenewsWithoutCaregiver_caregiversRegistrationEndsWithPatients_bothToldByEmail_linkEndsAfter() {
		Registered registered = registeredWithCaregiver();
		Registration patientCurrent = permanentOf(registered.patient());
		Registration caregiverCurrent = permanentOf(registered.caregiver());
		String patientEmail = registered.patient().getApplicant().getEmail();

		Recertification recertification = renewals.recertification(CaseDriver.PROVIDER,
				recertification(patientCurrent, false));

		CaregiverRenewal caregiver = recertification.caregiver();
		assertThat(caregiver.started()).isNull();
		assertThat(caregiver.endsOn()).isEqualTo(patientCurrent.getExpiresOn());
		assertThat(caregiver.body()).containsEntry("endsOn", patientCurrent.getExpiresOn().toString())
			.containsKey("refused");
		assertThat(caregiver.refused()).contains("does not call for a caregiver");
		assertThat(applications.existsByApplicantAndKindAndStatusIn(registered.caregiver().getApplicant(),
				ApplicationKind.RENEWAL, ApplicationStatus.OPEN)).isFalse();
		ProcessInstance release = releaseOf(caregiverCurrent);
		assertThat(release).isNotNull();

		runDueJobs(release);

		assertThat(release).isWaitingAt(CaregiverReleaseProcess.TIMER_CAREGIVER_REGISTRATION_ENDED)
			.hasPassed(CaregiverReleaseProcess.TASK_EMAIL_PATIENT, CaregiverReleaseProcess.TASK_EMAIL_CAREGIVER);
		String lastDay = org.mmpcase.certificate.CertificatePdf.DATE.format(patientCurrent.getExpiresOn());
		for (String to : List.of(patientEmail, registered.caregiverEmail())) {
			assertThat(Mails.subject(Mails.lastTo(to))).isEqualTo("The caregiver registration of "
					+ registered.caregiver().getApplicant().getFullName() + " ends on " + lastDay);
			assertThat(Mails.text(Mails.lastTo(to))).contains(caregiverCurrent.getRegistrationNumber(), lastDay);
		}
		assertThat(Mails.to(patientEmail)
			.stream()
			.filter(mail -> Mails.subject(mail).startsWith("The caregiver registration"))).hasSize(1);
		runDueJobs(release);
		assertThat(Mails.to(registered.caregiverEmail())
			.stream()
			.filter(mail -> Mails.subject(mail).startsWith("The caregiver registration"))).as("sent once")
			.hasSize(1);

		// the caregiver's registration: valid on the patient's last day, expired the day after, not renewed
		completeWithoutChanges(recertification.renewal());
		Registration after = registrations.findById(caregiverCurrent.getId()).orElseThrow();
		assertThat(after.getExpiresOn()).isEqualTo(patientCurrent.getExpiresOn());
		assertThat(after.getStatus()).isEqualTo(Registration.Status.ACTIVE);
		assertThat(after.standingOn(patientCurrent.getExpiresOn())).isEqualTo(Registration.Standing.VALID);
		assertThat(after.standingOn(patientCurrent.getExpiresOn().plusDays(1)))
			.isEqualTo(Registration.Standing.EXPIRED);
		assertThat(caregivers.of(registered.patient().getApplicant()).map(CaregiverService.Caregiver::person)).as("link until it ends")
			.isPresent();

		fireTimer(release, CaregiverReleaseProcess.TIMER_CAREGIVER_REGISTRATION_ENDED);

		assertThat(release).isEnded().hasPassed(CaregiverReleaseProcess.TASK_END_CAREGIVER_LINK);
		assertThat(caregivers.of(registered.patient().getApplicant()).map(CaregiverService.Caregiver::person)).isEmpty();
	}

	@Test
	void caregiverEndingMail_mailServerDown_retriedByTheEngine_sentOnce() {
		Registered registered = registeredWithCaregiver();
		Registration caregiverCurrent = permanentOf(registered.caregiver());
		renewals.recertification(CaseDriver.PROVIDER, recertification(permanentOf(registered.patient()), false));
		ProcessInstance release = releaseOf(caregiverCurrent);
		Job first = processEngine.getManagementService()
			.createJobQuery()
			.processInstanceId(release.getId())
			.singleResult();

		Mails.whileServerDown(mailSender, () -> {
			assertThatThrownBy(() -> processEngine.getManagementService().executeJob(first.getId()))
				.isInstanceOf(RuntimeException.class);
			return null;
		});

		Job retried = processEngine.getManagementService().createJobQuery().jobId(first.getId()).singleResult();
		assertThat(retried.getRetries()).as("retried later, by the retry cycle").isGreaterThan(0);
		assertThat(retried.getExceptionMessage()).isNotNull();
		assertThat(release).isWaitingAt(CaregiverReleaseProcess.TASK_EMAIL_PATIENT);
		processEngine.getManagementService().setJobDuedate(retried.getId(), null);
		runDueJobs(release);

		assertThat(release).isWaitingAt(CaregiverReleaseProcess.TIMER_CAREGIVER_REGISTRATION_ENDED);
		for (String to : List.of(registered.patient().getApplicant().getEmail(), registered.caregiverEmail())) {
			assertThat(Mails.to(to).stream().filter(mail -> Mails.subject(mail).startsWith("The caregiver registration")))
				.as(to).hasSize(1);
		}
	}

	@Test
	void suspendedCaregiver_notRenewed_reasonReported_patientsRenewalStarts() throws Exception {
		Registered registered = registeredWithCaregiver();
		Registration caregiverCurrent = permanentOf(registered.caregiver());
		life.suspend(caregiverCurrent.getRegistrationNumber(), "supervisor@example.org", "DIVERSION", "Test",
				LocalDate.now().plusMonths(2));

		JsonNode answer = recertifyOverHttp(permanentOf(registered.patient()), true);

		Application renewal = driver.reload(applications
			.findByApplicationNumber(answer.path("applicationNumber").asText())
			.orElseThrow());
		assertThat(renewal.getStatus()).isEqualTo(ApplicationStatus.IN_PROGRESS);
		assertThat(renewal.getApplicantRole()).isEqualTo(ApplicantRole.PATIENT);
		assertThat(answer.path("caregiverRenewal").has("applicationNumber")).isFalse();
		assertThat(answer.path("caregiverRenewal").path("refused").asText())
			.startsWith("The caregiver's renewal was not started")
			.contains("suspended by DCP until " + LocalDate.now().plusMonths(2));
		assertThat(applications.existsByApplicantAndKindAndStatusIn(registered.caregiver().getApplicant(),
				ApplicationKind.RENEWAL, ApplicationStatus.OPEN)).isFalse();
		assertThat(releaseOf(caregiverCurrent)).as("not let run out either").isNull();
	}

	@Test
	void minorPatient_recertifiedWithoutTheFlag_parentsRenewalStartsAnyway() {
		Application patient = driver.certify(onDate(CaseDriver.uniqueEmail("minor"), LocalDate.now().minusYears(12),
				false));
		driver.completeApplicantSteps(patient);
		driver.review(patient, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(patient);
		Application parent = CaregiverFixtures.nameCaregiver(caregivers, driver.reload(patient),
				CaseDriver.uniqueEmail("parent"), Relationship.PARENT);
		driver.completeApplicantSteps(parent);
		driver.review(parent, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(parent);

		Recertification recertification = renewals.recertification(CaseDriver.PROVIDER,
				recertification(permanentOf(patient), false));

		assertThat(recertification.caregiver().started()).isNotNull();
		assertThat(recertification.caregiver().started().getApplicant().getId())
			.isEqualTo(parent.getApplicant().getId());
		assertThat(releaseOf(permanentOf(parent))).isNull();
	}

	@Test
	void recertification_twiceAtOnce_oneWins_oneCaregiverRenewal() throws Exception {
		Registered registered = registeredWithCaregiver();
		RecertificationRequest request = recertification(permanentOf(registered.patient()), true);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<Recertification>> results = new java.util.ArrayList<>();
			for (int i = 0; i < 2; i++) {
				results.add(two.submit(() -> {
					start.await();
					return renewals.recertification(CaseDriver.PROVIDER, request);
				}));
			}
			start.countDown();
			int won = 0;
			int refused = 0;
			for (java.util.concurrent.Future<Recertification> result : results) {
				try {
					assertThat(result.get(60, java.util.concurrent.TimeUnit.SECONDS).caregiver().started()).isNotNull();
					won++;
				}
				catch (java.util.concurrent.ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(org.mmpcase.shared.ConflictException.class)
						.hasMessageContaining("already in progress");
					refused++;
				}
			}
			assertThat(won).isEqualTo(1);
			assertThat(refused).isEqualTo(1);
		}
		finally {
			two.shutdownNow();
		}
		assertThat(applications.findByApplicantOrderByCreatedAtDesc(registered.caregiver().getApplicant()))
			.filteredOn(application -> application.getKind() == ApplicationKind.RENEWAL)
			.hasSize(1);
	}

	@Test
	void caregiverNamedDuringPatientsRenewal_cappedAtPatientsCurrentExpiry_extendedWhenPatientRenews() {
		Application patient = driver.certify(onDate(CaseDriver.uniqueEmail("names-later"), true));
		driver.completeApplicantSteps(patient);
		driver.review(patient, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(patient);
		Registration patientCurrent = permanentOf(patient);
		Application patientRenewal = renewals
			.recertification(CaseDriver.PROVIDER, recertification(patientCurrent, true))
			.renewal();

		// named on the renewal: the caregiver registers on the new certification, which ends later
		Application caregiver = CaregiverFixtures.nameCaregiver(caregivers, patientRenewal,
				CaseDriver.uniqueEmail("late-carer"));
		driver.completeApplicantSteps(caregiver);
		driver.review(caregiver, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(caregiver);

		Registration capped = permanentOf(caregiver);
		assertThat(capped.getExpiresOn()).isEqualTo(patientCurrent.getExpiresOn())
			.isBefore(caregiver.getCertification().getExpiresOn());
		assertThat(capped.standingOn(patientCurrent.getExpiresOn().plusDays(1)))
			.isEqualTo(Registration.Standing.EXPIRED);
		assertThat(life.history(capped)).filteredOn(event -> event.getAction() == RegistrationEvent.Action.EXPIRY_SHORTENED)
			.singleElement()
			.satisfies(event -> assertThat(event.getEffectiveOn()).isEqualTo(patientCurrent.getExpiresOn()));

		completeWithoutChanges(patientRenewal);

		assertThat(registrations.findById(capped.getId()).orElseThrow().getExpiresOn())
			.isEqualTo(caregiver.getCertification().getExpiresOn());
	}

	@Test
	void patientWithoutCaregiver_needingOne_reportedWithoutCaregiverRenewal() {
		Application patient = driver.certify(onDate(CaseDriver.uniqueEmail("alone"), true));
		driver.completeApplicantSteps(patient);
		driver.review(patient, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(patient);

		Recertification recertification = renewals.recertification(CaseDriver.PROVIDER,
				recertification(permanentOf(patient), true));

		assertThat(recertification.caregiver().refused()).contains("no caregiver");
		assertThat(recertification.renewal().getApplicantRole()).isEqualTo(ApplicantRole.PATIENT);
	}

	@Test
	void caregiverRenewal_startedOverHttp_answerNamesIt() throws Exception {
		Registered registered = registeredWithCaregiver();

		JsonNode answer = recertifyOverHttp(permanentOf(registered.patient()), true);

		String number = answer.path("caregiverRenewal").path("applicationNumber").asText();
		Application caregiverRenewal = driver.reload(applications.findByApplicationNumber(number).orElseThrow());
		assertThat(caregiverRenewal.getApplicant().getId()).isEqualTo(registered.caregiver().getApplicant().getId());
		assertThat(answer.path("caregiverRenewal").path("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(answer.path("applicationNumber").asText()).isNotEqualTo(number);
	}

	private JsonNode recertifyOverHttp(Registration current, boolean caregiverNeeded) throws Exception {
		String body = """
				{"registrationNumber": "%s", "certificationDate": "%s", "termMonths": 12,
				 "qualifyingCondition": "Chronic pain", "caregiverNeeded": %s}"""
			.formatted(current.getRegistrationNumber(), LocalDate.now().minusDays(1), caregiverNeeded);
		String response = mvc
			.perform(post("/api/provider/recertifications")
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((CaseDriver.PROVIDER + ":provider").getBytes(StandardCharsets.UTF_8)))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new ObjectMapper().readTree(response);
	}

	private Registered registeredWithCaregiver() {
		Application patient = driver.certify(onDate(CaseDriver.uniqueEmail("cared-for"), true));
		driver.completeApplicantSteps(patient);
		driver.review(patient, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(patient);
		Application caregiver = CaregiverFixtures.nameCaregiver(caregivers, driver.reload(patient),
				CaseDriver.uniqueEmail("carer"));
		driver.completeApplicantSteps(caregiver);
		driver.review(caregiver, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(caregiver);
		return new Registered(driver.reload(patient), driver.reload(caregiver));
	}

	private static CertificationRequest onDate(String email, boolean caregiverNeeded) {
		return onDate(email, LocalDate.of(1950, 1, 1), caregiverNeeded);
	}

	private static CertificationRequest onDate(String email, LocalDate dateOfBirth, boolean caregiverNeeded) {
		CertificationRequest request = CaseDriver.certificationFor(email, dateOfBirth, caregiverNeeded);
		return new CertificationRequest(request.firstName(), request.lastName(), request.dateOfBirth(), email,
				request.street(), request.city(), request.zip(), request.qualifyingCondition(),
				LocalDate.now().minusMonths(11).minusDays(10), 12, caregiverNeeded);
	}

	private void completeWithoutChanges(Application renewal) {
		driver.complete(renewal, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
				Map.of(CaseVariables.PROFILE_CONFIRMED, true, CaseVariables.DOCUMENTS_CHANGED, false));
		driver.signAttestations(renewal);
		driver.runDueJobs(renewal);
		assertThat(driver.reload(renewal).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
	}

	private Registration permanentOf(Application application) {
		return registrations.findByApplicationOrderByIssuedAtDesc(driver.reload(application))
			.stream()
			.filter(registration -> registration.getKind() == Registration.Kind.PERMANENT)
			.findFirst()
			.orElseThrow();
	}

	private static RecertificationRequest recertification(Registration registration, boolean caregiverNeeded) {
		return new RecertificationRequest(registration.getRegistrationNumber(), LocalDate.now().minusDays(1), 12,
				"Chronic pain", caregiverNeeded);
	}

	private ProcessInstance instance(Application application) {
		return processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(driver.reload(application).getProcessInstanceId())
			.singleResult();
	}

	private ProcessInstance releaseOf(Registration caregiverRegistration) {
		return processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(CaregiverReleaseProcess.KEY)
			.processInstanceBusinessKey(caregiverRegistration.getRegistrationNumber())
			.singleResult();
	}

	private HistoricDecisionInstance feeDecision(ProcessInstance instance) {
		return processEngine.getHistoryService()
			.createHistoricDecisionInstanceQuery()
			.processInstanceId(instance.getId())
			.decisionDefinitionKey("fee-schedule")
			.includeInputs()
			.singleResult();
	}

	private void runDueJobs(ProcessInstance instance) {
		for (int round = 0; round < 10; round++) {
			List<Job> due = processEngine.getManagementService()
				.createJobQuery()
				.processInstanceId(instance.getId())
				.executable()
				.list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
		}
		throw new AssertionError("jobs keep coming");
	}

	private void fireTimer(ProcessInstance instance, String timerId) {
		Job timer = processEngine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(timerId)
			.timers()
			.singleResult();
		assertThat(timer).as("timer " + timerId).isNotNull();
		processEngine.getManagementService().executeJob(timer.getId());
	}

}
