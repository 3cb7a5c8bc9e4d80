package org.mmpcase.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;

import org.mmpcase.registration.CaseStarter;
import org.springframework.stereotype.Component;

/**
 * Turns the review's durations (set in the model, ISO-8601 like {@code P21D}) into the due and follow-up dates of
 * the review task, so Tasklist sorts by the same clock the timers run on. Used in the BPMN as
 * {@code ${reviewSchedule.after(reviewSla)}}.
 */
@Component("reviewSchedule")
public class ReviewSchedule {

	private final Clock clock;

	ReviewSchedule(Clock clock) {
		this.clock = clock;
	}

	public Date after(String isoDuration) {
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(CaseStarter.PROGRAM_ZONE));
		String value = isoDuration.trim();
		int time = value.indexOf('T');
		if (time < 0) {
			return Date.from(now.plus(Period.parse(value)).toInstant());
		}
		Period days = time > 1 ? Period.parse(value.substring(0, time)) : Period.ZERO;
		Duration hours = Duration.parse("P" + value.substring(time));
		return Date.from(now.plus(days).plus(hours).toInstant());
	}

}
