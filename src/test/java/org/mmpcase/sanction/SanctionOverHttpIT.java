package org.mmpcase.sanction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mmpcase.certificate.Registration;
import org.mmpcase.certificate.RegistrationRepository;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The staff endpoints of suspension and revocation over HTTP, as the workspace's pages call them (the Camunda
 * session, the CSRF header), the supervisor's decision through the engine's REST API (what Tasklist calls), the
 * answer dispensaries get, and the provider's withdrawal: who may do what, and each refusal's status and message.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mmp.demo-data=true", "camunda.bpm.job-execution.enabled=false" })
@Import(CaseDriver.class)
class SanctionOverHttpIT extends PostgresTest {

	private static final String CSRF = "X-MMP-STAFF-XSRF";

	@LocalServerPort
	int port;

	@Autowired
	CaseDriver cases;

	@Autowired
	RegistrationRepository registrations;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Test
	void staff_proposeDecideLift_withEachRefusal() {
		String number = registrationNumber(cases.registeredPatient(LocalDate.now().minusMonths(2)));
		String sanctions = "/review/api/registrations/" + number + "/sanctions";
		String today = LocalDate.now(CaseStarter.PROGRAM_ZONE).toString();
		Http reviewer = signedIn("reviewer", "reviewer");

		assertThat(new Http(port).get(sanctions, null, null).status()).as("not signed in").isEqualTo(401);
		assertThat(reviewer.exchange("POST", sanctions, proposal(today), Map.of()).status()).as("no CSRF header")
			.isEqualTo(403);
		JsonNode unknown = post(reviewer, "/review/api/registrations/MMP-2222-2222/sanctions", proposal(today))
			.expect(404)
			.body();
		assertThat(unknown.path("message").asText()).isEqualTo("No registration MMP-2222-2222.");
		JsonNode noDate = post(reviewer, sanctions,
				Map.of("kind", "suspend", "reason", "diversion", "note", "Seen selling.")).expect(400).body();
		assertThat(noDate.path("fieldErrors").path("effectiveOn").asText()).isEqualTo("This field is required.");
		JsonNode badReason = post(reviewer, sanctions,
				Map.of("kind", "suspend", "reason", "littering", "note", "x", "effectiveOn", today)).expect(400).body();
		assertThat(badReason.path("fieldErrors").path("reason").asText())
			.isEqualTo("Choose one of the listed options.");

		JsonNode proposed = post(reviewer, sanctions, proposal(today)).expect(201).body();
		assertThat(proposed.path("state").asText()).isEqualTo("awaiting-decision");
		assertThat(proposed.path("reasonLabel").asText()).isEqualTo("Diversion of cannabis to others");
		JsonNode twice = post(reviewer, sanctions, proposal(today)).expect(409).body();
		assertThat(twice.path("message").asText()).isEqualTo("A suspension of this registration is still open "
				+ "(proposed by reviewer, effective " + today + ", awaiting decision); only one can be open at a time.");
		JsonNode overview = reviewer.get(sanctions, null, null).expect(200).body();
		assertThat(overview.path("standing").asText()).isEqualTo("valid");
		assertThat(overview.path("history").findValuesAsText("action")).containsExactly("ISSUED",
				"SUSPENSION_PROPOSED");

		// the supervisor decides in Tasklist (its REST API, Basic authentication as the supervisor)
		Http tasklist = new Http(port);
		JsonNode tasks = tasklist.get("/engine-rest/task?processDefinitionKey=" + SanctionProcess.KEY
				+ "&processInstanceBusinessKey=" + number, "supervisor", "supervisor").expect(200).body();
		assertThat(tasks).hasSize(1);
		String taskId = tasks.get(0).path("id").asText();
		assertThat(new Http(port).get("/engine-rest/task?processInstanceBusinessKey=" + number, "reviewer",
				"reviewer").expect(200).body()).as("reviewers do not decide").isEmpty();
		tasklist.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "supervisor"), "supervisor",
				"supervisor").expect(204);
		tasklist.post("/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", Map.of(SanctionProcess.DECISION, Map.of("value", "approve"))), "supervisor",
				"supervisor").expect(204);
		runJobs(number);
		assertThat(new Http(port).get("/verify/api/" + number, null, null).expect(200).body().path("status").asText())
			.isEqualTo("suspended");

		JsonNode notSupervisor = post(reviewer, sanctions + "/lift", Map.of("note", "x")).expect(403).body();
		assertThat(notSupervisor.path("message").asText()).isEqualTo(SanctionController.MAY_NOT_LIFT);
		Http supervisor = signedIn("supervisor", "supervisor");
		JsonNode lifted = post(supervisor, sanctions + "/lift", Map.of("note", "Resolved.")).expect(200).body();
		assertThat(lifted.path("status").asText()).isEqualTo("ACTIVE");
		assertThat(new Http(port).get("/verify/api/" + number, null, null).body().path("status").asText())
			.isEqualTo("valid");
		JsonNode again = post(supervisor, sanctions + "/lift", Map.of()).expect(409).body();
		assertThat(again.path("message").asText())
			.isEqualTo("This registration has no suspension in effect to lift (it is valid).");
		assertThat(supervisor.get(sanctions, null, null).expect(200).body().path("history").findValuesAsText("action"))
			.containsExactly("ISSUED", "SUSPENSION_PROPOSED", "SUSPENSION_APPROVED", "SUSPENDED",
					"SUSPENSION_LIFTED");
	}

	@Test
	void provider_withdrawsTheirCertification_othersNotFound() {
		String number = registrationNumber(cases.registeredPatient(LocalDate.now().minusMonths(2)));
		String withdrawal = "/api/provider/certifications/" + number + "/withdrawal";
		Http provider = new Http(port);

		provider.post("/api/provider/certifications/MMP-2222-2222/withdrawal", Map.of("note", "x"), CaseDriver.PROVIDER,
				"provider").expect(404);
		assertThat(provider.post(withdrawal, Map.of(), CaseDriver.PROVIDER, "provider").expect(400).body()
			.path("fieldErrors").path("note").asText()).isEqualTo("This field is required.");
		JsonNode proposed = provider.post(withdrawal, Map.of("note", "No longer qualifies."), CaseDriver.PROVIDER,
				"provider").expect(201).body();

		assertThat(proposed.path("kind").asText()).isEqualTo("revocation");
		assertThat(proposed.path("reason").asText()).isEqualTo("certification-withdrawn");
		assertThat(proposed.path("proposedBy").asText()).isEqualTo(CaseDriver.PROVIDER);
		assertThat(provider.post(withdrawal, Map.of("note", "Again."), CaseDriver.PROVIDER, "provider").expect(409)
			.body().path("message").asText()).startsWith("A revocation of this registration is still open");
	}

	private Http signedIn(String user, String password) {
		Http http = new Http(port);
		http.post("/review/api/session", Map.of("username", user, "password", password), null, null).expect(200);
		return http;
	}

	private static Http.Response post(Http http, String path, Object body) {
		return http.exchange("POST", path, body, Map.of(CSRF, http.staffCsrfToken()));
	}

	private static Map<String, Object> proposal(String effectiveOn) {
		return Map.of("kind", "suspend", "reason", "diversion", "note", "Seen selling at the dispensary's door.",
				"effectiveOn", effectiveOn);
	}

	private String registrationNumber(Application application) {
		return registrations.findByApplicationOrderByIssuedAtDesc(cases.reload(application))
			.stream()
			.filter(registration -> registration.getKind() == Registration.Kind.PERMANENT)
			.findFirst()
			.orElseThrow()
			.getRegistrationNumber();
	}

	private void runJobs(String number) {
		org.mmpcase.support.Jobs.runDue(runtimeService, managementService, SanctionProcess.KEY, number);
	}

}
