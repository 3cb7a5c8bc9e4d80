package org.mmpcase.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures the API answers with 503 (database away) rather than 500. */
class DatabaseOutagesTests {

	@Test
	void engineWrappedPoolTimeout_isAnOutage() {
		// how the engine reports a pool that has no connection to give: its own exception around MyBatis's
		ProcessEngineException engine = new ProcessEngineException("ENGINE-03083 Exception while executing Batch",
				new PersistenceException("### Error querying database",
						new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
		assertThat(DatabaseOutages.isCause(engine)).isTrue();
	}

	@Test
	void springConnectionFailures_andDriverConnectionStates_areOutages() {
		assertThat(DatabaseOutages.isCause(new CannotCreateTransactionException("no connection"))).isTrue();
		assertThat(DatabaseOutages.isCause(new CannotGetJdbcConnectionException("no connection"))).isTrue();
		assertThat(DatabaseOutages
			.isCause(new IllegalStateException("wrapped", new SQLException("I/O error", "08006")))).isTrue();
	}

	@Test
	void otherDatabaseErrors_areNot() {
		assertThat(DatabaseOutages.isCause(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
		assertThat(DatabaseOutages.isCause(new ProcessEngineException("Unknown property used in expression")))
			.isFalse();
		assertThat(DatabaseOutages.isCause(new IllegalStateException("no state", new SQLException("closed"))))
			.isFalse();
	}

}
