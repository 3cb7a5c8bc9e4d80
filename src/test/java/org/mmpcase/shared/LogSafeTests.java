package org.mmpcase.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;

/**
 * Values never reach the logs through exception messages: PostgreSQL leaves the values out of a constraint error,
 * and what the API logs of an unexpected exception is its classes and stack, not its messages.
 */
class LogSafeTests extends ProcessTest {

	@Autowired
	DataSource dataSource;

	@Test
	void postgresConstraintError_doesNotQuoteTheValues() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("create temporary table log_safe_probe (email varchar(100) primary key)");
		String email = "quillon.marchbanks@example.net";
		// bound as a parameter, as JPA and the engine do
		jdbc.update("insert into log_safe_probe values (?)", email);
		assertThatThrownBy(() -> jdbc.update("insert into log_safe_probe values (?)", email))
			.satisfies(failure -> assertThat(stackTrace(failure)).contains("log_safe_probe_pkey")
				.doesNotContain("quillon.marchbanks"));
	}

	@Test
	void redacted_keepsClassesAndFrames_dropsMessages() {
		IllegalStateException failure = new IllegalStateException("could not save jordan@example.net",
				new MailSendException(Map.of(new Object(), new Exception("550 <jordan@example.net> rejected"))));

		String logged = stackTrace(LogSafe.redacted(failure));

		assertThat(logged).doesNotContain("jordan")
			.contains("java.lang.IllegalStateException", "org.springframework.mail.MailSendException",
					"LogSafeTests.redacted_keepsClassesAndFrames_dropsMessages");
		assertThat(LogSafe.describe(failure)).isEqualTo("IllegalStateException < MailSendException < Exception");
	}

	private static String stackTrace(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

}
