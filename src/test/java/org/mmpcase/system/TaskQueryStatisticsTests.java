package org.mmpcase.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

class TaskQueryStatisticsTests extends ProcessTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskQueryStatistics statistics;

	@Test
	void newDatabase_statisticsOnTheAuthorizationTable_createdAfterTheEngineTables_andAgainWithoutError()
			throws Exception {
		assertThat(count()).as("created at start-up").isEqualTo(1);
		ApplicationArguments none = new DefaultApplicationArguments();
		statistics.run(none);
		assertThat(count()).as("a second start keeps the one there").isEqualTo(1);
		jdbc.execute("analyze act_ru_authorization");
		assertThat(jdbc.queryForObject("select count(*) from pg_stats_ext where statistics_name = ?", Long.class,
				TaskQueryStatistics.NAME)).as("filled by ANALYZE").isEqualTo(1);
	}

	private long count() {
		return jdbc.queryForObject(
				"select count(*) from pg_statistic_ext s join pg_class c on c.oid = s.stxrelid "
						+ "where s.stxname = ? and c.relname = 'act_ru_authorization'",
				Long.class, TaskQueryStatistics.NAME);
	}

}
