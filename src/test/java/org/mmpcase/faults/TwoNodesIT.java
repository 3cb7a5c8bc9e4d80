package org.mmpcase.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmpcase.payment.SandboxPaymentGateway;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.Mails;
import org.mmpcase.support.TestDatabase;
import org.mmpcase.support.TestFiles;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one PostgreSQL, both with the job executor on, as a cluster runs: many cases at once, each
 * worked step by step on alternating nodes while both job executors charge cards and send e-mails. Every case
 * completes; no charge, certificate or e-mail happens twice; a race between the nodes never reaches a user as a
 * 500.
 */
class TwoNodesIT {

	private static final int CASES = 40;

	private static final int CLIENTS = 8;

	private static final int RACED_CASES = 3;

	private static final String CARD = "4242424242424242";

	private static final String PATIENT_PASSWORD = "correct-horse-battery";

	private static final SandboxPaymentGateway GATEWAY = new SandboxPaymentGateway(Clock.systemDefaultZone());

	private static Node nodeA;

	private static Node nodeB;

	@BeforeAll
	static void startCluster() throws IOException {
		Path files = Files.createTempDirectory("mmp-two-nodes-");
		Map<String, Object> properties = Node.clusterProperties(TestDatabase.newDatabase(), files);
		// the job log records which node ran each job
		properties.put("camunda.bpm.generic-properties.properties.hostname", "node-a");
		nodeA = Node.start("node-a", properties, GATEWAY);
		properties.put("camunda.bpm.generic-properties.properties.hostname", "node-b");
		nodeB = Node.start("node-b", properties, GATEWAY);
		// a fee is due, so every case is charged by a job
		nodeA.bean(RepositoryService.class)
			.createDeployment()
			.name("fees for the fault tests")
			.addClasspathResource("fee-schedule-with-fees.dmn")
			.deploy();
	}

	@AfterAll
	static void stopCluster() {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
	}

