package org.mmpcase.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class ConcurrentChangesTests {

	private final CountingTransactions transactions = new CountingTransactions();

	private final ConcurrentChanges changes = new ConcurrentChanges(transactions);

	@Test
	void lostRace_runAgainInANewTransaction_resultOfTheRunThatWon() {
		AtomicInteger runs = new AtomicInteger();
		String result = changes.retrying("test", () -> {
			if (runs.incrementAndGet() < 3) {
				throw new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed");
			}
			return "done";
		});
		assertThat(result).isEqualTo("done");
		assertThat(runs).hasValue(3);
		assertThat(transactions.rolledBack).as("each lost run rolled back").hasValue(2);
		assertThat(transactions.committed).hasValue(1);
	}

	@Test
	void keepsLosing_givesUpAfterFourRuns_withTheConflict() {
		AtomicInteger runs = new AtomicInteger();
		assertThatThrownBy(() -> changes.retrying("test", () -> {
			runs.incrementAndGet();
			throw new ObjectOptimisticLockingFailureException("Application", 1L);
		})).isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(runs).hasValue(ConcurrentChanges.ATTEMPTS);
	}

	@Test
	void otherFailures_notRunAgain() {
		AtomicInteger runs = new AtomicInteger();
		assertThatThrownBy(() -> changes.retrying("test", () -> {
			runs.incrementAndGet();
			throw new ConflictException("That step is no longer the current one");
		})).isInstanceOf(ConflictException.class);
		assertThat(runs).hasValue(1);
		assertThat(transactions.rolledBack).hasValue(1);
	}

	@Test
	void concurrentChange_foundAlsoAsACause() {
		assertThat(ConcurrentChanges
			.isConcurrentChange(new IllegalStateException("wrapped", new OptimisticLockingException("lost"))))
			.isTrue();
		assertThat(ConcurrentChanges.isConcurrentChange(
				new ConcurrentChanges.ConcurrentChangeException("task gone", new NullPointerException())))
			.isTrue();
		assertThat(ConcurrentChanges.isConcurrentChange(new IllegalStateException("other"))).isFalse();
	}

	/** Begins, commits and rolls back nothing, and counts. */
	private static final class CountingTransactions extends AbstractPlatformTransactionManager {

		final AtomicInteger committed = new AtomicInteger();

		final AtomicInteger rolledBack = new AtomicInteger();

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			committed.incrementAndGet();
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			rolledBack.incrementAndGet();
		}

	}

}
