package org.mmpcase.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mmpcase.support.ApiFixtures.certification;
import static org.mmpcase.support.ApiFixtures.invitationCode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.Mails;
import org.mmpcase.support.PostgresTest;
import org.mmpcase.support.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Accounts over real HTTP: the activation link of the invitation (works once, expires, can be asked for again, the
 * new one replaces the old), password reset by e-mail (once, expires, ends other sessions), the password policy at
 * both, and the walls between applicants: another patient's application number and document ids get nothing.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mmp.demo-data=true")
class AccountsOverHttpIT extends PostgresTest {

	static final String PASSWORD = "lantern orchard 47 violet";

	static final String NEW_PASSWORD = "copper kettle 19 meadow";

	private static final Pattern ACTIVATION_LINK = Pattern
		.compile("(http://\\S+)/portal/activate\\?email=([^&\\s]+)&code=(\\S+)");

	private static final Pattern RESET_LINK = Pattern
		.compile("(http://\\S+)/portal/reset-password\\?email=([^&\\s]+)&token=(\\S+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	@BeforeEach
	void client() {
		http = new Http(port);
	}

	@Test
	void activationLink_worksOnce_weakPasswordSavesNothing_resentLinkReplacesTheOld() {
		String email = CaseDriver.uniqueEmail("Link.Patient");
		certify(email);
		String[] first = activationLink(email, 1);
		assertThat(first[0]).isEqualTo("http://localhost:8080");
		assertThat(URLDecoder.decode(first[1], StandardCharsets.UTF_8)).isEqualTo(email.toLowerCase());
		assertThat(first[2]).isEqualTo(invitationCode(email.toLowerCase()));

		http.post("/api/accounts/activation-link", Map.of("email", email), null, null).expect(202);
		String[] second = activationLink(email, 2);
		assertThat(second[2]).isNotEqualTo(first[2]);
		assertThat(activate(email, first[2], PASSWORD).expect(400).body().at("/fieldErrors/invitationCode").asText())
			.contains("do not match");

		JsonNode weak = activate(email, second[2], "Password2024!").expect(400).body();
		assertThat(weak.at("/fieldErrors/password").asText()).contains("guessed first");
		assertThat(activate(email, second[2], "Jordan Rivera").expect(400).body().at("/fieldErrors/password").asText())
			.contains("your name");
		assertThat(activate(email, second[2], "tiny pw").expect(400).body().at("/fieldErrors/password").asText())
			.contains("at least 12");
		signIn(http, email, PASSWORD).expect(401);

		activate(email, second[2], PASSWORD).expect(204);
		assertThat(activate(email, second[2], PASSWORD).expect(400).body().has("fieldErrors")).isTrue();
		signIn(new Http(port), email, PASSWORD).expect(200);

		// an active account gets no new invitation; the queue is in order, so the reset mail comes after that request
		http.post("/api/accounts/activation-link", Map.of("email", email), null, null).expect(202);
		http.post("/api/accounts/password-reset", Map.of("email", email), null, null).expect(202);
		await().atMost(Duration.ofSeconds(10)).until(() -> Mails.to(email.toLowerCase()).size() == 3);
		assertThat(Mails.subject(Mails.lastTo(email.toLowerCase()))).contains("Reset");
	}

	@Test
	void activationFromThePortal_signsInAtOnce_anApiClientSignsInItself() {
		String email = CaseDriver.uniqueEmail("at-once");
		certify(email);
		Http browser = new Http(port);
		Http.Response activated = browser.exchange("POST", "/api/accounts/activate",
				Map.of("email", email, "invitationCode", ApiFixtures.invitationCode(email), "password", PASSWORD,
						"signIn", true),
				Map.of(PortalSessions.CSRF_HEADER, browser.csrfToken()));
		assertThat(activated.status()).as(activated.raw()).isEqualTo(200);
		assertThat(activated.body().get("email").asText()).isEqualTo(email.toLowerCase(java.util.Locale.ROOT));
		assertThat(activated.body().get("timeoutSeconds").asLong()).isPositive();
		assertThat(browser.get("/api/session", null, null).expect(200).body().get("role").asText()).isEqualTo("PATIENT");
		assertThat(browser.get("/api/applications", null, null).status()).as("the session works").isEqualTo(200);

		String other = CaseDriver.uniqueEmail("later");
		certify(other);
		Http client = new Http(port);
		assertThat(client.post("/api/accounts/activate", Map.of("email", other, "invitationCode",
				ApiFixtures.invitationCode(other), "password", PASSWORD), null, null).status()).isEqualTo(204);
		assertThat(client.get("/api/session", null, null).status()).as("no session without asking").isEqualTo(401);
	}

	@Test
	void activationLink_expiredAfterFourteenDays_refused_aNewOneWorks() {
		String email = CaseDriver.uniqueEmail("expired");
		certify(email);
		String code = activationLink(email, 1)[2];
		jdbc.update("update account set invitation_expires_at = ? where username = ?",
				java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))), email);
		assertThat(activate(email, code, PASSWORD).expect(400).body().at("/fieldErrors/invitationCode").asText())
			.contains("expired");
		signIn(http, email, PASSWORD).expect(401);

		http.post("/api/accounts/activation-link", Map.of("email", email), null, null).expect(202);
		activate(email, activationLink(email, 2)[2], PASSWORD).expect(204);
	}

	@Test
	void linkRequests_alwaysAccepted_unknownAddressesGetNothing_andEachAddressIsLimited() {
		String unknown = CaseDriver.uniqueEmail("unknown");
		http.post("/api/accounts/activation-link", Map.of("email", unknown), null, null).expect(202);
		http.post("/api/accounts/password-reset", Map.of("email", unknown), null, null).expect(202);
		assertThat(http.post("/api/accounts/password-reset", Map.of("email", "not an address"), null, null)
			.expect(400)
			.body()
			.has("fieldErrors")).isTrue();

		String email = CaseDriver.uniqueEmail("limited");
		certify(email);
		activationLink(email, 1);
		for (int i = 0; i < 5; i++) {
			http.post("/api/accounts/activation-link", Map.of("email", email), null, null).expect(202);
		}
		String marker = CaseDriver.uniqueEmail("marker");
		certify(marker);
		activationLink(marker, 1);
		http.post("/api/accounts/activation-link", Map.of("email", marker), null, null).expect(202);
		activationLink(marker, 2);
		assertThat(Mails.to(email)).as("the invitation and 3 new links an hour, not 5").hasSize(4);
		assertThat(Mails.to(unknown)).isEmpty();
	}

	@Test
	void passwordReset_linkWorksOnce_newRequestReplacesOld_endsOtherSessions() {
		String email = CaseDriver.uniqueEmail("reset");
		certify(email);
		activate(email, invitationCode(email), PASSWORD).expect(204);
		Http otherDevice = new Http(port);
		signIn(otherDevice, email, PASSWORD).expect(200);

		http.post("/api/accounts/password-reset", Map.of("email", email.toUpperCase()), null, null).expect(202);
		String[] first = resetLink(email, 2);
		assertThat(first[0]).isEqualTo("http://localhost:8080");
		assertThat(Mails.text(Mails.lastTo(email))).contains("1 hour");
		http.post("/api/accounts/password-reset", Map.of("email", email), null, null).expect(202);
		String[] second = resetLink(email, 3);
		assertThat(second[2]).isNotEqualTo(first[2]);

		assertThat(confirm(email, first[2], NEW_PASSWORD).expect(400).body().at("/fieldErrors/token").asText())
			.contains("not valid");
		assertThat(confirm(email, second[2], "aaaaaaaaaaaaaaaa").expect(400).body().at("/fieldErrors/password").asText())
			.contains("repeats");
		signIn(new Http(port), email, PASSWORD).expect(200);
		otherDevice.get("/api/session", null, null).expect(200);

		confirm(email, second[2], NEW_PASSWORD).expect(204);
		confirm(email, second[2], "another fine passphrase").expect(400);
		signIn(new Http(port), email, PASSWORD).expect(401);
		signIn(new Http(port), email, NEW_PASSWORD).expect(200);
		otherDevice.get("/api/session", null, null).expect(401);
		http.get("/api/session", email, NEW_PASSWORD).expect(200);
	}

	@Test
	void passwordReset_expiredLink_refused() {
		String email = CaseDriver.uniqueEmail("reset-expired");
		certify(email);
		activate(email, invitationCode(email), PASSWORD).expect(204);
		http.post("/api/accounts/password-reset", Map.of("email", email), null, null).expect(202);
		String token = resetLink(email, 2)[2];
		jdbc.update("update account set reset_expires_at = ? where username = ?",
				java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))), email);
		assertThat(confirm(email, token, NEW_PASSWORD).expect(400).body().at("/fieldErrors/token").asText())
			.contains("expired");
		signIn(http, email, PASSWORD).expect(200);
	}

	@Test
	void anotherPatient_cannotReadOrActOnTheApplicationDocumentsOrCertificate() {
		String owner = CaseDriver.uniqueEmail("owner");
		String number = certify(owner);
		activate(owner, invitationCode(owner), PASSWORD).expect(204);
		String intruder = CaseDriver.uniqueEmail("intruder");
		String intruderNumber = certify(intruder);
		activate(intruder, invitationCode(intruder), PASSWORD).expect(204);

		approve(owner, number);
		long document = http.get("/api/applications/" + number + "/documents", owner, PASSWORD)
			.expect(200)
			.body()
			.get(0)
			.get("id")
			.asLong();
		http.get("/api/applications/" + number + "/documents/" + document, owner, PASSWORD).expect(200);
		http.get("/api/applications/" + number + "/certificate", owner, PASSWORD).expect(200);

		Http session = new Http(port);
		signIn(session, intruder, PASSWORD).expect(200);
		for (Http.Response answer : List.of(http.get("/api/applications/" + number, intruder, PASSWORD),
				session.get("/api/applications/" + number, null, null),
				http.get("/api/applications/" + number + "/documents", intruder, PASSWORD),
				session.get("/api/applications/" + number + "/documents/" + document, null, null),
				http.get("/api/applications/" + number + "/documents/" + document, intruder, PASSWORD),
				http.get("/api/applications/" + intruderNumber + "/documents/" + document, intruder, PASSWORD),
				session.get("/api/applications/" + intruderNumber + "/documents/" + document, null, null),
				http.get("/api/applications/" + number + "/certificate", intruder, PASSWORD),
				session.get("/api/applications/" + number + "/certificate.pdf", null, null),
				http.upload("/api/applications/" + number + "/documents", Map.of("category", "identity"), "id.png",
						TestFiles.png(), intruder, PASSWORD),
				session.upload("/api/applications/" + number + "/documents", Map.of("category", "identity"),
						"id.png", TestFiles.png(), null, null),
				http.post("/api/applications/" + number + "/current-step", Map.of("profileConfirmed", true), intruder,
						PASSWORD),
				session.post("/api/applications/" + number + "/caregiver", caregiver(), null, null),
				http.get("/api/applications/" + number, CaseDriver.PROVIDER, "provider"))) {
			assertThat(answer.status()).as(answer.raw()).isEqualTo(404);
			assertThat(answer.raw()).doesNotContain(owner).doesNotContain("Rivera");
		}
		assertThat(http.get("/api/applications/" + number + "/documents", owner, PASSWORD).body()).hasSize(2);
	}

	private void approve(String email, String number) {
		step(number, email, "Task_ConfirmProfile", Map.of("profileConfirmed", true));
		step(number, email, "Task_ChooseDispensary", Map.of("dispensaryCode", "DSP-NEWHAVEN"));
		step(number, email, "Task_ChooseDocumentTypes",
				Map.of("identityDocumentType", "passport", "residencyDocumentType", "lease"));
		http.upload("/api/applications/" + number + "/documents", Map.of("category", "identity"), "passport.png",
				TestFiles.png(), email, PASSWORD).expect(201);
		http.upload("/api/applications/" + number + "/documents", Map.of("category", "residency"), "lease.pdf",
				TestFiles.pdf("Lease 12 Elm Street"), email, PASSWORD).expect(201);
		step(number, email, "Task_UploadDocuments", Map.of());
		Map<String, Object> attestations = ApiFixtures.allAttestations();
		step(number, email, "Task_SignAttestations", attestations);
		JsonNode tasks = http.get("/engine-rest/task?candidateGroup=reviewers&processInstanceBusinessKey=" + number,
				"reviewer", "reviewer").expect(200).body();
		http.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
				Map.of("variables", Map.of("reviewDecision", Map.of("value", "approve"))), "reviewer", "reviewer")
			.expect(204);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> http.get("/api/applications/" + number + "/certificate", email, PASSWORD).status() == 200);
	}

	private void step(String number, String email, String step, Map<String, Object> data) {
		http.post("/api/applications/" + number + "/current-step?step=" + step, data, email, PASSWORD).expect(200);
	}

	private static Map<String, Object> caregiver() {
		Map<String, Object> body = new HashMap<>(certification(CaseDriver.uniqueEmail("cg")));
		body.put("relationship", "SIBLING");
		return body;
	}

	private String certify(String email) {
		return http.post("/api/provider/certifications", certification(email), CaseDriver.PROVIDER, "provider")
			.expect(201)
			.body()
			.get("applicationNumber")
			.asText();
	}

	private Http.Response activate(String email, String code, String password) {
		return http.post("/api/accounts/activate",
				Map.of("email", email, "invitationCode", code, "password", password), null, null);
	}

	private Http.Response confirm(String email, String token, String password) {
		return http.post("/api/accounts/password-reset/confirm",
				Map.of("email", email, "token", token, "password", password), null, null);
	}

	private static Http.Response signIn(Http browser, String email, String password) {
		return browser.exchange("POST", "/api/session", Map.of("email", email, "password", password),
				Map.of(PortalSessions.CSRF_HEADER, browser.csrfToken()));
	}

	/** Base URL, e-mail (encoded) and code of the activation link in the n-th e-mail to the address. */
	private static String[] activationLink(String email, int mails) {
		return link(email, mails, ACTIVATION_LINK);
	}

	private static String[] resetLink(String email, int mails) {
		return link(email, mails, RESET_LINK);
	}

	private static String[] link(String email, int mails, Pattern pattern) {
		String to = email.toLowerCase();
		await().atMost(Duration.ofSeconds(10)).until(() -> Mails.to(to).size() >= mails);
		assertThat(Mails.to(to)).hasSize(mails);
		Matcher matcher = pattern.matcher(Mails.text(Mails.to(to).get(mails - 1)));
		assertThat(matcher.find()).as("link in the e-mail").isTrue();
		return new String[] { matcher.group(1), matcher.group(2), matcher.group(3) };
	}

}
