package org.mmpcase.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mmpcase.support.ApiFixtures.certification;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away under the running application (its own embedded PostgreSQL, stopped) and comes back on
 * the same port and data: meanwhile the API answers 503 with a message, health is DOWN; afterwards everything works
 * again without a restart, and what was saved before is still there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mmp.demo-data=true")
@DirtiesContext
class DatabaseOutageIT {

	private static Path dataDirectory;

	private static int databasePort;

	private static EmbeddedPostgres postgres;

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		dataDirectory = Files.createTempDirectory("mmp-outage-pg-");
		try (ServerSocket socket = new ServerSocket(0)) {
			databasePort = socket.getLocalPort();
		}
		postgres = start();
		// the context closes after this class (@DirtiesContext) and needs its database until then; the database
		// stops when the JVM does
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				postgres.close();
			}
			catch (IOException ignored) {
				// the JVM is going away
			}
		}));
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + databasePort + "/postgres");
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", TestMailServer::port);
		Path files = Files.createTempDirectory("mmp-outage-");
		registry.add("mmp.documents.storage-dir", () -> files.resolve("documents").toString());
		registry.add("mmp.mail.outbox", () -> files.resolve("outbox").toString());
	}

	private static EmbeddedPostgres start() throws IOException {
		return EmbeddedPostgres.builder()
			.setPort(databasePort)
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start();
	}

	@Test
	void databaseGoesAway_requestsGet503AndHealthDown_recoversWhenItIsBack() throws IOException {
		Http http = new Http(port);
		String before = certify(http).expect(201).body().get("applicationNumber").asText();
		assertThat(http.get("/actuator/health", null, null).expect(200).body().get("status").asText()).isEqualTo("UP");

		postgres.close();

		Http.Response refused = certify(http).expect(503);
		assertThat(refused.body().get("message").asText()).contains("database cannot be reached");
		assertThat(refused.raw()).doesNotContain("Exception", "\tat ");
		// no login involved: the API's own error handler answers
		Http.Response activation = http.post("/api/accounts/activate",
				Map.of("email", "nobody@example.net", "invitationCode", "ABCDEFGH", "password", "correct-horse-battery"),
				null, null).expect(503);
		assertThat(activation.body().get("message").asText()).contains("database cannot be reached");
		// staff scripts and Tasklist: the engine REST API checks the password with the engine first
		assertThat(http.get("/engine-rest/task", "reviewer", "reviewer").expect(503).body().get("message").asText())
			.contains("database cannot be reached");
		JsonNode health = http.get("/actuator/health", null, null).expect(503).body();
		assertThat(health.get("status").asText()).isEqualTo("DOWN");

		postgres = start();

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> http.get("/actuator/health", null, null).status() == 200);
		String after = certify(http).expect(201).body().get("applicationNumber").asText();
		http.get("/engine-rest/task", "reviewer", "reviewer").expect(200);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(before).count())
			.as("the case saved before the outage")
			.isEqualTo(1);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(after).count()).isEqualTo(1);
	}

	private static Http.Response certify(Http http) {
		return http.post("/api/provider/certifications", certification(CaseDriver.uniqueEmail("outage")),
				CaseDriver.PROVIDER, "provider");
	}

}
