package org.mmpcase.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.ApiFixtures;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.Mails;
import org.mmpcase.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions in the database (Spring Session JDBC): two nodes on one PostgreSQL, and one browser whose requests go to
 * either, as behind a load balancer without sticky sessions. A patient, a reviewer in the workspace and a Tasklist
 * user stay signed in from node to node, with their CSRF tokens; a sign-out or a password reset on one node ends the
 * sessions on the other; an expired session is served by neither and the cleanup deletes it.
 */
class SessionsAcrossNodesIT {

	private static final String PASSWORD = "lantern orchard 47 violet";

	private static final String NEW_PASSWORD = "quiet harbour 93 maple";

	private static final Pattern RESET_LINK = Pattern
		.compile("(http://\\S+)/portal/reset-password\\?email=([^&\\s]+)&token=(\\S+)");

	private static Node nodeA;

	private static Node nodeB;

	@BeforeAll
	static void startCluster() throws IOException {
		Path files = Files.createTempDirectory("mmp-sessions-");
		Map<String, Object> properties = Node.clusterProperties(TestDatabase.newDatabase(), files);
		nodeA = Node.start("node-a", properties, null);
		nodeB = Node.start("node-b", properties, null);
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
	void patient_signsInOnOneNode_isSignedInOnTheOther_csrfTokenWorksThere_signOutThereEndsIt() {
		String email = CaseDriver.uniqueEmail("two-nodes");
		String number = activatedPatient(email);
		Http onA = new Http(nodeA.port());
		Http onB = onA.atPort(nodeB.port());

		signIn(onA, email, PASSWORD).expect(200);
		String sessionId = sessionId(onA);
		assertThat(jdbc().queryForObject("select max_inactive_interval from spring_session where session_id = ?",
				Integer.class, sessionId))
			.as("the portal's 20 minutes and the minute the container waits longer")
			.isEqualTo(21 * 60);
		assertThat(jdbc().queryForObject("select principal_name from spring_session where session_id = ?",
				String.class, sessionId))
			.as("indexed by the account").isEqualTo(email);

		JsonNode session = onB.get("/api/session", null, null).expect(200).body();
		assertThat(session.path("email").asText()).isEqualTo(email);
		assertThat(onB.get("/api/applications/" + number, null, null).expect(200).body().path("applicationNumber")
			.asText()).isEqualTo(number);
		String token = onA.csrfToken();
		onB.exchange("POST", "/api/session/extend", null, Map.of()).expect(403);
		onB.exchange("POST", "/api/session/extend", null, Map.of("X-MMP-XSRF-TOKEN", token)).expect(200);

		onB.exchange("DELETE", "/api/session", null, Map.of("X-MMP-XSRF-TOKEN", onB.csrfToken())).expect(204);
		onA.get("/api/session", null, null).expect(401);
		onA.get("/api/applications/" + number, null, null).expect(401);
		assertThat(jdbc().queryForObject("select count(*) from spring_session where session_id = ?", Long.class,
				sessionId)).as("the session is gone from the database").isZero();
	}

	@Test
	void passwordReset_onOneNode_endsTheAccountsSessionsOnEveryNode() {
		String email = CaseDriver.uniqueEmail("reset-two-nodes");
		activatedPatient(email);
		Http phone = new Http(nodeA.port());
		Http laptop = new Http(nodeB.port());
		signIn(phone, email, PASSWORD).expect(200);
		signIn(laptop, email, PASSWORD).expect(200);
		Http someoneElse = new Http(nodeA.port());
		String otherEmail = CaseDriver.uniqueEmail("bystander");
		activatedPatient(otherEmail);
		signIn(someoneElse, otherEmail, PASSWORD).expect(200);
		phone.atPort(nodeB.port()).get("/api/session", null, null).expect(200);
		laptop.atPort(nodeA.port()).get("/api/session", null, null).expect(200);

		int mailsBefore = Mails.to(email).size();
		new Http(nodeA.port()).post("/api/accounts/password-reset", Map.of("email", email), null, null).expect(202);
		await().atMost(Duration.ofSeconds(20)).until(() -> Mails.to(email).size() > mailsBefore);
		Matcher link = RESET_LINK.matcher(Mails.text(Mails.lastTo(email)));
		assertThat(link.find()).as("reset link in the e-mail").isTrue();
		new Http(nodeB.port())
			.post("/api/accounts/password-reset/confirm",
					Map.of("email", email, "token", link.group(3), "password", NEW_PASSWORD), null, null)
			.expect(204);

		for (Node node : new Node[] { nodeA, nodeB }) {
			phone.atPort(node.port()).get("/api/session", null, null).expect(401);
			laptop.atPort(node.port()).get("/api/session", null, null).expect(401);
		}
		assertThat(jdbc().queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				email)).isZero();
		someoneElse.atPort(nodeB.port()).get("/api/session", null, null).expect(200);
		signIn(new Http(nodeB.port()), email, NEW_PASSWORD).expect(200);
	}

