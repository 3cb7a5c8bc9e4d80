package org.mmpcase.notification;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the e-mail steps of the processes retry while the mail server is down: {@code mmp.mail.retry-cycle}, which
 * their {@code failedJobRetryTimeCycle} names as {@code ${mailRetry.cycle}}. The default {@code R5/PT5M} tries five
 * more times, five minutes apart; after the last, the job has an incident (Cockpit) and waits for someone to retry
 * it. A list of waits ({@code PT1M,PT10M,PT1H}) works too. Checked at start-up, so a typo does not surface only when
 * the mail server first fails.
 */
@Component("mailRetry")
public class MailRetry {

	private static final Pattern REPEAT = Pattern.compile("R(\\d+)/(P\\S+)");

	private final String cycle;

	MailRetry(@Value("${mmp.mail.retry-cycle:R5/PT5M}") String cycle) {
		this.cycle = validated(cycle.strip());
	}

	public String getCycle() {
		return cycle;
	}

	static String validated(String cycle) {
		try {
			Matcher repeat = REPEAT.matcher(cycle);
			if (repeat.matches()) {
				Duration.parse(repeat.group(2));
				return cycle;
			}
			for (String wait : cycle.split(",", -1)) {
				Duration.parse(wait.strip());
			}
			return cycle;
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("mmp.mail.retry-cycle must be R<times>/<ISO-8601 duration> (R5/PT5M) "
					+ "or a list of durations (PT1M,PT10M), not '" + cycle + "'", ex);
		}
	}

}
