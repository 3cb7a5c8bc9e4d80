package org.mmpcase.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters of failures (wrong passwords, e-mails asked for) per key, in the database ({@code rate_limit}) so that
 * all app nodes share them: two nodes behind a load balancer must not double an attacker's attempts, and a restart
 * must not reset them. Each change runs in a transaction of its own and locks the key's row, so concurrent
 * failures are all counted. A key that reaches the maximum within the window is blocked, for a period that doubles
 * with each block (up to a maximum); a window without failures forgets the earlier blocks. Rows of keys quiet for a
 * day are deleted by a scheduled cleanup.
 */
@Component
public class RateLimits {

	/** After {@code maxFailures} within {@code window}: blocked for {@code block}, doubling up to {@code maxBlock}. */
	public record Rule(int maxFailures, Duration window, Duration block, Duration maxBlock) {
	}

	private static final Duration KEEP = Duration.ofDays(1);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	RateLimits(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** How long the key is still blocked, if it is. */
	public Optional<Duration> blockedFor(String key) {
		List<Timestamp> until = jdbc.queryForList("select blocked_until from rate_limit where limit_key = ?",
				Timestamp.class, key);
		Instant now = clock.instant();
		return until.stream()
			.filter(value -> value != null && value.toInstant().isAfter(now))
			.map(value -> Duration.between(now, value.toInstant()))
			.findFirst();
	}

	/** Counts a failure; returns the block it caused, if this was one too many. */
	public Optional<Duration> fail(String key, Rule rule) {
		for (int attempt = 0; attempt < 3; attempt++) {
			ensureRow(key);
			Optional<Optional<Duration>> counted = transaction
				.execute(status -> lock(key).map(row -> count(key, row, rule)));
			if (counted.isPresent()) {
				return counted.get();
			}
			// a reset removed the row in between: create it again
		}
		throw new IllegalStateException("rate_limit row for a key could not be locked");
	}

	/** One more failure on the locked row; a block when it reaches the maximum. */
	private Optional<Duration> count(String key, Row row, Rule rule) {
		Instant now = clock.instant();
		int failures = row.failures;
		Instant windowStart = row.windowStart;
		int blocks = row.blocks;
		if (!windowStart.plus(rule.window()).isAfter(now)) {
			boolean blockedRecently = row.blockedUntil != null
					&& row.blockedUntil.plus(rule.window()).isAfter(now);
			failures = 0;
			windowStart = now;
			blocks = blockedRecently ? blocks : 0;
		}
		failures++;
		Instant blockedUntil = row.blockedUntil;
		Optional<Duration> block = Optional.empty();
		if (failures >= rule.maxFailures()) {
			blocks++;
			Duration length = rule.block().multipliedBy(1L << Math.min(blocks - 1, 20));
			if (length.compareTo(rule.maxBlock()) > 0) {
				length = rule.maxBlock();
			}
			blockedUntil = now.plus(length);
			block = Optional.of(length);
			failures = 0;
			windowStart = now;
		}
		jdbc.update("update rate_limit set failures = ?, window_start = ?, blocked_until = ?, blocks = ?, "
				+ "updated_at = ? where limit_key = ?", failures, Timestamp.from(windowStart),
				blockedUntil == null ? null : Timestamp.from(blockedUntil), blocks, Timestamp.from(now), key);
		return block;
	}

	/**
	 * Counts one use of something limited (an e-mail sent): false, and nothing counted, when the key is blocked;
	 * the use that reaches the maximum is still allowed and blocks the next ones.
	 */
	public boolean tryAcquire(String key, Rule rule) {
		if (blockedFor(key).isPresent()) {
			return false;
		}
		fail(key, rule);
		return true;
	}

	/** Forgets the key's failures (a successful login). */
	public void reset(String key) {
		transaction.executeWithoutResult(status -> jdbc.update(
				"delete from rate_limit where limit_key = ? and (blocked_until is null or blocked_until < ?)", key,
				Timestamp.from(clock.instant())));
	}

	/**
	 * The key's row, created when missing, in a transaction of its own (on PostgreSQL a failed insert would spoil
	 * the transaction that counts); a concurrent request that created it first is fine.
	 */
	private void ensureRow(String key) {
		Instant now = clock.instant();
		try {
			transaction.executeWithoutResult(status -> {
				if (jdbc.queryForObject("select count(*) from rate_limit where limit_key = ?", Long.class, key) > 0) {
					return;
				}
				jdbc.update("insert into rate_limit (limit_key, failures, window_start, blocks, updated_at) "
						+ "values (?, 0, ?, 0, ?)", key, Timestamp.from(now), Timestamp.from(now));
			});
		}
		catch (DuplicateKeyException raced) {
			// another request created the row first
		}
	}

	/**
	 * Deletes the rows of keys quiet for a day and not blocked; on every node (a delete of what is over anyway, safe to
	 * run twice at once; a row being counted is locked and then touched, so it stays).
	 */
	@Scheduled(initialDelayString = "${mmp.accounts.rate-limit-cleanup:PT1H}",
			fixedDelayString = "${mmp.accounts.rate-limit-cleanup:PT1H}")
	int forgetQuietKeys() {
		Instant now = clock.instant();
		return jdbc.update("delete from rate_limit where updated_at < ? and (blocked_until is null or blocked_until < ?)",
				Timestamp.from(now.minus(KEEP)), Timestamp.from(now));
	}

	private Optional<Row> lock(String key) {
		List<Row> rows = jdbc.query(
				"select failures, window_start, blocked_until, blocks from rate_limit where limit_key = ? for update",
				(rs, n) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant(),
						rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getInt(4)),
				key);
		return rows.stream().findFirst();
	}

	private record Row(int failures, Instant windowStart, Instant blockedUntil, int blocks) {
	}

}
