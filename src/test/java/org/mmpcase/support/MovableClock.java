package org.mmpcase.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock that stands still until a test moves it; safe to read from several threads. */
public final class MovableClock extends Clock {

	private final AtomicReference<Instant> now;

	public MovableClock(Instant now) {
		this.now = new AtomicReference<>(now);
	}

	public void move(Duration by) {
		now.updateAndGet(instant -> instant.plus(by));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return now.get();
	}

}
