package org.mmpcase.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmpcase.support.ApiFixtures.certification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The portal's API over HTTP: the current step's deployed form (translated), drafts, the answers for the review
 * page, ownership, and the deep links that serve the single-page app.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mmp.demo-data=true")
class PortalApiIT extends PostgresTest {

	private static final String PASSWORD = "correct-horse-battery";

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		http = new Http(port);
	}

	/** A certified patient with an active account; returns the application number. */
	private String patient(String email) {
		return ApiFixtures.activatedPatient(http, certification(email), PASSWORD);
	}

	private HttpResponse<String> get(String path, String language) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (language != null) {
			request.header("Accept-Language", language);
		}
		return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void currentStepForm_isTheDeployedFormOfTheTask_withItsValues_andSpanishLabelsOnRequest() throws Exception {
		String email = CaseDriver.uniqueEmail("portal-form");
		String number = patient(email);

		JsonNode step = http.get("/api/applications/" + number + "/current-step/form", email, PASSWORD)
			.expect(200)
			.body();
		JsonNode onDisk = new ObjectMapper().readTree(Files.readString(Path.of("forms/registration/confirm-profile.form")));
		assertThat(step.get("step").asText()).isEqualTo("Task_ConfirmProfile");
		assertThat(step.get("formId").asText()).isEqualTo("confirm-profile");
		assertThat(step.get("schema")).as("the very form in forms/").isEqualTo(onDisk);
		assertThat(step.at("/values/lastName").asText()).isEqualTo("Rivera");
		assertThat(step.get("draft").isEmpty()).isTrue();

		HttpResponse<String> spanish = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/applications/" + number
					+ "/current-step/form"))
				.header("Authorization", "Basic " + java.util.Base64.getEncoder()
					.encodeToString((email + ":" + PASSWORD).getBytes()))
				.header("Accept-Language", "es")
				.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode translated = new ObjectMapper().readTree(spanish.body()).get("schema");
		assertThat(labelOf(translated, "Field_FirstName")).isEqualTo("Nombre");
		assertThat(labelOf(translated, "Field_ProfileConfirmed")).isEqualTo("Estos datos son correctos");
		assertThat(translated.get("schemaVersion").asInt()).isEqualTo(16);
	}

	private static String labelOf(JsonNode schema, String componentId) {
		for (JsonNode component : schema.get("components")) {
			if (component.get("id").asText().equals(componentId)) {
				return component.get("label").asText();
			}
		}
		throw new AssertionError("no component " + componentId);
	}

	@Test
	void draft_isKeptUntilTheStepCompletes_onlyItsOwnFields() {
		String email = CaseDriver.uniqueEmail("portal-draft");
		String number = patient(email);
		String base = "/api/applications/" + number + "/current-step";

		http.put(base + "/draft?step=Task_ConfirmProfile",
				Map.of("profileConfirmed", false, "correctionRequest", "My street is 14 Elm Street"), email, PASSWORD)
			.expect(204);
		JsonNode draft = http.get(base + "/form", email, PASSWORD).expect(200).body().get("draft");
		assertThat(draft.get("correctionRequest").asText()).isEqualTo("My street is 14 Elm Street");

		assertThat(http.put(base + "/draft?step=Task_ConfirmProfile", Map.of("dispensaryCode", "DSP-HARTFORD"), email,
				PASSWORD).expect(400).body().at("/fieldErrors/dispensaryCode").asText()).isNotEmpty();
		http.put(base + "/draft?step=Task_ChooseDispensary", Map.of("dispensaryCode", "DSP-HARTFORD"), email,
				PASSWORD).expect(409);
		assertThat(http.get(base + "/form", email, PASSWORD).body().at("/draft/correctionRequest").asText())
			.as("a refused draft changes nothing")
			.isEqualTo("My street is 14 Elm Street");

		http.post(base + "?step=Task_ConfirmProfile", Map.of("profileConfirmed", true), email, PASSWORD).expect(200);
		JsonNode next = http.get(base + "/form", email, PASSWORD).expect(200).body();
		assertThat(next.get("step").asText()).isEqualTo("Task_ChooseDispensary");
		assertThat(next.get("draft").isEmpty()).as("the completed step's draft is gone").isTrue();
	}

	@Test
	void answers_showTheCompletedStepsWithTheirForms() {
		String email = CaseDriver.uniqueEmail("portal-answers");
		String number = patient(email);
		String base = "/api/applications/" + number;
		http.post(base + "/current-step?step=Task_ConfirmProfile", Map.of("profileConfirmed", true), email, PASSWORD)
			.expect(200);
		http.post(base + "/current-step?step=Task_ChooseDispensary", Map.of("dispensaryCode", "DSP-NEWHAVEN"), email,
				PASSWORD).expect(200);

		JsonNode answers = http.get(base + "/answers", email, PASSWORD).expect(200).body();
		assertThat(answers).hasSize(2);
		assertThat(answers.get(0).get("step").asText()).isEqualTo("Task_ConfirmProfile");
		assertThat(answers.get(0).at("/values/street").asText()).isEqualTo("12 Elm Street");
		assertThat(answers.get(1).get("formId").asText()).isEqualTo("choose-dispensary");
		assertThat(answers.get(1).at("/values/dispensaryCode").asText()).isEqualTo("DSP-NEWHAVEN");
		assertThat(answers.get(1).at("/schema/id").asText()).isEqualTo("choose-dispensary");
	}

	@Test
	void anotherPatientsApplication_isNotFound_forFormDraftAndAnswers() {
		String owner = CaseDriver.uniqueEmail("portal-owner");
		String number = patient(owner);
		String other = CaseDriver.uniqueEmail("portal-other");
		patient(other);
		String base = "/api/applications/" + number;

		http.get(base + "/current-step/form", other, PASSWORD).expect(404);
		http.get(base + "/answers", other, PASSWORD).expect(404);
		Map<String, Object> draft = new HashMap<>();
		draft.put("correctionRequest", "hijacked");
		http.put(base + "/current-step/draft?step=Task_ConfirmProfile", draft, other, PASSWORD).expect(404);
		assertThat(http.get(base + "/current-step/form", owner, PASSWORD).body().get("draft").isEmpty()).isTrue();
		http.get(base + "/current-step/form", null, null).expect(401);
	}

	@Test
	void serverMessages_comeInSpanish_whenTheCallerAsksForIt() throws Exception {
		String email = CaseDriver.uniqueEmail("portal-spanish");
		String number = patient(email);
		HttpResponse<String> refused = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/applications/" + number
					+ "/current-step?step=Task_ConfirmProfile"))
				.header("Authorization", "Basic " + java.util.Base64.getEncoder()
					.encodeToString((email + ":" + PASSWORD).getBytes()))
				.header("Accept-Language", "es-US,es;q=0.9")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"profileConfirmed\": false, \"dispensaryCode\": \"X\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode body = new ObjectMapper().readTree(refused.body());
		assertThat(body.get("message").asText()).isEqualTo("Algunos campos necesitan su atención.");
		assertThat(body.at("/fieldErrors/dispensaryCode").asText()).isEqualTo("Este campo no forma parte de este paso.");

		JsonNode english = http.post("/api/applications/" + number + "/current-step?step=Task_ConfirmProfile",
				Map.of("profileConfirmed", false, "dispensaryCode", "X"), email, PASSWORD).expect(400).body();
		assertThat(english.get("message").asText()).isEqualTo("Some fields need your attention.");
	}

	@Test
	void portalDeepLinks_serveTheApp_missingFilesAre404() throws Exception {
		HttpResponse<String> activate = get("/portal/activate?email=a%40b.org&code=XYZ", null);
		assertThat(activate.statusCode()).isEqualTo(200);
		assertThat(activate.body()).contains("<main id=\"main\"");
		assertThat(activate.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("script-src 'self'", "frame-ancestors 'none'");
		assertThat(get("/portal/applications/A-1234-5678/step", null).body()).contains("<main id=\"main\"");
		assertThat(get("/portal/", null).statusCode()).isEqualTo(200);
		assertThat(get("/portal/assets/nothing-here.js", null).statusCode()).isEqualTo(404);
		HttpResponse<String> renew = get("/renew", null);
		assertThat(renew.statusCode()).isEqualTo(302);
		assertThat(renew.headers().firstValue("Location").orElseThrow()).endsWith("/portal/renew");
	}

}
