package org.mmpcase.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An SMTP server (GreenMail) on a fixed port that a test takes down and brings back, as a mail server that goes away
 * for a while. What it received while up is kept across restarts.
 */
final class SwitchableMailServer implements AutoCloseable {

	private final int port;

	/** What earlier runs received: GreenMail forgets its messages when it stops. */
	private final List<MimeMessage> earlier = new ArrayList<>();

	private GreenMail current;

	SwitchableMailServer() {
		try (ServerSocket free = new ServerSocket(0)) {
			this.port = free.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return port;
	}

	synchronized void up() {
		if (current == null) {
			current = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			current.start();
		}
	}

	synchronized void down() {
		if (current != null) {
			earlier.addAll(Arrays.asList(current.getReceivedMessages()));
			current.stop();
			current = null;
		}
	}

	/** Every message received, in every run of the server. */
	synchronized List<MimeMessage> received() {
		List<MimeMessage> all = new ArrayList<>(earlier);
		if (current != null) {
			all.addAll(Arrays.asList(current.getReceivedMessages()));
		}
		return all;
	}

	List<String> subjectsTo(String recipient) {
		return received().stream().filter(message -> recipients(message).contains(recipient)).map(message -> {
			try {
				return message.getSubject();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String recipients(MimeMessage message) {
		try {
			return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		down();
	}

}
