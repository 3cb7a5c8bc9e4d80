package org.mmpcase.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.PostgresTest;
import org.mmpcase.support.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The holder's registration API over HTTP, signed in as the patient: the list, the dispensary, the multipart change
 * report, caregiver refusals, surrender; somebody else's registration is not found.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mmp.demo-data=true", "camunda.bpm.job-execution.enabled=false" })
@Import(CaseDriver.class)
class HolderApiIT extends PostgresTest {

	private static final String PASSWORD = "correct-horse-battery";

	@LocalServerPort
	int port;

	@Autowired
	CaseDriver driver;

	@Autowired
	ApplicationAccess applications;

	Http http;

	@BeforeEach
	void client() {
		http = new Http(port);
	}

	@Test
	void holder_listsChangesAndSurrenders_overHttp_othersNumbersNotFound() {
		String email = CaseDriver.uniqueEmail("holder-http");
		String number = registered(email);
		String other = CaseDriver.uniqueEmail("other-http");
		registered(other);

		JsonNode list = http.get("/api/registrations", email, PASSWORD).expect(200).body();
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("registrationNumber").asText()).isEqualTo(number);
		assertThat(list.get(0).get("standing").asText()).isEqualTo("valid");
		assertThat(list.get(0).at("/holder/street").asText()).isEqualTo("12 Elm Street");
		assertThat(list.get(0).get("actions").toString()).contains("change-address", "change-dispensary", "surrender");

		String base = "/api/registrations/" + number;
		http.put(base + "/dispensary", Map.of("dispensaryCode", "DSP-BRISTOL"), other, PASSWORD).expect(404);
		http.upload(base + "/changes", address(), "bill.pdf", TestFiles.pdf("40 Oak Avenue"), other, PASSWORD)
			.expect(404);
		http.post(base + "/surrender", Map.of("confirm", true), other, PASSWORD).expect(404);
		http.put(base + "/caregiver", caregiver(), other, PASSWORD).expect(404);

		JsonNode changed = http.put(base + "/dispensary", Map.of("dispensaryCode", "DSP-BRISTOL"), email, PASSWORD)
			.expect(200)
			.body();
		assertThat(changed.at("/dispensary/code").asText()).isEqualTo("DSP-BRISTOL");
		assertThat(changed.at("/dispensaryChanges/used").asInt()).isEqualTo(1);
		assertThat(changed.at("/dispensaryChanges/left").asInt()).isEqualTo(3);

		JsonNode refused = http.upload(base + "/changes", address(), "bill.pdf", TestFiles.pdfWithJavaScript(), email,
				PASSWORD).expect(400).body();
		assertThat(refused.at("/fieldErrors/file").asText()).contains("script");
		JsonNode missing = http.upload(base + "/changes", Map.of("kind", "name"), "id.png", TestFiles.png(), email,
				PASSWORD).expect(400).body();
		assertThat(missing.get("fieldErrors").has("firstName")).isTrue();
		assertThat(missing.get("fieldErrors").has("declaredType")).isTrue();
		JsonNode reported = http.upload(base + "/changes", address(), "bill.pdf",
				TestFiles.pdf("Jordan Rivera 40 Oak Avenue New Haven 06510"), email, PASSWORD).expect(201).body();
		assertThat(reported.get("status").asText()).isEqualTo("SUBMITTED");
		String change = reported.get("applicationNumber").asText();
		JsonNode second = http.upload(base + "/changes", address(), "bill.pdf", TestFiles.pdf("40 Oak Avenue"), email,
				PASSWORD).expect(409).body();
		assertThat(second.get("message").asText()).contains(change, "is in review");
		JsonNode pending = http.get("/api/registrations", email, PASSWORD).expect(200).body().get(0);
		assertThat(pending.at("/pendingChange/applicationNumber").asText()).isEqualTo(change);
		assertThat(pending.at("/pendingChange/kind").asText()).isEqualTo("address");
		assertThat(pending.get("actions").toString()).doesNotContain("change-address");
		assertThat(http.get("/api/applications/" + change, email, PASSWORD).expect(200).body().get("kind").asText())
			.isEqualTo("change");

		assertThat(http.put(base + "/caregiver", caregiver(), email, PASSWORD).expect(409).body().get("message")
			.asText()).isEqualTo("Your provider did not certify that you need a caregiver.");
		assertThat(http.exchange("DELETE", base + "/caregiver", null, basic(email)).expect(409).body()
			.get("message").asText()).isEqualTo("You have no caregiver to remove.");

		JsonNode unconfirmed = http.post(base + "/surrender", Map.of(), email, PASSWORD).expect(400).body();
		assertThat(unconfirmed.at("/fieldErrors/confirm").asText()).contains("ends at once");
		JsonNode surrendered = http.post(base + "/surrender", Map.of("confirm", true), email, PASSWORD)
			.expect(200)
			.body();
		assertThat(surrendered.get("standing").asText()).isEqualTo("ended");
		assertThat(http.get("/verify/api/" + number, null, null).expect(200).body().get("status").asText())
			.isEqualTo("ended");
		http.post(base + "/surrender", Map.of("confirm", true), email, PASSWORD).expect(409);
	}

	/** A patient with an account and an approved registration; returns the registration number. */
	private String registered(String email) {
		Map<String, Object> certification = ApiFixtures.certification(email);
		String number = ApiFixtures.activatedPatient(http, certification, PASSWORD);
		Application application = applications.require(number);
		driver.completeApplicantSteps(application);
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());
		driver.runDueJobs(application);
		return http.get("/api/applications/" + number + "/certificate", email, PASSWORD)
			.expect(200)
			.body()
			.get("registrationNumber")
			.asText();
	}

	private static Map<String, String> address() {
		return Map.of("kind", "address", "street", "40 Oak Avenue", "city", "New Haven", "zip", "06510",
				"declaredType", "utility-bill");
	}

	private static Map<String, Object> caregiver() {
		return Map.of("firstName", "Casey", "lastName", "Carer", "dateOfBirth", "1970-03-04", "email",
				CaseDriver.uniqueEmail("carer-http"), "street", "5 Oak Avenue", "city", "New Haven", "zip", "06510",
				"relationship", "OTHER");
	}

	private static Map<String, String> basic(String email) {
		return Map.of("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((email + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
	}

}
