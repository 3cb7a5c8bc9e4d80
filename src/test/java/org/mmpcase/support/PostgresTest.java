package org.mmpcase.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the application on PostgreSQL: each Spring context gets a fresh database (see
 * {@link TestDatabase}), the shared GreenMail SMTP server and folders of its own for documents and the outbox.
 * <p>
 * The whole-application tests ({@code *IT}) close their context after the class ({@code @DirtiesContext}): the
 * engine REST API and the webapps find their engine by name ({@code default}) in Camunda's static registry, so
 * while several contexts live in one JVM, a cached older context's {@code /engine-rest} answers from the newest
 * context's engine and database (seen: a reviewer's queue without the case just submitted).
 */
public abstract class PostgresTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestDatabase.Database database = TestDatabase.newDatabase();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.datasource.hikari.connection-timeout", () -> "5000");
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", TestMailServer::port);
		Path files = tempDir();
		registry.add("mmp.documents.storage-dir", () -> files.resolve("documents").toString());
		registry.add("mmp.mail.outbox", () -> files.resolve("outbox").toString());
		// the invitation e-mail is sent before certify() returns, so a test can read it at once
		registry.add("mmp.mail.invitation-senders", () -> "0");
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("mmp-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
