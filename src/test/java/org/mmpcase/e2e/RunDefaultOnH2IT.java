package org.mmpcase.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.mmpcase.support.Mails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The run default a newcomer starts: an H2 file database, no mail server (e-mails land in the outbox folder as
 * .eml files), demo users, the job executor on. One registration runs from certification to the certificate e-mail.
 * Only the folders differ from the README's command, so the test leaves ./data alone.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CaseDriver.class)
class RunDefaultOnH2IT {

	private static final Path FOLDER = Path.of("target", "run-default-it", java.util.UUID.randomUUID().toString());

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:./" + FOLDER.resolve("mmp").toString().replace('\\', '/'));
		registry.add("mmp.mail.outbox", () -> FOLDER.resolve("outbox").toString());
		registry.add("mmp.documents.storage-dir", () -> FOLDER.resolve("documents").toString());
	}

	@Autowired
	CaseDriver driver;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	private final Path outbox = FOLDER.resolve("outbox");

	@Value("${spring.mail.host:}")
	String mailHost;

	@Test
	void runDefault_h2AndOutbox_registrationReachesTheCertificateEmail() throws Exception {
		assertThat(jdbc.queryForObject("select H2VERSION()", String.class)).isNotBlank();
		assertThat(mailHost).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER where ID_ in ('reviewer','supervisor','owner','admin')",
				Integer.class)).isEqualTo(4);

		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		driver.review(application, CaseVariables.DECISION_APPROVE, Map.of());

		await().atMost(Duration.ofSeconds(60))
			.until(() -> driver.reload(application).getStatus() == ApplicationStatus.APPROVED
					&& outboxMails().size() == 2);
		List<MimeMessage> mails = outboxMails();
		assertThat(mails).extracting(Mails::subject)
			.anyMatch(subject -> subject.contains("Activate"))
			.anyMatch(subject -> subject.contains("certificate"));
		assertThat(mails).allSatisfy(mail -> assertThat(mail.getAllRecipients()[0].toString())
			.isEqualTo(application.getApplicant().getEmail()));
	}

	@Test
	void runDefault_sessionsAreKeptInH2() {
		Http browser = new Http(port);
		browser.post("/review/api/session", Map.of("username", "reviewer", "password", "reviewer"), null, null)
			.expect(200);
		assertThat(browser.get("/review/api/session", null, null).expect(200).body().path("id").asText())
			.isEqualTo("reviewer");
		assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION_ATTRIBUTES", Long.class))
			.as("the session and its attributes in the database").isPositive();
	}

	private List<MimeMessage> outboxMails() throws IOException {
		if (!Files.isDirectory(outbox)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(outbox)) {
			return files.filter(file -> file.toString().endsWith(".eml")).sorted().map(RunDefaultOnH2IT::read).toList();
		}
	}

	private static MimeMessage read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new MimeMessage(Session.getInstance(new java.util.Properties()), in);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
