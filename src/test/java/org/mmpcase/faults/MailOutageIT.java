package org.mmpcase.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mail server goes away and comes back. E-mails owed meanwhile (certificates from the process's e-mail jobs,
 * payment receipts whose events are resubmitted) are delivered once it is back, each exactly once. When it stays away
 * longer than the retries, the e-mail job has an incident (Cockpit), and the documented retry (Cockpit's "Retry",
 * which is {@code PUT /engine-rest/job/{id}/retries}) delivers it, once.
 */
class MailOutageIT {

	/** Four tries two seconds apart: the outage of the first test is shorter, that of the second longer. */
	private static final String RETRY_CYCLE = "R4/PT2S";

	private static final String INVITATION = "Activate your Medical Marijuana Program account";

	private static final String RECEIPT = "Receipt for your Medical Marijuana Program payment";

	private static final String CERTIFICATE = "Approved: your Medical Marijuana Program certificate";

	private static SwitchableMailServer mailServer;

	private static Node node;

	@BeforeAll
	static void start() throws IOException {
		mailServer = new SwitchableMailServer();
		mailServer.up();
		Map<String, Object> properties = Node.clusterProperties(TestDatabase.newDatabase(),
				Files.createTempDirectory("mmp-mail-outage-"));
		properties.put("spring.mail.port", mailServer.port());
		properties.put("mmp.mail.retry-cycle", RETRY_CYCLE);
		properties.put("mmp.events.retry-interval", "PT2S");
		properties.put("mmp.events.retry-after", "PT1S");
		node = Node.start("mail-outage", properties, null);
		node.bean(RepositoryService.class)
			.createDeployment()
			.name("fees for the fault tests")
			.addClasspathResource("fee-schedule-with-fees.dmn")
			.deploy();
	}

	@AfterAll
	static void stop() {
		if (node != null) {
			node.close();
		}
		if (mailServer != null) {
			mailServer.close();
		}
	}

	@BeforeEach
	void mailServerUp() {
		mailServer.up();
	}

	@Test
	void mailServerDownForAWhile_everyReceiptAndCertificateDeliveredOnceItIsBack() {
		CaseDriver driver = node.driver();
		List<Application> applications = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			applications.add(driver.certify());
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> applications.stream().allMatch(application -> subjects(application).contains(INVITATION)));

		mailServer.down();
		for (Application application : applications) {
			driver.completeApplicantSteps(application);
			driver.pay(application, "4242424242424242");
		}
		for (Application application : applications) {
			await().atMost(Duration.ofSeconds(60)).until(() -> driver.reviewTask(application) != null);
			driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		}
		// every certificate e-mail has failed at least once, none has run out of tries
		ManagementService management = node.bean(ManagementService.class);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> applications.stream()
				.allMatch(application -> driver.processInstances(application)
					.stream()
					.flatMap(instance -> management.createJobQuery()
						.processInstanceId(instance.getId())
						.withException()
						.list()
						.stream())
					.anyMatch(job -> job.getRetries() > 0)));
		JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
		assertThat(jdbc.queryForObject("select count(*) from payment where status = 'SUCCEEDED' "
				+ "and receipt_sent_at is null and application_id in (" + ids(applications) + ")", Long.class))
			.as("receipts owed while the mail server is down")
			.isEqualTo(applications.size());
		assertThat(applications).allSatisfy(application -> assertThat(subjects(application)).containsExactly(INVITATION));

		mailServer.up();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(applications).allSatisfy(application -> assertThat(subjects(application))
				.contains(RECEIPT, CERTIFICATE)));
		assertThat(applications).allSatisfy(application -> assertThat(subjects(application))
			.as("each e-mail once").containsExactlyInAnyOrder(INVITATION, RECEIPT, CERTIFICATE));
		// the e-mail leaves before the transaction that records it commits
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.queryForObject("select count(*) from payment where receipt_sent_at is null "
					+ "and application_id in (" + ids(applications) + ")", Long.class) == 0);
		String sent = "select template from sent_email where application_id in (" + ids(applications) + ")";
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.queryForList(sent, String.class).size() >= 2 * applications.size());
		assertThat(Node.countBy(jdbc.queryForList(sent, String.class)))
			.isEqualTo(Map.of("payment-receipt", (long) applications.size(), "certificate", (long) applications.size()));
		assertThat(node.bean(RuntimeService.class).createIncidentQuery().count()).as("incidents").isZero();
	}

	@Test
	void mailServerDownLongerThanTheRetries_incidentInCockpit_retryDeliversOnce() {
		CaseDriver driver = node.driver();
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		driver.pay(application, "4242424242424242");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> driver.reviewTask(application) != null && subjects(application).contains(RECEIPT));

		mailServer.down();
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		String instanceId = driver.processInstances(application).get(0).getId();
		RuntimeService runtime = node.bean(RuntimeService.class);
		Incident incident = await().atMost(Duration.ofSeconds(60))
			.until(() -> runtime.createIncidentQuery().processInstanceId(instanceId).singleResult(),
					found -> found != null);
		assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
		assertThat(incident.getActivityId()).isEqualTo("Task_EmailCertificate");
		assertThat(incident.getIncidentMessage()).containsIgnoringCase("mail");
		Job job = node.bean(ManagementService.class).createJobQuery().jobId(incident.getConfiguration()).singleResult();
		assertThat(job.getRetries()).isZero();

		// what Cockpit shows a process owner, through the same REST API
		Http http = new Http(node.port());
		JsonNode incidents = http.get("/engine-rest/incident?processInstanceId=" + instanceId, "owner", "owner")
			.expect(200)
			.body();
		assertThat(incidents).hasSize(1);
		assertThat(incidents.get(0).get("configuration").asText()).isEqualTo(job.getId());
		assertThat(subjects(application)).doesNotContain(CERTIFICATE);

		mailServer.up();
		http.put("/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 1), "owner", "owner").expect(204);

		await().atMost(Duration.ofSeconds(30)).until(() -> subjects(application).contains(CERTIFICATE));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> runtime.createIncidentQuery().processInstanceId(instanceId).count() == 0);
		assertThat(subjects(application)).containsExactlyInAnyOrder(INVITATION, RECEIPT, CERTIFICATE);
		assertThat(node.bean(HistoryService.class)
			.createHistoricIncidentQuery()
			.processInstanceId(instanceId)
			.resolved()
			.count()).isEqualTo(1);
	}

	private static List<String> subjects(Application application) {
		return mailServer.subjectsTo(application.getApplicant().getEmail());
	}

	private static String ids(List<Application> applications) {
		return String.join(",", applications.stream().map(application -> application.getId().toString()).toList());
	}

}
