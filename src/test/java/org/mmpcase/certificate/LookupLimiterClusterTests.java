package org.mmpcase.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verification lock-out with two app nodes on one PostgreSQL: each node its own connection pool, transactions
 * and limiter, nothing shared but the database (as two hosts behind a load balancer).
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LookupLimiterClusterTests extends PostgresTest {

	private static final VerificationProperties FIVE_IN_FIVE_MINUTES = new VerificationProperties(5,
			Duration.ofMinutes(5), Duration.ofMinutes(5), 1000);

	@Autowired
	DataSource dataSource;

	private final List<HikariDataSource> pools = new ArrayList<>();

	private LookupLimiter node1;

	private LookupLimiter node2;

	@BeforeEach
	void twoNodes() throws Exception {
		HikariDataSource shared = dataSource.unwrap(HikariDataSource.class);
		node1 = node(shared.getJdbcUrl(), shared.getUsername(), shared.getPassword());
		node2 = node(shared.getJdbcUrl(), shared.getUsername(), shared.getPassword());
	}

	@AfterEach
	void close() {
		pools.forEach(HikariDataSource::close);
	}

	@Test
	void threeUnknownOnNode1_twoOnNode2_lockedOutOnBoth() {
		for (int i = 0; i < 3; i++) {
			assertThat(node1.failed("198.51.100.7")).isFalse();
		}
		assertThat(node2.failed("198.51.100.7")).isFalse();
		assertThat(node1.lockedFor("198.51.100.7")).isEmpty();
		assertThat(node2.lockedFor("198.51.100.7")).isEmpty();

		assertThat(node2.failed("198.51.100.7")).as("the fifth, on node 2").isTrue();

		assertThat(node1.lockedFor("198.51.100.7")).hasValueSatisfying(wait -> assertThat(wait)
			.isGreaterThan(Duration.ofMinutes(4)).isLessThanOrEqualTo(Duration.ofMinutes(5)));
		assertThat(node2.lockedFor("198.51.100.7")).isPresent();
		assertThat(node1.lockedFor("198.51.100.8")).as("another client").isEmpty();
	}

	@Test
	void manyUnknownLookUpsAtOnceOnBothNodes_onlyTheLimitIsCounted_theRestRefused() throws Exception {
		List<LookupLimiter.Failure> outcomes = atOnce(40, i -> (i % 2 == 0 ? node1 : node2).count("203.0.113.9"));

		assertThat(outcomes).filteredOn(LookupLimiter.Failure.COUNTED::equals).hasSize(4);
		assertThat(outcomes).filteredOn(LookupLimiter.Failure.LOCKED_NOW::equals).hasSize(1);
		assertThat(outcomes).filteredOn(LookupLimiter.Failure.ALREADY_LOCKED::equals).hasSize(35);
		assertThat(node1.lockedFor("203.0.113.9")).isPresent();
		assertThat(node2.lockedFor("203.0.113.9")).isPresent();
	}

	@Test
	void onH2_theRunDefault_countsAndLocksTheSame() throws Exception {
		DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:lookups;DB_CLOSE_DELAY=-1", "sa", "");
		new ResourceDatabasePopulator(new ClassPathResource("db/migration/V15__verification_lockout.sql")).execute(h2);
		LookupLimiter limiter = new LookupLimiter(FIVE_IN_FIVE_MINUTES, Clock.systemUTC(), new JdbcTemplate(h2),
				new DataSourceTransactionManager(h2));

		List<LookupLimiter.Failure> outcomes = atOnce(12, i -> limiter.count("192.0.2.1"));

		assertThat(outcomes).filteredOn(LookupLimiter.Failure.ALREADY_LOCKED::equals).hasSize(7);
		assertThat(limiter.lockedFor("192.0.2.1")).isPresent();
		assertThat(limiter.lockedFor("192.0.2.2")).isEmpty();
	}

	private LookupLimiter node(String url, String username, String password) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(username);
		pool.setPassword(password);
		pool.setMaximumPoolSize(10);
		pools.add(pool);
		return new LookupLimiter(FIVE_IN_FIVE_MINUTES, Clock.systemUTC(), new JdbcTemplate(pool),
				new DataSourceTransactionManager(pool));
	}

	interface Step {

		LookupLimiter.Failure run(int i) throws Exception;

	}

	/** Runs the steps on as many threads, all released at the same moment. */
	private static List<LookupLimiter.Failure> atOnce(int threads, Step step) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<LookupLimiter.Failure>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int n = i;
				Callable<LookupLimiter.Failure> task = () -> {
					start.await();
					return step.run(n);
				};
				futures.add(pool.submit(task));
			}
			start.countDown();
			List<LookupLimiter.Failure> outcomes = new ArrayList<>();
			for (Future<LookupLimiter.Failure> future : futures) {
				outcomes.add(future.get(60, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
