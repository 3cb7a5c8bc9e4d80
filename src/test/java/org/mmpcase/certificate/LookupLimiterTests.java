package org.mmpcase.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.MovableClock;
import org.mmpcase.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The verification lock-out on one node, counted in PostgreSQL, with a clock we move. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LookupLimiterTests extends PostgresTest {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-03-15T12:00:00Z"));

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private LookupLimiter limiter;

	@BeforeEach
	void freshCounts() {
		jdbc.update("delete from verification_failure");
		jdbc.update("delete from verification_client");
		limiter = new LookupLimiter(new VerificationProperties(5, Duration.ofMinutes(5), Duration.ofMinutes(5), 1000),
				clock, jdbc, transactions);
	}

	@Test
	void fifthFailureWithinFiveMinutes_locksOutForFiveMinutes() {
		for (int i = 0; i < 4; i++) {
			assertThat(limiter.failed("a")).isFalse();
		}
		assertThat(limiter.failed("a")).isTrue();
		assertThat(limiter.lockedFor("a")).contains(Duration.ofMinutes(5));
		assertThat(limiter.lockedFor("b")).isEmpty();

		clock.move(Duration.ofMinutes(5));
		assertThat(limiter.lockedFor("a")).isEmpty();
	}

	@Test
	void failuresSpreadOverMoreThanTheWindow_doNotLockOut() {
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.failed("a")).isFalse();
			clock.move(Duration.ofMinutes(2));
		}
		assertThat(limiter.lockedFor("a")).isEmpty();
	}

	@Test
	void masked_showsOnlyTheLastFourCharacters() {
		assertThat(VerificationService.masked("mmp 7kq3 m9xt")).isEqualTo("MMP-****-M9XT");
		assertThat(VerificationService.masked("anything\nelse")).isEqualTo("(not a registration number)");
	}

}
