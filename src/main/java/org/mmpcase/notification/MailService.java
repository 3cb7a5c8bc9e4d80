package org.mmpcase.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.mmpcase.shared.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Sends e-mails through the configured SMTP server ({@code spring.mail.host}) or, when there is none, writes each
 * message as an {@code .eml} file into the outbox folder, which any mail program opens. So a developer's run
 * needs no mail server and still shows exactly what would have been sent. A failed send throws: the job that sends
 * retries.
 */
@Service
public class MailService {

	private static final Logger log = LoggerFactory.getLogger(MailService.class);

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
		.withZone(ZoneOffset.UTC);

	private final JavaMailSender smtp;

	private final MailProperties properties;

	private final MailTemplates templates;

	private final Clock clock;

	MailService(ObjectProvider<JavaMailSender> mailSender, @Value("${spring.mail.host:}") String host,
			MailProperties properties, MailTemplates templates, Clock clock) {
		// Boot creates a sender even for an empty host; only a real host means SMTP
		this.smtp = StringUtils.hasText(host) ? mailSender.getIfAvailable() : null;
		this.properties = properties;
		this.templates = templates;
		this.clock = clock;
	}

	/** A file to attach. */
	public record Attachment(String filename, String contentType, byte[] content) {

		@Override
		public String toString() {
			return "Attachment[" + filename + ", " + contentType + ", " + content.length + " bytes]";
		}

	}

	/** Renders {@code mail/<template>.txt} (and its {@code .html}, if any) with the model and sends it. */
	public void sendTemplate(String template, String to, Map<String, String> model) {
		sendTemplate(template, to, model, List.of());
	}

	public void sendTemplate(String template, String to, Map<String, String> model, List<Attachment> attachments) {
		MailTemplates.Rendered rendered = templates.render(template, model);
		send(to, rendered.subject(), rendered.body(), rendered.html(), attachments);
	}

	/**
	 * @param html an HTML alternative to the text, or null
	 * @throws MailException when the SMTP server refuses or cannot be reached
	 */
	public void send(String to, String subject, String text, String html, List<Attachment> attachments) {
		try {
			MimeMessage message = smtp != null ? smtp.createMimeMessage()
					: new MimeMessage(Session.getInstance(new Properties()));
			MimeMessageHelper helper = new MimeMessageHelper(message, html != null || !attachments.isEmpty(),
					"UTF-8");
			helper.setFrom(properties.from());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setSentDate(java.util.Date.from(clock.instant()));
			if (html != null) {
				helper.setText(text, html);
			}
			else {
				helper.setText(text);
			}
			for (Attachment attachment : attachments) {
				helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
						attachment.contentType());
			}
			if (smtp != null) {
				try {
					smtp.send(message);
				}
				catch (MailException ex) {
					// the server's answer may quote the recipient's address; the engine logs this exception and keeps
					// its message with the failed job, so only the kinds of failure travel on
					throw new MailSendException("The SMTP server did not take the e-mail (" + LogSafe.describe(ex) + ")");
				}
				log.info("E-mail sent by SMTP");
			}
			else {
				Path file = writeToOutbox(message);
				log.info("E-mail written to the outbox as {}", file.getFileName());
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Could not build the e-mail", ex);
		}
	}

	private Path writeToOutbox(MimeMessage message) throws MessagingException {
		Path outbox = properties.outbox();
		Path file = outbox.resolve(FILE_TIME.format(clock.instant()) + "-" + UUID.randomUUID() + ".eml");
		try {
			Files.createDirectories(outbox);
			message.saveChanges();
			// written under another name first: whoever watches the folder never opens half a message
			Path temp = Files.createTempFile(outbox, ".mail-", ".tmp");
			try (OutputStream out = Files.newOutputStream(temp)) {
				message.writeTo(out);
			}
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the e-mail to the outbox " + outbox, ex);
		}
	}

}
