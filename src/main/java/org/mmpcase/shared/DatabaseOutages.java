package org.mmpcase.shared;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletResponse;

import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

	/**
	 * The 503 written where no handler of Spring MVC answers (servlet filters, Spring Security): the API's error
	 * fields ({@code status}, {@code error}, {@code message}) and the engine REST API's ({@code type}, {@code message}),
	 * so either kind of client reads it as it reads the others.
	 */
	static void writeUnavailable(HttpServletResponse response) throws IOException {
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"status\":503,\"error\":\"Service Unavailable\",\"type\":\"DatabaseUnavailable\","
					+ "\"message\":\"" + MESSAGE + "\"}");
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