	@Test
	void manyCasesOnTwoNodes_everyCaseCompletes_nothingChargedIssuedOrMailedTwice() throws Exception {
		int chargesBefore = GATEWAY.chargeCount();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<Application>> running = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			Node one = i % 2 == 0 ? nodeA : nodeB;
			Node other = one == nodeA ? nodeB : nodeA;
			running.add(clients.submit(() -> workCase(one, other)));
		}
		List<Application> applications = new ArrayList<>();
		for (Future<Application> future : running) {
			applications.add(future.get(3, TimeUnit.MINUTES));
		}
		clients.shutdown();

		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (Application application : applications) {
				assertThat(subjects(application)).as("e-mails of " + application.getApplicationNumber())
					.contains(CERTIFICATE_SUBJECT, RECEIPT_SUBJECT);
			}
		});

		List<String> numbers = applications.stream().map(Application::getApplicationNumber).toList();
		JdbcTemplate jdbc = nodeA.bean(JdbcTemplate.class);
		for (Application application : applications) {
			assertThat(nodeA.driver().reload(application).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
			assertThat(subjects(application)).as("each e-mail of " + application.getApplicationNumber() + " once")
				.containsExactlyInAnyOrder(INVITATION_SUBJECT, RECEIPT_SUBJECT, CERTIFICATE_SUBJECT);
			Long id = application.getId();
			assertThat(jdbc.queryForList("select status from payment where application_id = ?", String.class, id))
				.as("payments of " + application.getApplicationNumber())
				.containsExactly("SUCCEEDED");
			assertThat(jdbc.queryForObject("select count(*) from registration where application_id = ?", Long.class,
					id)).as("certificates of " + application.getApplicationNumber()).isEqualTo(1);
			assertThat(jdbc.queryForList("select template from sent_email where application_id = ?", String.class, id))
				.containsExactlyInAnyOrder("payment-receipt", "certificate");
		}
		assertThat(GATEWAY.chargeCount() - chargesBefore).as("charges made at the gateway").isEqualTo(CASES);
		assertThat(jdbc.queryForObject("select count(*) from payment where receipt_sent_at is null", Long.class))
			.isZero();

		HistoryService history = nodeA.bean(HistoryService.class);
		long finished = numbers.stream()
			.filter(number -> history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(InitialRegistrationProcess.KEY)
				.processInstanceBusinessKey(number)
				.finished()
				.count() == 1)
			.count();
		assertThat(finished).as("initial registrations that ended").isEqualTo(CASES);
		assertThat(nodeA.bean(RuntimeService.class).createIncidentQuery().count()).as("incidents").isZero();
		for (String host : List.of("node-a", "node-b")) {
			assertThat(history.createHistoricJobLogQuery().hostname(host).successLog().count())
				.as("jobs run by " + host)
				.isPositive();
		}
	}

	/**
	 * The same step sent to both nodes at the same moment (a double click, a retrying proxy): one completes it, the
	 * other answers 409 with a message. Never a 500, never the step done twice or the next step done by accident.
	 */
	@Test
	void sameStepSentToBothNodesAtOnce_oneCompletesIt_theOtherGets409() throws Exception {
		Http httpA = new Http(nodeA.port());
		Http httpB = new Http(nodeB.port());
		int chargesBefore = GATEWAY.chargeCount();
		for (int i = 0; i < RACED_CASES; i++) {
			String email = CaseDriver.uniqueEmail("race");
			// certified through node A, activated through node B
			String number = ApiFixtures.activatedPatient(httpA, httpB, ApiFixtures.certification(email),
					PATIENT_PASSWORD);

			race(httpA, httpB, number, email, InitialRegistrationProcess.TASK_CONFIRM_PROFILE,
					Map.of(CaseVariables.PROFILE_CONFIRMED, true));
			race(httpA, httpB, number, email, InitialRegistrationProcess.TASK_CHOOSE_DISPENSARY,
					Map.of(CaseVariables.DISPENSARY_CODE, "DSP-BRISTOL"));
			race(httpA, httpB, number, email, InitialRegistrationProcess.TASK_CHOOSE_DOCUMENT_TYPES,
					Map.of(CaseVariables.IDENTITY_DOCUMENT_TYPE, "passport", CaseVariables.RESIDENCY_DOCUMENT_TYPE,
							"lease"));
			httpA.upload("/api/applications/" + number + "/documents", Map.of("category", "identity"), "passport.png",
					TestFiles.png(), email, PATIENT_PASSWORD).expect(201);
			httpB.upload("/api/applications/" + number + "/documents", Map.of("category", "residency"), "lease.pdf",
					TestFiles.pdf("Lease 12 Elm Street Hartford"), email, PATIENT_PASSWORD).expect(201);
			race(httpA, httpB, number, email, InitialRegistrationProcess.TASK_UPLOAD_DOCUMENTS, Map.of());
			Map<String, Object> attestations = new HashMap<>();
			CaseVariables.ATTESTATIONS.forEach(attestation -> attestations.put(attestation, true));
			race(httpA, httpB, number, email, InitialRegistrationProcess.TASK_SIGN_ATTESTATIONS, attestations);
			String expiry = java.time.YearMonth.now()
				.plusYears(2)
				.format(java.time.format.DateTimeFormatter.ofPattern("MM/yy"));
			race(httpA, httpB, number, email, InitialRegistrationProcess.TASK_ENTER_PAYMENT, Map.of("cardholderName",
					"Jordan Rivera", "cardNumber", CARD, "cardExpiry", expiry, "cardCvc", "123"));

			JdbcTemplate jdbc = nodeA.bean(JdbcTemplate.class);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> jdbc.queryForObject("select status from application where application_number = ?",
						String.class, number)
					.equals("SUBMITTED"));
			Long applicationId = jdbc.queryForObject("select id from application where application_number = ?",
					Long.class, number);
			assertThat(jdbc.queryForList("select status from payment where application_id = ?", String.class,
					applicationId)).containsExactly("SUCCEEDED");
			assertThat(jdbc.queryForObject("select dispensary_code from application where id = ?", String.class,
					applicationId)).isEqualTo("DSP-BRISTOL");
		}
		assertThat(GATEWAY.chargeCount() - chargesBefore).isEqualTo(RACED_CASES);
	}

	private static void race(Http httpA, Http httpB, String number, String email, String step,
			Map<String, Object> values) throws Exception {
		String path = "/api/applications/" + number + "/current-step?step=" + step;
		CountDownLatch start = new CountDownLatch(1);
		Callable<Http.Response> onA = () -> {
			start.await();
			return httpA.post(path, values, email, PATIENT_PASSWORD);
		};
		Callable<Http.Response> onB = () -> {
			start.await();
			return httpB.post(path, values, email, PATIENT_PASSWORD);
		};
		CompletableFuture<Http.Response> a = CompletableFuture.supplyAsync(() -> call(onA));
		CompletableFuture<Http.Response> b = CompletableFuture.supplyAsync(() -> call(onB));
		start.countDown();
		List<Http.Response> answers = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
		assertThat(answers.stream().map(Http.Response::status).toList()).as(step + " sent twice: " + answers)
			.containsExactlyInAnyOrder(200, 409);
		Http.Response refused = answers.stream().filter(answer -> answer.status() == 409).findFirst().orElseThrow();
		assertThat(refused.body().get("message").asText()).isNotBlank();
	}

	private static Http.Response call(Callable<Http.Response> request) {
		try {
			return request.call();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final String INVITATION_SUBJECT = "Activate your Medical Marijuana Program account";

	private static final String RECEIPT_SUBJECT = "Receipt for your Medical Marijuana Program payment";

	private static final String CERTIFICATE_SUBJECT = "Approved: your Medical Marijuana Program certificate";

	private static List<String> subjects(Application application) {
		return Mails.subjectsTo(application.getApplicant().getEmail());
	}

	/** One case, its steps alternating between the nodes, as a patient's requests do behind a load balancer. */
	private static Application workCase(Node one, Node other) {
		CaseDriver first = one.driver();
		CaseDriver second = other.driver();
		Application application = one.asUser("certify", () -> first.certify());
		other.asUser("confirm profile", () -> second.confirmProfile(application));
		one.asUser("choose dispensary", () -> first.chooseDispensary(application, "DSP-HARTFORD"));
		other.asUser("choose document types", () -> second.chooseDocumentTypes(application));
		one.asUser("upload documents", () -> first.uploadBothDocuments(application));
		other.asUser("sign attestations", () -> second.signAttestations(application));
		one.asUser("pay", () -> first.pay(application, CARD));
		// the charge is a job: either node's job executor runs it, then the review waits
		await().atMost(Duration.ofSeconds(120)).until(() -> second.reviewTask(application) != null);
		other.asUser("review", () -> second.review(application, CaseVariables.DECISION_APPROVE, Map.of()));
		return application;
	}

}
