package org.mmpcase.certificate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed verification look-ups per client and locks a client out after too many: guessing registration
 * numbers must not be a way to list the registry. In the database ({@code verification_client},
 * {@code verification_failure}), so that every app node counts the same look-ups: behind a load balancer a client
 * gets no more attempts than from one node. A client is locked out when {@code maxFailures} unknown look-ups fall
 * within the last {@code failureWindow} (a sliding window, as the counts in memory were before); each failure is
 * counted in a transaction of its own that holds the client's row, so concurrent failures on any nodes are counted
 * one after the other and a failure that comes while the client is locked is refused, not counted.
 * <p>
 * Stored: the client address (as the look-up log has it, at most 100 characters) and the times of its unknown
 * look-ups; never the numbers looked up.
 */
@Component
class LookupLimiter {

	/** What counting a failure found. */
	enum Failure {

		/** counted, the client may go on */
		COUNTED,
		/** counted, and the client is locked out from now on */
		LOCKED_NOW,
		/** the client was already locked out (by a look-up on another thread or node): not counted */
		ALREADY_LOCKED

	}

	private final VerificationProperties properties;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private volatile Boolean postgres;

	LookupLimiter(VerificationProperties properties, Clock clock, JdbcTemplate jdbc,
			PlatformTransactionManager transactions) {
		this.properties = properties;
		this.clock = clock;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** How long the client must still wait, if it is locked out. */
	Optional<Duration> lockedFor(String client) {
		List<Timestamp> until = jdbc.queryForList("select locked_until from verification_client where client = ?",
				Timestamp.class, key(client));
		return remaining(until.isEmpty() ? null : until.get(0), clock.instant());
	}

	/** Records a failed look-up; returns whether the client is locked out from now on. */
	boolean failed(String client) {
		return count(client) != Failure.COUNTED;
	}

	/** Records a failed look-up, unless the client is locked out already. */
	Failure count(String client) {
		String key = key(client);
		return transaction.execute(status -> {
			Instant now = clock.instant();
			// creates the client's row or touches it, in one statement; either way the row is ours until commit
			jdbc.update(postgres()
					? "insert into verification_client (client, updated_at) values (?, ?) "
							+ "on conflict (client) do update set updated_at = excluded.updated_at"
					: "merge into verification_client (client, updated_at) key (client) values (?, ?)", key,
					Timestamp.from(now));
			Timestamp lockedUntil = jdbc.queryForObject(
					"select locked_until from verification_client where client = ?", Timestamp.class, key);
			if (remaining(lockedUntil, now).isPresent()) {
				return Failure.ALREADY_LOCKED;
			}
			jdbc.update("delete from verification_failure where client = ? and failed_at <= ?", key,
					Timestamp.from(now.minus(properties.failureWindow())));
			jdbc.update("insert into verification_failure (client, failed_at) values (?, ?)", key,
					Timestamp.from(now));
			long failures = jdbc.queryForObject("select count(*) from verification_failure where client = ?",
					Long.class, key);
			if (failures < properties.maxFailures()) {
				return Failure.COUNTED;
			}
			jdbc.update("update verification_client set locked_until = ? where client = ?",
					Timestamp.from(now.plus(properties.lockout())), key);
			jdbc.update("delete from verification_failure where client = ?", key);
			return Failure.LOCKED_NOW;
		});
	}

	/**
	 * Forgets failures older than the window and clients quiet for longer than the window and the lock-out; on
	 * every node (a delete of what is over anyway, safe to run twice at once; a client's row being counted is
	 * locked and touched, so it is not deleted under the count).
	 */
	@Scheduled(initialDelayString = "${mmp.verification.cleanup-interval:PT10M}",
			fixedDelayString = "${mmp.verification.cleanup-interval:PT10M}")
	int forgetQuietClients() {
		Instant now = clock.instant();
		int failures = jdbc.update("delete from verification_failure where failed_at <= ?",
				Timestamp.from(now.minus(properties.failureWindow())));
		int clients = jdbc.update(
				"delete from verification_client where updated_at < ? and (locked_until is null or locked_until <= ?)",
				Timestamp.from(now.minus(properties.failureWindow().plus(properties.lockout()))), Timestamp.from(now));
		return failures + clients;
	}

	private static Optional<Duration> remaining(Timestamp until, Instant now) {
		if (until == null || !now.isBefore(until.toInstant())) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, until.toInstant()));
	}

	private static String key(String client) {
		String address = client == null ? "unknown" : client;
		return address.substring(0, Math.min(address.length(), 100));
	}

	private boolean postgres() {
		Boolean known = postgres;
		if (known == null) {
			known = jdbc.execute((ConnectionCallback<Boolean>) connection -> connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(java.util.Locale.ROOT)
				.contains("postgres"));
			postgres = known;
		}
		return known;
	}

}
