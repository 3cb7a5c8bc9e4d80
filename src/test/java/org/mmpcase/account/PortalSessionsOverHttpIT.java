package org.mmpcase.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmpcase.support.ApiFixtures.certification;
import static org.mmpcase.support.ApiFixtures.invitationCode;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The portal's sessions over real HTTP, with a client that keeps cookies like a browser: sign-in, "stay signed in",
 * sign-out and the idle timeout (a 5-second timeout here), CSRF, the login throttle (client addresses told apart by
 * X-Forwarded-For, as behind the production proxy), and the walls between applicants and the staff applications.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mmp.demo-data=true", "mmp.portal.session-timeout=PT5S", "server.forward-headers-strategy=native" })
class PortalSessionsOverHttpIT extends PostgresTest {

	static final String PASSWORD = "lantern orchard 47 violet";

	private static final AtomicInteger CLIENTS = new AtomicInteger(10);

	@LocalServerPort
	int port;

	Http provider;

	/** A client address of its own per test, so that the per-address throttle of one test does not touch another. */
	String clientAddress;

	@BeforeEach
	void setUp() {
		provider = new Http(port);
		clientAddress = "203.0.113." + CLIENTS.incrementAndGet();
	}

	@Test
	void signIn_thenSessionWorks_extendMovesExpiry_signOutEndsIt() throws Exception {
		Patient patient = newPatient("session");
		Http browser = new Http(port);

		Http.Response anonymous = browser.exchange("GET", "/api/session", null, from());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(setCookie(anonymous, PortalSessions.CSRF_COOKIE)).as("the CSRF cookie comes even with the 401")
			.contains("Path=/")
			.contains("SameSite=Lax")
			.doesNotContain("HttpOnly");
		String token = browser.cookie(PortalSessions.CSRF_COOKIE).orElseThrow();

		Http.Response signedIn = browser.exchange("POST", "/api/session",
				Map.of("email", patient.email.toUpperCase(), "password", PASSWORD), csrf(token)).expect(200);
		assertThat(signedIn.body().get("email").asText()).isEqualTo(patient.email);
		assertThat(signedIn.body().get("role").asText()).isEqualTo("PATIENT");
		assertThat(signedIn.body().get("displayName").asText()).isEqualTo("Jordan Rivera");
		assertThat(signedIn.body().get("timeoutSeconds").asLong()).isEqualTo(5);
		Instant firstExpiry = Instant.parse(signedIn.body().get("expiresAt").asText());
		assertThat(firstExpiry).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(6));
		String sessionCookie = setCookie(signedIn, "JSESSIONID");
		assertThat(sessionCookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

		assertThat(browser.exchange("GET", "/api/applications/" + patient.number, null, from())
			.expect(200)
			.body()
			.get("applicationNumber")
			.asText()).isEqualTo(patient.number);
		assertThat(browser.exchange("GET", "/api/session", null, from()).expect(200).body().get("email").asText())
			.isEqualTo(patient.email);

		Thread.sleep(1200);
		Http.Response extended = browser.exchange("POST", "/api/session/extend", null,
				csrf(browser.cookie(PortalSessions.CSRF_COOKIE).orElseThrow())).expect(200);
		assertThat(Instant.parse(extended.body().get("expiresAt").asText())).isAfter(firstExpiry);

		browser.exchange("DELETE", "/api/session", null, csrf(browser.cookie(PortalSessions.CSRF_COOKIE).orElseThrow()))
			.expect(204);
		browser.exchange("GET", "/api/session", null, from()).expect(401);
		Http.Response signedOut = browser.exchange("GET", "/api/applications/" + patient.number, null, from())
			.expect(401);
		assertThat(signedOut.headers().firstValue("WWW-Authenticate")).as("no browser login dialog over the portal")
			.isEmpty();
		Http.Response apiClient = new Http(port).exchange("GET", "/api/applications/" + patient.number, null, from())
			.expect(401);
		assertThat(apiClient.headers().firstValue("WWW-Authenticate")).as("a client without cookies is challenged")
			.get()
			.asString()
			.startsWith("Basic");
	}

