package org.mmpcase.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Flyway migrations on the engine's own tables (indexes and planner statistics the Tasklist's queries need): in
 * {@code db/engine/common} for every database, {@code db/engine/postgresql} for PostgreSQL only, with a history
 * table of their own ({@code flyway_engine_history}). They run as soon as the engine has created or updated its
 * tables (this bean needs the engine, so it is made after it), before the web server and the job executor start; the application's own migrations ({@code db/migration}) run before the
 * engine exists and cannot touch its tables (on a new database they are not there yet). Each file says why its
 * index exists; docs/benchmarks.md ("Reviewer queue") has the figures.
 */
@Component
public class EngineTableMigrations implements InitializingBean {

	public static final String HISTORY_TABLE = "flyway_engine_history";

	private static final Logger log = LoggerFactory.getLogger(EngineTableMigrations.class);

	private final DataSource dataSource;

	/** The engine is asked for only so that its tables exist before this runs. */
	EngineTableMigrations(DataSource dataSource, ProcessEngine processEngine) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() {
		MigrateResult result = migrate();
		if (result.migrationsExecuted > 0) {
			log.info("Engine table migrations: {} applied, now at version {}", result.migrationsExecuted,
					result.targetSchemaVersion);
		}
	}

	public MigrateResult migrate() {
		List<String> locations = new ArrayList<>(List.of("classpath:db/engine/common"));
		if (isPostgres()) {
			locations.add("classpath:db/engine/postgresql");
		}
		return Flyway.configure()
			.dataSource(dataSource)
			.table(HISTORY_TABLE)
			.locations(locations.toArray(String[]::new))
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

	private boolean isPostgres() {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not tell which database this is", ex);
		}
	}

}
