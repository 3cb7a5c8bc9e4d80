package org.mmpcase.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The login throttle with two app nodes on one PostgreSQL: each node its own connection pool, counters and password
 * check, nothing shared but the database (as two hosts behind a load balancer). 5 wrong passwords per account.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LoginThrottleClusterTests extends PostgresTest {

	private static final String RIGHT = "right horse battery staple";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	private final List<HikariDataSource> pools = new ArrayList<>();

	private final Passwords passwords1 = new Passwords();

	private final Passwords passwords2 = new Passwords();

	private ThrottlingAuthenticationProvider node1;

	private ThrottlingAuthenticationProvider node2;

	@BeforeEach
	void twoNodes() throws Exception {
		jdbc.update("delete from rate_limit");
		HikariDataSource shared = dataSource.unwrap(HikariDataSource.class);
		node1 = node(shared, passwords1, 5);
		node2 = node(shared, passwords2, 5);
	}

	@AfterEach
	void close() {
		pools.forEach(HikariDataSource::close);
	}

	@Test
	void threeWrongPasswordsOnNode1_twoOnNode2_loginsRefusedOnBoth() {
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> node1.authenticate(login("ana@example.org", "wrong on node 1")))
				.isInstanceOf(BadCredentialsException.class);
		}
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> node2.authenticate(login("ana@example.org", "wrong on node 2")))
				.isInstanceOf(BadCredentialsException.class);
		}

		assertThatThrownBy(() -> node1.authenticate(login("ana@example.org", RIGHT)))
			.isInstanceOf(LoginThrottledException.class);
		assertThatThrownBy(() -> node2.authenticate(login("ana@example.org", RIGHT)))
			.isInstanceOf(LoginThrottledException.class);
		assertThat(passwords1.checked + passwords2.checked).as("throttled logins are refused unchecked").isEqualTo(5);
		assertThat(node2.authenticate(login("ben@example.org", RIGHT)).isAuthenticated()).as("another account").isTrue();
	}

	@Test
	void rightPasswordLetInBeforeTheLimit_decidedAfterWrongOnesReachedItOnTheOtherNode_refused() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			passwords1.holdRightOnes();
			Future<Authentication> right = pool.submit(() -> node1.authenticate(login("cleo@example.org", RIGHT)));
			assertThat(passwords1.rightOneHeld.await(30, TimeUnit.SECONDS)).isTrue();
			List<Future<?>> wrong = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				int n = i;
				wrong.add(pool.submit(() -> node2.authenticate(login("cleo@example.org", "wrong" + n))));
			}
			for (Future<?> attempt : wrong) {
				assertThatThrownBy(() -> attempt.get(30, TimeUnit.SECONDS))
					.hasCauseInstanceOf(BadCredentialsException.class);
			}
			passwords1.releaseRightOnes.countDown();

			assertThatThrownBy(() -> right.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(LoginThrottledException.class);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void manyWrongPasswordsAtOnceOnBothNodes_allCounted() throws Exception {
		HikariDataSource shared = dataSource.unwrap(HikariDataSource.class);
		ThrottlingAuthenticationProvider tolerant1 = node(shared, passwords1, 100);
		ThrottlingAuthenticationProvider tolerant2 = node(shared, passwords2, 100);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> attempts = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				ThrottlingAuthenticationProvider node = i % 2 == 0 ? tolerant1 : tolerant2;
				attempts.add(pool.submit(() -> {
					start.await();
					try {
						return node.authenticate(login("dora@example.org", "wrong"));
					}
					catch (BadCredentialsException expected) {
						return null;
					}
				}));
			}
			start.countDown();
			for (Future<?> attempt : attempts) {
				attempt.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.queryForObject(
				"select failures from rate_limit where limit_key = 'login:account:dora@example.org'", Integer.class))
			.isEqualTo(40);
	}

	private ThrottlingAuthenticationProvider node(HikariDataSource shared, Passwords passwords, int maxFailures) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(shared.getJdbcUrl());
		pool.setUsername(shared.getUsername());
		pool.setPassword(shared.getPassword());
		pool.setMaximumPoolSize(8);
		pools.add(pool);
		RateLimits limits = new RateLimits(new JdbcTemplate(pool), new DataSourceTransactionManager(pool),
				Clock.systemUTC());
		AccountProperties properties = new AccountProperties(Duration.ofHours(1), new AccountProperties.Throttle(
				maxFailures, 1000, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1)), 3);
		return new ThrottlingAuthenticationProvider(passwords, new LoginThrottle(limits, properties));
	}

	private static Authentication login(String username, String password) {
		UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.unauthenticated(username,
				password);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("198.51.100.20");
		login.setDetails(new WebAuthenticationDetails(request));
		return login;
	}

	/** The password check of a node: one password is right; the right ones can be held until released. */
	private static final class Passwords implements AuthenticationProvider {

		volatile int checked;

		private volatile boolean hold;

		final CountDownLatch rightOneHeld = new CountDownLatch(1);

		final CountDownLatch releaseRightOnes = new CountDownLatch(1);

		void holdRightOnes() {
			hold = true;
		}

		@Override
		public synchronized Authentication authenticate(Authentication authentication) {
			checked++;
			if (!RIGHT.equals(authentication.getCredentials())) {
				throw new BadCredentialsException("Bad credentials");
			}
			if (hold) {
				rightOneHeld.countDown();
				try {
					releaseRightOnes.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
					AuthorityUtils.NO_AUTHORITIES);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return true;
		}

	}

}
