package org.mmpcase.account;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login refused without checking the password, because of too many wrong ones before. */
public class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	public LoginThrottledException(Duration retryAfter) {
		super("Too many failed sign-in attempts. Try again in " + describe(retryAfter) + ".");
		this.retryAfter = retryAfter;
	}

	public long retryAfterSeconds() {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

	private static String describe(Duration wait) {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		if (seconds < 90) {
			return seconds + " seconds";
		}
		return ((seconds + 59) / 60) + " minutes";
	}

}