	@Test
	void reviewer_signsInToTheWorkspaceOnOneNode_workspaceAndWebappsServeItOnTheOther() {
		Http onA = new Http(nodeA.port());
		Http onB = onA.atPort(nodeB.port());
		onA.post("/review/api/session", Map.of("username", "reviewer", "password", "reviewer"), null, null)
			.expect(200);
		assertThat(jdbc().queryForObject("select max_inactive_interval from spring_session where session_id = ?",
				Integer.class, sessionId(onA))).as("the workspace's 30 minutes").isEqualTo(30 * 60);

		assertThat(onB.get("/review/api/session", null, null).expect(200).body().path("id").asText())
			.isEqualTo("reviewer");
		onB.get("/review/api/queue/views", null, null).expect(200);
		assertThat(onB.get("/camunda/api/admin/auth/user/default", null, null).expect(200).body().path("userId")
			.asText()).as("signed in to the Camunda webapps too").isEqualTo("reviewer");
		String token = onA.staffCsrfToken();
		onB.exchange("POST", "/review/api/session/extend", null, Map.of()).expect(403);
		onB.exchange("POST", "/review/api/session/extend", null, Map.of("X-MMP-STAFF-XSRF", token)).expect(200);

		onB.exchange("DELETE", "/review/api/session", null, Map.of("X-MMP-STAFF-XSRF", token)).expect(204);
		onA.get("/review/api/session", null, null).expect(401);
		assertThat(onA.get("/camunda/api/admin/auth/user/default", null, null).status())
			.as("signed out of the webapps on the other node").isEqualTo(404);
	}

	@Test
	void tasklistLogin_onOneNode_servedOnTheOther_withTheWebappsCsrfToken() {
		Http onA = new Http(nodeA.port());
		Http onB = onA.atPort(nodeB.port());
		onA.get("/camunda/app/tasklist/default/", null, null);
		String xsrf = onA.cookie("XSRF-TOKEN").orElseThrow();
		onA.exchange("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
				"username=supervisor&password=supervisor",
				Map.of("X-XSRF-TOKEN", xsrf, "Content-Type", "application/x-www-form-urlencoded"))
			.expect(200);

		assertThat(onB.get("/camunda/api/admin/auth/user/default", null, null).expect(200).body().path("userId")
			.asText()).isEqualTo("supervisor");
		assertThat(onB.get("/camunda/api/engine/engine/default/task/count", null, null).status())
			.as("the webapps' engine API on the other node").isEqualTo(200);
		assertThat(onB.get("/review/api/session", null, null).expect(200).body().path("id").asText())
			.isEqualTo("supervisor");

		// the webapps' CSRF token is kept in the session: the other node checks it
		onB.exchange("POST", "/camunda/api/admin/auth/user/default/logout", null,
				Map.of("X-XSRF-TOKEN", onA.cookie("XSRF-TOKEN").orElseThrow()))
			.expect(200);
		assertThat(onA.get("/camunda/api/admin/auth/user/default", null, null).status()).isEqualTo(404);
	}