	@Test
	void idleSession_endsAfterTheTimeout_butExtendKeepsItAlive_andAskingIsNoActivity() throws Exception {
		Patient patient = newPatient("idle");
		Http kept = signedInBrowser(patient);
		Http idle = signedInBrowser(patient);

		Thread.sleep(3000);
		kept.exchange("POST", "/api/session/extend", null, csrf(kept.cookie(PortalSessions.CSRF_COOKIE).orElseThrow()))
			.expect(200);
		idle.exchange("GET", "/api/session", null, from()).expect(200);
		Thread.sleep(3000);

		kept.exchange("GET", "/api/session", null, from()).expect(200);
		idle.exchange("GET", "/api/session", null, from()).expect(401);
		idle.exchange("GET", "/api/applications/" + patient.number, null, from()).expect(401);
		kept.exchange("GET", "/api/applications/" + patient.number, null, from()).expect(200);
	}

	@Test
	void signIn_changesTheSessionId_theOldIdIsWorthless() {
		Patient patient = newPatient("fixation");
		Http browser = signedInBrowser(patient);
		String first = browser.cookie("JSESSIONID").orElseThrow();
		browser.exchange("POST", "/api/session", Map.of("email", patient.email, "password", PASSWORD),
				csrf(browser.cookie(PortalSessions.CSRF_COOKIE).orElseThrow())).expect(200);
		String second = browser.cookie("JSESSIONID").orElseThrow();
		assertThat(second).isNotEqualTo(first);

		Http attacker = new Http(port);
		attacker.exchange("GET", "/api/applications/" + patient.number, null,
				Map.of("Cookie", "JSESSIONID=" + first, "X-Forwarded-For", clientAddress)).expect(401);
		attacker.exchange("GET", "/api/applications/" + patient.number, null,
				Map.of("Cookie", "JSESSIONID=" + second, "X-Forwarded-For", clientAddress)).expect(200);
	}

	@Test
	void wrongCredentials_sameAnswerForUnknownWrongAndInactive() {
		Patient patient = newPatient("wrong");
		String invitedOnly = CaseDriver.uniqueEmail("invited");
		provider.post("/api/provider/certifications", certification(invitedOnly), CaseDriver.PROVIDER, "provider")
			.expect(201);
		Http browser = new Http(port);
		String token = browser.csrfToken();
		List<String> messages = List.of(
				browser.exchange("POST", "/api/session", Map.of("email", patient.email, "password", "not it at all"),
						csrf(token)).expect(401).body().get("message").asText(),
				browser.exchange("POST", "/api/session",
						Map.of("email", CaseDriver.uniqueEmail("nobody"), "password", PASSWORD), csrf(token))
					.expect(401).body().get("message").asText(),
				browser.exchange("POST", "/api/session", Map.of("email", invitedOnly, "password", PASSWORD),
						csrf(token)).expect(401).body().get("message").asText());
		assertThat(messages).containsOnly(SessionController.WRONG_CREDENTIALS);
		assertThat(browser.cookie("JSESSIONID")).as("no session for a failed sign-in").isEmpty();
	}

