package org.mmpcase.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mmpcase.support.ApiFixtures.certification;
import static org.mmpcase.support.ApiFixtures.invitationCode;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.Mails;
import org.mmpcase.support.PostgresTest;
import org.mmpcase.support.TestFiles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A whole registration over HTTP, as the README's walkthrough does it: the provider certifies, the patient activates
 * the account from the e-mail and completes every step through /api, a reviewer approves through the engine REST
 * API, and the certificate e-mail arrives. The job executor runs, as in production.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mmp.demo-data=true")
class RegistrationOverHttpIT extends PostgresTest {

	private static final String PROVIDER_PASSWORD = "provider";

	private static final String PATIENT_PASSWORD = "correct-horse-battery";

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		http = new Http(port);
	}

	@Test
	void registration_certifiedToCertificateEmail_overHttp() {
		String email = CaseDriver.uniqueEmail("http-patient");
		String number = http.post("/api/provider/certifications", certification(email), CaseDriver.PROVIDER,
				PROVIDER_PASSWORD).expect(201).body().get("applicationNumber").asText();

		String code = invitationCode(email);
		http.post("/api/accounts/activate", Map.of("email", email, "invitationCode", code, "password", PATIENT_PASSWORD),
				null, null).expect(204);

		JsonNode application = http.get("/api/applications/" + number, email, PATIENT_PASSWORD).expect(200).body();
		assertThat(application.at("/currentStep/step").asText()).isEqualTo("Task_ConfirmProfile");
		assertThat(application.at("/currentStep/formId").asText()).isEqualTo("confirm-profile");
		assertThat(application.at("/currentStep/values/lastName").asText()).isEqualTo("Rivera");

		step(number, email, "Task_ConfirmProfile", Map.of("profileConfirmed", true));
		step(number, email, "Task_ChooseDispensary", Map.of("dispensaryCode", "DSP-NEWHAVEN"));
		step(number, email, "Task_ChooseDocumentTypes",
				Map.of("identityDocumentType", "passport", "residencyDocumentType", "lease"));
		http.upload("/api/applications/" + number + "/documents", Map.of("category", "identity"), "passport.png",
				TestFiles.png(), email, PATIENT_PASSWORD).expect(201);
		http.upload("/api/applications/" + number + "/documents", Map.of("category", "residency"), "lease.pdf",
				TestFiles.pdf("Lease 12 Elm Street"), email, PATIENT_PASSWORD).expect(201);
		step(number, email, "Task_UploadDocuments", Map.of());
		Map<String, Object> attestations = ApiFixtures.allAttestations();
		JsonNode submitted = step(number, email, "Task_SignAttestations", attestations);
		assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
		assertThat(submitted.get("expectedDecisionBy").asText()).isNotEmpty();
		assertThat(submitted.get("currentStep").isNull()).isTrue();

		http.get("/engine-rest/task?processInstanceBusinessKey=" + number, null, null).expect(401);
		http.get("/engine-rest/task?processInstanceBusinessKey=" + number, "nobody", "wrong").expect(401);
		assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + number, "owner", "owner")
			.expect(200)
			.body()).as("process owners see no tasks: authorizations apply to the REST API").isEmpty();
		JsonNode tasks = http.get("/engine-rest/task?candidateGroup=reviewers&processInstanceBusinessKey=" + number,
				"reviewer", "reviewer").expect(200).body();
		assertThat(tasks).as(() -> "the case's open tasks, as the admin sees them: "
				+ http.get("/engine-rest/task?processInstanceBusinessKey=" + number, "admin", "admin").raw())
			.hasSize(1);
		assertThat(tasks.get(0).get("name").asText()).isEqualTo("Review initial registration - " + number);
		String taskId = tasks.get(0).get("id").asText();
		http.post("/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", Map.of("reviewDecision", Map.of("value", "deny"))), "reviewer", "reviewer")
			.expect(400);
		http.post("/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", Map.of("reviewDecision", Map.of("value", "approve"))), "reviewer", "reviewer")
			.expect(204);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> Mails.to(email).stream().anyMatch(mail -> Mails.subject(mail).contains("certificate")));
		String certificateMail = Mails.text(Mails.lastTo(email));
		JsonNode certificate = http.get("/api/applications/" + number + "/certificate", email, PATIENT_PASSWORD)
			.expect(200)
			.body();
		assertThat(certificateMail).contains(certificate.get("registrationNumber").asText())
			.contains("/api/applications/" + number + "/certificate");
		assertThat(certificate.get("dispensaryCode").asText()).isEqualTo("DSP-NEWHAVEN");
		assertThat(http.get("/api/applications/" + number, email, PATIENT_PASSWORD).body().get("status").asText())
			.isEqualTo("APPROVED");
		assertThat(Mails.to(email)).hasSize(2);
	}

	@Test
	void api_badInputAndOtherPeoplesCases_clearAnswers_nothingSaved() {
		Map<String, Object> bad = new HashMap<>(certification(CaseDriver.uniqueEmail("bad")));
		bad.put("zip", "ABCDE");
		bad.put("email", "not-an-email");
		JsonNode error = http.post("/api/provider/certifications", bad, CaseDriver.PROVIDER, PROVIDER_PASSWORD)
			.expect(400)
			.body();
		assertThat(error.get("fieldErrors").has("zip")).isTrue();
		assertThat(error.get("fieldErrors").has("email")).isTrue();
		http.post("/api/provider/certifications", "{not json", CaseDriver.PROVIDER, PROVIDER_PASSWORD).expect(400);
		Map<String, Object> badTerm = new HashMap<>(certification(CaseDriver.uniqueEmail("term")));
		badTerm.put("termMonths", 7);
		assertThat(http.post("/api/provider/certifications", badTerm, CaseDriver.PROVIDER, PROVIDER_PASSWORD)
			.expect(400)
			.body()
			.at("/fieldErrors/termMonths")
			.asText()).contains("6, 12, 18, 24");
		http.post("/api/provider/certifications", certification(CaseDriver.uniqueEmail("anon")), null, null)
			.expect(401);

		String owner = CaseDriver.uniqueEmail("owner");
		String number = http.post("/api/provider/certifications", certification(owner), CaseDriver.PROVIDER,
				PROVIDER_PASSWORD).expect(201).body().get("applicationNumber").asText();
		String firstCode = invitationCode(owner);
		http.post("/api/provider/certifications/" + number + "/invitation", "", CaseDriver.PROVIDER, PROVIDER_PASSWORD)
			.expect(202);
		await().atMost(Duration.ofSeconds(10)).until(() -> Mails.to(owner).size() == 2);
		assertThat(invitationCode(owner)).isNotEqualTo(firstCode);
		http.post("/api/accounts/activate",
				Map.of("email", owner, "invitationCode", firstCode, "password", PATIENT_PASSWORD), null, null)
			.expect(400);
		http.post("/api/accounts/activate",
				Map.of("email", owner, "invitationCode", "WRONGCODE", "password", PATIENT_PASSWORD), null, null)
			.expect(400);
		http.post("/api/accounts/activate",
				Map.of("email", owner, "invitationCode", invitationCode(owner), "password", "short"), null, null)
			.expect(400);
		http.post("/api/accounts/activate",
				Map.of("email", owner, "invitationCode", invitationCode(owner), "password", PATIENT_PASSWORD), null,
				null).expect(204);
		http.post("/api/accounts/activate",
				Map.of("email", owner, "invitationCode", invitationCode(owner), "password", PATIENT_PASSWORD), null,
				null).expect(400);

		http.post("/api/provider/certifications/" + number + "/invitation", "", CaseDriver.PROVIDER, PROVIDER_PASSWORD)
			.expect(409);

		String intruder = CaseDriver.uniqueEmail("intruder");
		http.post("/api/provider/certifications", certification(intruder), CaseDriver.PROVIDER, PROVIDER_PASSWORD)
			.expect(201);
		http.post("/api/accounts/activate",
				Map.of("email", intruder, "invitationCode", invitationCode(intruder), "password", PATIENT_PASSWORD),
				null, null).expect(204);
		http.get("/api/applications/" + number, intruder, PATIENT_PASSWORD).expect(404);
		http.post("/api/applications/" + number + "/current-step", Map.of("profileConfirmed", true), intruder,
				PATIENT_PASSWORD).expect(404);
		http.post("/api/provider/certifications", certification(CaseDriver.uniqueEmail("x")), intruder,
				PATIENT_PASSWORD).expect(403);

		JsonNode stepError = http
			.post("/api/applications/" + number + "/current-step",
					Map.of("profileConfirmed", "yes", "reviewDecision", "approve"), owner, PATIENT_PASSWORD)
			.expect(400)
			.body();
		assertThat(stepError.at("/fieldErrors/reviewDecision").asText()).contains("not part of this step");
		assertThat(stepError.at("/fieldErrors/profileConfirmed").asText()).isNotEmpty();
		http.post("/api/applications/" + number + "/current-step?step=Task_ChooseDispensary",
				Map.of("dispensaryCode", "DSP-BRISTOL"), owner, PATIENT_PASSWORD).expect(409);
		assertThat(http.get("/api/applications/" + number, owner, PATIENT_PASSWORD)
			.body()
			.at("/currentStep/step")
			.asText()).isEqualTo("Task_ConfirmProfile");
		JsonNode rejected = http.upload("/api/applications/" + number + "/documents", Map.of("category", "identity"),
				"id.pdf", "<html><script>alert(1)</script></html>".getBytes(), owner, PATIENT_PASSWORD)
			.expect(400)
			.body();
		assertThat(rejected.get("message").asText()).isNotBlank();
		assertThat(http.get("/api/applications/" + number + "/documents", owner, PATIENT_PASSWORD).expect(200).body())
			.isEmpty();
	}

	@Test
	void migrationEndpoint_onlyForProcessOwners() {
		http.post("/staff/migrations/application-review", "", null, null).expect(401);
		http.post("/staff/migrations/application-review", "", "nobody", "wrong").expect(401);
		http.post("/staff/migrations/application-review", "", "reviewer", "reviewer").expect(403);
		JsonNode report = http.post("/staff/migrations/application-review", "", "owner", "owner").expect(200).body();
		assertThat(report.get("processKey").asText()).isEqualTo("application-review");
		assertThat(report.get("targetVersion").asInt()).isPositive();
		http.post("/staff/migrations/nothing-here", "", "owner", "owner").expect(400);
	}

	private JsonNode step(String number, String email, String step, Map<String, Object> values) {
		return http.post("/api/applications/" + number + "/current-step?step=" + step, values, email, PATIENT_PASSWORD)
			.expect(200)
			.body();
	}

}
