package org.mmpcase.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Planner statistics the Tasklist's task queries need on PostgreSQL, created at start-up when missing.
 * <p>
 * With authorization on, every task query (Tasklist filters and their counts) left-joins ACT_RU_AUTHORIZATION on
 * {@code RESOURCE_ID_ IN (task id, process definition key, '*')}, filtered by {@code PERMS_ & n = n}. The engine adds
 * one authorization row per task for its candidate group, so that table grows with the open tasks. PostgreSQL
 * cannot estimate the {@code PERMS_ & n} filters, guesses a few dozen rows and compares every task with every
 * authorization row: quadratic (3,000 open reviews: 3.6 s for one Tasklist page). With these statistics it knows the
 * real row count and probes the engine's index on RESOURCE_ID_ per task instead (0.14 s). See docs/benchmarks.md,
 * "Reviewer queue".
 * <p>
 * Not a Flyway migration: on a new database Flyway runs before the engine creates its ACT_* tables. Created after
 * start-up instead; ANALYZE (autovacuum) fills them.
 */
@Component
@Order(0)
class TaskQueryStatistics implements ApplicationRunner {

	static final String NAME = "mmp_stat_authorization_perms";

	private static final Logger log = LoggerFactory.getLogger(TaskQueryStatistics.class);

	private final DataSource dataSource;

	TaskQueryStatistics(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("create statistics if not exists " + NAME
						+ " (mcv) on type_, resource_type_, group_id_, (perms_ & 2), (perms_ & 64)"
						+ " from act_ru_authorization");
			}
			log.debug("Planner statistics {} present", NAME);
		}
	}

}
