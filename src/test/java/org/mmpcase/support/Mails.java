package org.mmpcase.support;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Reads what the app sent to the test SMTP server. */
public final class Mails {

	private Mails() {
	}

	/**
	 * Runs {@code work} while the app's mail server cannot be reached (the sender points at a port nobody listens
	 * on), then points it back.
	 */
	public static <T> T whileServerDown(JavaMailSenderImpl sender, java.util.function.Supplier<T> work) {
		int port = sender.getPort();
		try (java.net.ServerSocket unused = new java.net.ServerSocket(0)) {
			sender.setPort(unused.getLocalPort());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		try {
			return work.get();
		}
		finally {
			sender.setPort(port);
		}
	}

	public static List<MimeMessage> to(String recipient) {
		return Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(message -> recipients(message).contains(recipient))
			.toList();
	}

	/** Payment receipts sent to the recipient. */
	public static List<MimeMessage> receiptsTo(String recipient) {
		return to(recipient).stream().filter(mail -> subject(mail).startsWith("Receipt")).toList();
	}

	/**
	 * The receipts to the recipient once there are {@code count}: a receipt follows the payment's event after its
	 * transaction committed, on another thread.
	 */
	public static List<MimeMessage> awaitReceiptsTo(String recipient, int count) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> receiptsTo(recipient).size() >= count);
		return receiptsTo(recipient);
	}

	public static MimeMessage lastTo(String recipient) {
		List<MimeMessage> mails = to(recipient);
		if (mails.isEmpty()) {
			throw new AssertionError("no e-mail to " + recipient);
		}
		return mails.get(mails.size() - 1);
	}

	/** The subjects of the e-mails to {@code recipient}, in the order they came. */
	public static List<String> subjectsTo(String recipient) {
		return to(recipient).stream().map(Mails::subject).toList();
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The plain-text body, decoded. */
	public static String text(Part part) {
		try {
			if (part.isMimeType("text/plain")) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					String text = text(body);
					if (text != null) {
						return text;
					}
				}
			}
			return null;
		}
		catch (MessagingException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String recipients(MimeMessage message) {
		try {
			return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
