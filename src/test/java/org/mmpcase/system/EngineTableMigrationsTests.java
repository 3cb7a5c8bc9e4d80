package org.mmpcase.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The migrations on the engine's tables, on a new PostgreSQL database: applied once the engine tables exist. */
class EngineTableMigrationsTests extends ProcessTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EngineTableMigrations migrations;

	@Test
	void newDatabase_dueDateIndexAndAuthorizationStatistics_createdAfterTheEngineTables_andAgainNothingToDo() {
		assertThat(jdbc.queryForObject("select count(*) from pg_indexes where tablename = 'act_ru_task' "
				+ "and indexname = 'mmp_ix_task_due_date'", Long.class)).as("due date index").isEqualTo(1);
		assertThat(statistics()).as("planner statistics").isEqualTo(1);
		assertThat(jdbc.queryForList("select version from " + EngineTableMigrations.HISTORY_TABLE
				+ " where success and version is not null and version <> '0' order by installed_rank", String.class))
			.as("both recorded in their own history").containsExactly("1", "2");

		assertThat(migrations.migrate().migrationsExecuted).as("a second start has nothing to do").isZero();

		jdbc.execute("analyze act_ru_authorization");
		assertThat(jdbc.queryForObject("select count(*) from pg_stats_ext where statistics_name = ?", Long.class,
				"mmp_stat_authorization_perms")).as("filled by ANALYZE").isEqualTo(1);
	}

	private long statistics() {
		return jdbc.queryForObject(
				"select count(*) from pg_statistic_ext s join pg_class c on c.oid = s.stxrelid "
						+ "where s.stxname = 'mmp_stat_authorization_perms' and c.relname = 'act_ru_authorization'",
				Long.class);
	}

}