	@Test
	void csrf_changeWithoutTokenRefused_withTokenAccepted_basicNeedsNone() {
		Patient patient = newPatient("csrf");
		Http browser = new Http(port);
		browser.exchange("POST", "/api/session", Map.of("email", patient.email, "password", PASSWORD), from())
			.expect(403);
		Http.Response wrongToken = browser.exchange("POST", "/api/session",
				Map.of("email", patient.email, "password", PASSWORD),
				Map.of(PortalSessions.CSRF_HEADER, "forged", "X-Forwarded-For", clientAddress)).expect(403);
		assertThat(wrongToken.body().get("message").asText()).contains("CSRF");
		assertThat(browser.cookie("JSESSIONID")).isEmpty();

		browser = signedInBrowser(patient);
		String step = "/api/applications/" + patient.number + "/current-step?step=";
		Map<String, Object> confirm = Map.of("profileConfirmed", true);
		assertThat(browser.exchange("POST", step + "Task_ConfirmProfile", confirm, from()).expect(403).body().get("message").asText())
			.contains("CSRF");
		assertThat(browser.exchange("GET", "/api/applications/" + patient.number, null, from())
			.body()
			.at("/currentStep/step")
			.asText()).as("the refused change changed nothing").isEqualTo("Task_ConfirmProfile");
		browser.exchange("POST", step + "Task_ConfirmProfile", confirm, csrf(browser.cookie(PortalSessions.CSRF_COOKIE).orElseThrow()))
			.expect(200);

		Http apiClient = new Http(port);
		apiClient.exchange("POST", step + "Task_ChooseDispensary", Map.of("dispensaryCode", "DSP-NEWHAVEN"),
				Map.of("Authorization", basic(patient.email, PASSWORD), "X-Forwarded-For", clientAddress))
			.expect(200);
		assertThat(apiClient.cookie("JSESSIONID")).as("Basic is stateless").isEmpty();
	}

	@Test
	void throttle_fiveWrongPasswords_lockTheAccount_forSessionAndBasic_rightPasswordResetsCount() {
		Patient patient = newPatient("throttle");
		Http browser = new Http(port);
		String token = browser.csrfToken();
		for (int i = 0; i < 4; i++) {
			browser.exchange("POST", "/api/session", Map.of("email", patient.email, "password", "guess number " + i),
					csrf(token)).expect(401);
		}
		browser.exchange("POST", "/api/session", Map.of("email", patient.email, "password", PASSWORD), csrf(token))
			.expect(200);
		token = browser.cookie(PortalSessions.CSRF_COOKIE).orElseThrow();
		for (int i = 0; i < 5; i++) {
			browser.exchange("POST", "/api/session", Map.of("email", patient.email, "password", "guess again " + i),
					csrf(token)).expect(401); // a 429 here: the failures before the right password were not forgotten
		}
		Http.Response refused = browser.exchange("POST", "/api/session",
				Map.of("email", patient.email, "password", PASSWORD), csrf(token)).expect(429);
		long retryAfter = refused.body().get("retryAfterSeconds").asLong();
		assertThat(retryAfter).isBetween(1L, 60L);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue(Long.toString(retryAfter));
		assertThat(refused.body().get("message").asText()).contains("Try again in");

		Http basic = new Http(port);
		basic.exchange("GET", "/api/applications/" + patient.number, null,
				Map.of("Authorization", basic(patient.email, PASSWORD), "X-Forwarded-For", "198.51.100.7"))
			.expect(429);
		Patient other = newPatient("throttle-other");
		basic.exchange("GET", "/api/applications/" + other.number, null,
				Map.of("Authorization", basic(other.email, PASSWORD), "X-Forwarded-For", "198.51.100.7"))
			.expect(200);
	}

	@Test
	void throttle_oneClientGuessingManyAccounts_isLockedOut_otherClientsAreNot() {
		Patient patient = newPatient("spray");
		Http sprayer = new Http(port);
		for (int i = 0; i < 20; i++) {
			sprayer.exchange("GET", "/api/applications/" + patient.number, null,
					Map.of("Authorization", basic(CaseDriver.uniqueEmail("spray" + i), "Summer2024!Summer"),
							"X-Forwarded-For", clientAddress))
				.expect(401);
		}
		sprayer.exchange("GET", "/api/applications/" + patient.number, null,
				Map.of("Authorization", basic(patient.email, PASSWORD), "X-Forwarded-For", clientAddress))
			.expect(429);
		sprayer.exchange("GET", "/api/applications/" + patient.number, null,
				Map.of("Authorization", basic(patient.email, PASSWORD), "X-Forwarded-For", "198.51.100.99"))
			.expect(200);
	}