	@Test
	void tasklistSession_aChangeWithoutTheWebappsToken_onOneNode_endsTheSessionOnBoth() {
		Http onA = new Http(nodeA.port());
		Http onB = onA.atPort(nodeB.port());
		onA.get("/camunda/app/tasklist/default/", null, null);
		onA.exchange("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
				"username=supervisor&password=supervisor",
				Map.of("X-XSRF-TOKEN", onA.cookie("XSRF-TOKEN").orElseThrow(), "Content-Type",
						"application/x-www-form-urlencoded"))
			.expect(200);
		onB.get("/camunda/api/admin/auth/user/default", null, null).expect(200);

		// Camunda's CSRF filter ends the session of a forged change (its own behaviour), for every node
		assertThat(onB.exchange("POST", "/camunda/api/admin/auth/user/default/logout", null, Map.of()).status())
			.isEqualTo(403);
		assertThat(onA.get("/camunda/api/admin/auth/user/default", null, null).status()).isEqualTo(404);
		assertThat(onA.get("/review/api/session", null, null).status()).isEqualTo(401);
	}

	@Test
	void expiredSessions_areServedByNoNode_andTheCleanupDeletesThem() {
		String email = CaseDriver.uniqueEmail("expired");
		String number = activatedPatient(email);
		Http patient = new Http(nodeA.port());
		signIn(patient, email, PASSWORD).expect(200);
		Http reviewer = new Http(nodeA.port());
		reviewer.post("/review/api/session", Map.of("username", "reviewer", "password", "reviewer"), null, null)
			.expect(200);
		Http gone = new Http(nodeA.port());
		gone.post("/review/api/session", Map.of("username", "reviewer", "password", "reviewer"), null, null)
			.expect(200);
		Http fresh = new Http(nodeA.port());
		fresh.post("/review/api/session", Map.of("username", "reviewer", "password", "reviewer"), null, null)
			.expect(200);
		String goneId = sessionId(gone);

		// as if they had been idle longer than their timeouts (the portal's 20 minutes, the workspace's 30)
		for (Http idle : new Http[] { patient, reviewer, gone }) {
			assertThat(jdbc().update(
					"update spring_session set last_access_time = last_access_time - (max_inactive_interval + 1) * 1000,"
							+ " expiry_time = expiry_time - (max_inactive_interval + 1) * 1000 where session_id = ?",
					sessionId(idle))).isEqualTo(1);
		}

		patient.atPort(nodeB.port()).get("/api/session", null, null).expect(401);
		patient.atPort(nodeB.port()).get("/api/applications/" + number, null, null).expect(401);
		reviewer.atPort(nodeB.port()).get("/review/api/session", null, null).expect(401);
		assertThat(reviewer.atPort(nodeB.port()).get("/camunda/api/admin/auth/user/default", null, null).status())
			.isEqualTo(404);
		fresh.atPort(nodeB.port()).get("/review/api/session", null, null).expect(200);

		// the one nobody came back with stays until the cleanup, which any node runs
		assertThat(jdbc().queryForObject("select count(*) from spring_session where session_id = ?", Long.class,
				goneId)).isOne();
		nodeB.bean(JdbcIndexedSessionRepository.class).cleanUpExpiredSessions();
		assertThat(jdbc().queryForObject("select count(*) from spring_session where session_id = ?", Long.class,
				goneId)).isZero();
		assertThat(jdbc().queryForObject("select count(*) from spring_session where session_id = ?", Long.class,
				sessionId(fresh))).isOne();
	}

	/** A certified patient with an activated account; the application number. */
	private static String activatedPatient(String email) {
		// certified through node A, activated through node B
		return ApiFixtures.activatedPatient(new Http(nodeA.port()), new Http(nodeB.port()),
				ApiFixtures.certification(email), PASSWORD);
	}

	private static Http.Response signIn(Http browser, String email, String password) {
		return browser.exchange("POST", "/api/session", Map.of("email", email, "password", password),
				Map.of("X-MMP-XSRF-TOKEN", browser.csrfToken()));
	}

	/** The session id in the database: Spring Session's cookie carries it Base64-encoded. */
	private static String sessionId(Http browser) {
		String cookie = browser.cookie("JSESSIONID").orElseThrow();
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	private static JdbcTemplate jdbc() {
		return nodeA.bean(JdbcTemplate.class);
	}

}
