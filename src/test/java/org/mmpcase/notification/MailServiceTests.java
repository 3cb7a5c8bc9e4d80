package org.mmpcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;

class MailServiceTests {

	@TempDir
	Path dir;

	@Test
	void noMailHost_templateWrittenToTheOutboxAsAMessageThatParsesBack() throws Exception {
		MailService mail = mailService(dir.resolve("outbox"));

		mail.sendTemplate("information-requested", "pat@example.org",
				Map.of("applicantName", "Zoë Doe", "applicationNumber", "A-7KQ3-M9XT", "informationRequest",
						"Please upload a utility bill.", "statusUrl", "http://localhost:8080/api/applications/A-7KQ3-M9XT"));

		MimeMessage message = parse(onlyFile(dir.resolve("outbox")));
		assertThat(message.getSubject()).isEqualTo("We need more information for your application");
		assertThat(((InternetAddress) message.getAllRecipients()[0]).getAddress()).isEqualTo("pat@example.org");
		assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("mmp-registry@localhost");
		assertThat((String) message.getContent()).contains("Dear Zoë Doe,").contains("utility bill");
		assertThat(message.getSentDate()).isEqualTo(java.util.Date.from(Instant.parse("2026-03-15T12:00:00Z")));
	}

	@Test
	void htmlAndAttachment_multipartMessage() throws Exception {
		MailService mail = mailService(dir);

		mail.send("pat@example.org", "Your certificate", "See the attachment.", "<p>See the attachment.</p>",
				List.of(new MailService.Attachment("certificate.pdf", "application/pdf",
						"%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII))));

		MimeMessage message = parse(onlyFile(dir));
		assertThat(message.getContent()).isInstanceOf(Multipart.class);
		assertThat(message.getContentType()).startsWith("multipart/mixed");
	}

	@SuppressWarnings("unchecked")
	private static MailService mailService(Path outbox) {
		return new MailService(mock(ObjectProvider.class), "",
				new MailProperties("MMP Registry <mmp-registry@localhost>", outbox, java.util.List.of(), null), new MailTemplates(),
				Clock.fixed(Instant.parse("2026-03-15T12:00:00Z"), ZoneOffset.UTC));
	}

	private static Path onlyFile(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			List<Path> all = files.toList();
			assertThat(all).singleElement().satisfies(file -> assertThat(file.toString()).endsWith(".eml"));
			return all.get(0);
		}
	}

	private static MimeMessage parse(Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			return new MimeMessage(Session.getInstance(new Properties()), in);
		}
	}

}