	@Test
	void applicants_neverReachEngineRestOrTheCamundaWebapps() throws Exception {
		Patient patient = newPatient("walls");
		Http client = new Http(port);
		client.exchange("GET", "/engine-rest/task", null, Map.of("Authorization", basic(patient.email, PASSWORD)))
			.expect(401);
		client.exchange("GET", "/engine-rest/process-instance", null,
				Map.of("Authorization", basic(CaseDriver.PROVIDER, "provider"))).expect(401);
		client.exchange("GET", "/engine-rest/task", null, Map.of("Authorization", basic("reviewer", "reviewer")))
			.expect(200);

		assertThat(camundaLogin(patient.email, PASSWORD)).as("an applicant is no Camunda user").isEqualTo(401);
		assertThat(camundaLogin(CaseDriver.PROVIDER, "provider")).as("nor is a provider").isEqualTo(401);
		assertThat(camundaLogin("supervisor", "supervisor")).as("staff can log in: the check can fail").isEqualTo(200);

		client.exchange("POST", "/staff/migrations/application-review", null,
				Map.of("Authorization", basic(patient.email, PASSWORD))).expect(401);
		client.exchange("GET", "/review/api/queue/unassigned", null,
				Map.of("Authorization", basic(patient.email, PASSWORD))).expect(401);

		Http browser = signedInBrowser(patient);
		assertThat(browser.exchange("GET", "/camunda/api/engine/engine/default/task", null, from()).status())
			.as("the portal session is no Camunda webapp session")
			.isEqualTo(401);
		assertThat(browser.exchange("GET", "/review/api/queue/unassigned", null, from()).status())
			.as("nor a staff session of the reviewer workspace")
			.isEqualTo(401);
		assertThat(browser.exchange("GET", "/camunda/api/admin/auth/user/default", null, from()).status())
			.as("Camunda knows nobody in this session")
			.isNotEqualTo(200);
	}

	/** Logs in to the Camunda Tasklist as its login page does, with its own CSRF token; returns the status. */
	private int camundaLogin(String user, String password) throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
		String base = "http://localhost:" + port;
		HttpResponse<String> page = client.send(
				HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		String xsrf = cookies.getCookieStore()
			.get(URI.create(base + "/camunda/"))
			.stream()
			.filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseGet(() -> page.headers().firstValue("X-XSRF-TOKEN").orElseThrow());
		String form = "username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
		return client.send(HttpRequest
			.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", xsrf)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	record Patient(String email, String number) {
	}

	Patient newPatient(String who) {
		String email = CaseDriver.uniqueEmail(who);
		String number = provider.post("/api/provider/certifications", certification(email), CaseDriver.PROVIDER,
				"provider").expect(201).body().get("applicationNumber").asText();
		provider.post("/api/accounts/activate",
				Map.of("email", email, "invitationCode", invitationCode(email), "password", PASSWORD), null, null)
			.expect(204);
		return new Patient(email, number);
	}

	Http signedInBrowser(Patient patient) {
		Http browser = new Http(port);
		JsonNode session = browser.exchange("POST", "/api/session",
				Map.of("email", patient.email, "password", PASSWORD), csrf(browser.csrfToken())).expect(200).body();
		assertThat(session.get("email").asText()).isEqualTo(patient.email);
		return browser;
	}

	Map<String, String> from() {
		return Map.of("X-Forwarded-For", clientAddress);
	}

	Map<String, String> csrf(String token) {
		return Map.of(PortalSessions.CSRF_HEADER, token, "X-Forwarded-For", clientAddress);
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static String setCookie(Http.Response response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(header -> header.startsWith(name + "="))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no Set-Cookie " + name + " in " + response.headers().map()));
	}

}
