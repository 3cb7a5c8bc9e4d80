package org.mmpcase.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.mmpcase.support.MovableClock;
import org.mmpcase.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The shared counters behind the login throttle and the e-mail limits, on PostgreSQL, with a clock we move. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ RateLimits.class, RateLimitsTests.Clocks.class })
class RateLimitsTests extends PostgresTest {

	private static final RateLimits.Rule RULE = new RateLimits.Rule(5, Duration.ofMinutes(15), Duration.ofMinutes(1),
			Duration.ofMinutes(3));

	@Autowired
	RateLimits limits;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void fifthFailure_blocks_andEachFurtherBlockIsLonger_upToTheMaximum() {
		String key = "test:growing";
		for (int i = 0; i < 4; i++) {
			assertThat(limits.fail(key, RULE)).isEmpty();
		}
		assertThat(limits.fail(key, RULE)).hasValue(Duration.ofMinutes(1));
		assertThat(limits.blockedFor(key)).hasValue(Duration.ofMinutes(1));
		clock.move(Duration.ofSeconds(30));
		assertThat(limits.blockedFor(key)).hasValue(Duration.ofSeconds(30));
		clock.move(Duration.ofSeconds(31));
		assertThat(limits.blockedFor(key)).isEmpty();

		List<Duration> blocks = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 4; i++) {
				limits.fail(key, RULE);
			}
			Duration block = limits.fail(key, RULE).orElseThrow();
			blocks.add(block);
			clock.move(block.plusSeconds(1));
		}
		assertThat(blocks).containsExactly(Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(3));

		clock.move(Duration.ofHours(1));
		for (int i = 0; i < 4; i++) {
			limits.fail(key, RULE);
		}
		assertThat(limits.fail(key, RULE)).as("a quiet window forgets the earlier blocks").hasValue(Duration.ofMinutes(1));
	}

	@Test
	void failuresOutsideTheWindow_doNotAddUp() {
		String key = "test:window";
		for (int i = 0; i < 4; i++) {
			limits.fail(key, RULE);
		}
		clock.move(Duration.ofMinutes(16));
		assertThat(limits.fail(key, RULE)).isEmpty();
		assertThat(limits.blockedFor(key)).isEmpty();
	}

	@Test
	void reset_forgetsTheFailures_butNotARunningBlock() {
		limits.fail("test:reset", RULE);
		limits.fail("test:reset", RULE);
		limits.reset("test:reset");
		assertThat(jdbc.queryForObject("select count(*) from rate_limit where limit_key = 'test:reset'", Long.class))
			.isZero();
		for (int i = 0; i < 5; i++) {
			limits.fail("test:blocked", RULE);
		}
		limits.reset("test:blocked");
		assertThat(limits.blockedFor("test:blocked")).isPresent();
	}

	@Test
	void tryAcquire_allowsTheMaximum_thenRefuses() {
		RateLimits.Rule three = new RateLimits.Rule(3, Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
		assertThat(List.of(limits.tryAcquire("test:mail", three), limits.tryAcquire("test:mail", three),
				limits.tryAcquire("test:mail", three), limits.tryAcquire("test:mail", three)))
			.containsExactly(true, true, true, false);
	}

	@Test
	void concurrentFailures_onANewKey_areAllCounted() throws Exception {
		RateLimits.Rule many = new RateLimits.Rule(1000, Duration.ofHours(1), Duration.ofMinutes(1),
				Duration.ofMinutes(1));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Object>> tasks = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				tasks.add(() -> limits.fail("test:concurrent", many));
			}
			for (Future<Object> done : pool.invokeAll(tasks)) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.queryForObject("select failures from rate_limit where limit_key = 'test:concurrent'",
				Integer.class)).isEqualTo(40);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		MovableClock clock() {
			return new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));
		}

	}

}
