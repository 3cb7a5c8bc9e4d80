package org.mmpcase.shared;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a user's command in a transaction of its own and, when it lost a race with another transaction on the same
 * case (another node, a job, a second click: the engine's {@link OptimisticLockingException}, a JPA version
 * conflict, a lock timeout or deadlock), runs it again from the start on the state the winner committed. The
 * command re-reads everything, so the second run decides afresh: it completes the step, or finds the step done
 * already and answers with the case's state (a 409 {@link ConflictException} the command throws itself). Only a
 * command that keeps losing reaches the API's 409 "try again".
 * <p>
 * The caller must not be in a transaction already: the whole transaction is what is retried.
 */
@Component
public class ConcurrentChanges {

	private static final Logger log = LoggerFactory.getLogger(ConcurrentChanges.class);

	static final int ATTEMPTS = 4;

	private final TransactionTemplate transaction;

	ConcurrentChanges(PlatformTransactionManager transactionManager) {
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public <T> T retrying(String what, Supplier<T> command) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> command.get());
			}
			catch (RuntimeException ex) {
				if (!isConcurrentChange(ex) || attempt >= ATTEMPTS) {
					throw ex;
				}
				log.info("{}: changed at the same time by another transaction ({}); running it again (attempt {})",
						what, ex.getClass().getSimpleName(), attempt + 1);
			}
		}
	}

	/** Whether {@code ex} (or a cause) says another transaction changed the same rows first. */
	public static boolean isConcurrentChange(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException
					|| cause instanceof ConcurrentChangeException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** Thrown by a command that found what it works on gone, changed by a transaction that committed meanwhile. */
	public static class ConcurrentChangeException extends RuntimeException {

		public ConcurrentChangeException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
