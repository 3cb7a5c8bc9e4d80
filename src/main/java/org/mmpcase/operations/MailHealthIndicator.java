package org.mmpcase.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * {@code mail}: with an SMTP host, the server accepts a connection; without one, the outbox folder the e-mails are
 * written to is writable. A mail server that is away is {@code DEGRADED}, not DOWN: the e-mails wait in their jobs'
 * retries and go out when it is back, so the node should keep serving.
 */
@Component("mailHealthIndicator")
class MailHealthIndicator extends AbstractHealthIndicator {

	private final JavaMailSenderImpl smtp;

	private final String host;

	private final Path outbox;

	MailHealthIndicator(ObjectProvider<JavaMailSenderImpl> smtp, @Value("${spring.mail.host:}") String host,
			@Value("${mmp.mail.outbox:./data/outbox}") Path outbox) {
		super("The mail check failed");
		this.host = host;
		this.smtp = host.isBlank() ? null : smtp.getIfAvailable();
		this.outbox = outbox;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (smtp != null) {
			builder.withDetail("smtp", host + ":" + smtp.getPort());
			try {
				smtp.testConnection();
				builder.up();
			}
			catch (Exception ex) {
				builder.status(HealthStatuses.DEGRADED)
					.withDetail("problem", "the SMTP server does not answer; e-mails are retried")
					.withDetail("error", ex.getClass().getSimpleName());
			}
			return;
		}
		builder.withDetail("outbox", outbox.toAbsolutePath().normalize().toString());
		try {
			Files.createDirectories(outbox);
			Files.delete(Files.createTempFile(outbox, ".health-", ".tmp"));
			builder.up();
		}
		catch (IOException | RuntimeException ex) {
			builder.down().withDetail("problem", "the outbox folder is not writable");
		}
	}

}
