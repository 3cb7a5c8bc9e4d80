package org.mmpcase.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot be reached from other failures, wherever it is wrapped: Spring's
 * {@link DataAccessResourceFailureException} (with {@code CannotGetJdbcConnectionException}) and
 * {@link CannotCreateTransactionException}, the engine's {@code ProcessEngineException} around MyBatis around the
 * pool's {@link SQLTransientConnectionException}, a driver's connection error (SQLState class 08), or the failed
 * rollback of a transaction whose connection broke.
 */
public final class DatabaseOutages {

	/** What the API answers, with 503, while the database is away. */
	public static final String MESSAGE = "The database cannot be reached just now. Nothing was saved; please try "
			+ "again in a minute.";

	/** Seconds a client should wait before trying again ({@code Retry-After}). */
	public static final String RETRY_AFTER_SECONDS = "30";

	private DatabaseOutages() {
	}

	public static boolean isCause(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			// the connection broke under a transaction: the rollback fails too and its exception replaces the first
			if (cause instanceof TransactionSystemException tx && tx.getApplicationException() != null
					&& isCause(tx.getApplicationException())) {
				return true;
			}
			if (cause instanceof JpaSystemException && cause.getCause() instanceof TransactionException) {
				return true;
			}
		}
		return false;
	}

}
