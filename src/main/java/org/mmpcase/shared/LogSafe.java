package org.mmpcase.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.mail.MailSendException;

/**
 * Exceptions without their messages, for logs. A message may quote what caused it: PostgreSQL's "Key
 * (username)=(jordan@example.net) already exists", an SMTP server's "550 <jordan@example.net>: recipient rejected".
 * What is left is enough to find the fault: the classes of the chain, and where each was thrown.
 */
public final class LogSafe {

	private static final int MAX_DEPTH = 10;

	private LogSafe() {
	}

	/** {@code MailSendException < SendFailedException < SMTPAddressFailedException}. */
	public static String describe(Throwable failure) {
		List<String> names = new ArrayList<>();
		for (Throwable cause : chain(failure)) {
			names.add(cause.getClass().getSimpleName());
		}
		return String.join(" < ", names);
	}

	/** The same chain of exceptions with the same stack traces, each message replaced by its class name. */
	public static Throwable redacted(Throwable failure) {
		List<Throwable> chain = chain(failure);
		Throwable redacted = null;
		for (int i = chain.size() - 1; i >= 0; i--) {
			Throwable original = chain.get(i);
			Redacted copy = new Redacted(original.getClass().getName(), redacted);
			copy.setStackTrace(original.getStackTrace());
			redacted = copy;
		}
		return redacted;
	}

	private static List<Throwable> chain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		Throwable cause = failure;
		while (cause != null && chain.size() < MAX_DEPTH && !chain.contains(cause)) {
			chain.add(cause);
			Throwable next = cause.getCause();
			// Spring's mail exception keeps the server's answers beside the cause
			if (next == null && cause instanceof MailSendException mail && mail.getMessageExceptions().length > 0) {
				next = mail.getMessageExceptions()[0];
			}
			cause = next;
		}
		return chain;
	}

	/** Stands in for an exception whose message is not logged. */
	static final class Redacted extends RuntimeException {

		Redacted(String originalClass, Throwable cause) {
			super(originalClass + " (message not logged)", cause, false, true);
		}

	}

}
