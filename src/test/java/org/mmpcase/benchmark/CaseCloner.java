package org.mmpcase.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark data only: copies cases that the engine made through its public API, in SQL, so the reviewer-queue
 * benchmark reaches 100,000 open reviews and 500,000 finished cases in minutes instead of hours (the public API makes
 * about 40 cases per second here). Every row of a template case, runtime and history, is copied {@code copies}
 * times; in copy {@code k} each id that the case's own rows hold (instance, execution, activity instance, task,
 * variable, job, ...) becomes {@code md5(id || '#' || k)} as a UUID, the same in every table, so the copies are
 * cases of their own with the template's shape: same process definitions, variables, candidate groups, per-task
 * authorizations and timers. Ids of shared things (definitions, deployments, users, groups, byte arrays) are kept.
 * The business key gets {@code -k}. A copied open review gets a due date of its own, spread like the templates'.
 * <p>
 * Not for production data: it writes the engine's tables directly, which only a benchmark may do.
 */
final class CaseCloner {

	/** Columns that hold ids of the case's own rows, in any ACT_RU_* / ACT_HI_* table. */
	private static final Set<String> CASE_IDS = Set.of("id_", "root_proc_inst_id_", "proc_inst_id_",
			"process_instance_id_", "execution_id_", "parent_id_", "super_exec_", "act_inst_id_",
			"parent_act_inst_id_", "task_id_", "parent_task_id_", "call_proc_inst_id_", "super_process_instance_id_",
			"var_inst_id_", "var_scope_", "job_id_", "dec_inst_id_", "root_dec_inst_id_", "operation_id_",
			"cause_incident_id_", "root_cause_incident_id_", "restarted_proc_inst_id_");

	/** Each table copied, with which of its rows belong to the template cases. */
	private static final Map<String, String> TABLES = new LinkedHashMap<>();

	static {
		String instances = " in (select id_ from clone_instances)";
		String roots = "root_proc_inst_id_ in (select id_ from clone_roots)";
		TABLES.put("act_ru_execution", "proc_inst_id_" + instances);
		TABLES.put("act_ru_task", "proc_inst_id_" + instances);
		TABLES.put("act_ru_identitylink", "task_id_ in (select id_ from clone_tasks)");
		TABLES.put("act_ru_authorization", "resource_id_ in (select id_ from clone_tasks)");
		TABLES.put("act_ru_variable", "proc_inst_id_" + instances);
		TABLES.put("act_ru_job", "process_instance_id_" + instances);
		TABLES.put("act_ru_event_subscr", "proc_inst_id_" + instances);
		for (String history : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
				"act_hi_detail", "act_hi_identitylink", "act_hi_job_log", "act_hi_op_log", "act_hi_decinst",
				"act_hi_dec_in", "act_hi_dec_out", "act_hi_incident", "act_hi_comment")) {
			TABLES.put(history, roots);
		}
	}

	private CaseCloner() {
	}

	/**
	 * Copies the root process instances whose business key starts with {@code keyPrefix} and whose end (ended or
	 * not) matches {@code ended}, {@code copies} times, in batches; returns the number of cases copied.
	 */
	static long copy(Connection connection, String keyPrefix, boolean ended, int copies) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("drop table if exists clone_roots, clone_instances, clone_tasks");
			statement.execute("create temp table clone_roots as select id_ from act_hi_procinst where business_key_ like '"
					+ keyPrefix + "%' and super_process_instance_id_ is null and end_time_ is "
					+ (ended ? "not null" : "null"));
			statement.execute("create temp table clone_instances as select id_ from act_hi_procinst where "
					+ "root_proc_inst_id_ in (select id_ from clone_roots)");
			statement.execute("create temp table clone_tasks as select id_ from act_ru_task where proc_inst_id_ in "
					+ "(select id_ from clone_instances)");
			long templates = count(statement, "select count(*) from clone_roots");
			long sharedBytes = count(statement, "select count(*) from act_ru_variable where bytearray_id_ is not null "
					+ "and proc_inst_id_ in (select id_ from clone_instances)");
			if (sharedBytes > 0) {
				throw new IllegalStateException(sharedBytes + " template variables keep their value in a byte array; "
						+ "copies would share it");
			}
			Map<String, List<String>> columns = columns(statement);
			for (Map.Entry<String, String> table : TABLES.entrySet()) {
				statement.execute("drop table if exists clone_" + table.getKey());
				statement.execute("create temp table clone_" + table.getKey() + " as select * from " + table.getKey()
						+ " where " + table.getValue());
			}
			int batch = Math.max(1, (int) Math.min(copies, 20_000 / Math.max(1, templates)));
			long start = System.nanoTime();
			for (int from = 1; from <= copies; from += batch) {
				int to = Math.min(copies, from + batch - 1);
				for (String table : TABLES.keySet()) {
					statement.execute(insert(table, columns.get(table), from, to));
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf(Locale.ROOT, "  copied %s cases %d of %d times: %d cases in %.0f s, load %s%n",
						ended ? "finished" : "open", to, copies, templates * to, seconds,
						BenchmarkSupport.loadAverage());
			}
			return templates * copies;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static String insert(String table, List<String> columns, int from, int to) {
		List<String> values = new ArrayList<>();
		for (String column : columns) {
			if (CASE_IDS.contains(column) || ("act_ru_authorization".equals(table) && "resource_id_".equals(column))) {
				values.add("case when t." + column + " is null then null else md5(t." + column
						+ " || '#' || k)::uuid::text end");
			}
			else if ("business_key_".equals(column)) {
				values.add("t.business_key_ || '-' || k");
			}
			else if ("act_ru_task".equals(table) && "due_date_".equals(column)) {
				// a review: from 10 days past to 21 days ahead, as a queue that has been running for a while; one
				// whose SLA timer fired (an escalation beside it): 1 to 10 days past; other tasks keep theirs
				values.add("case when t.task_def_key_ <> 'Task_ReviewApplication' then t.due_date_ "
						+ "when t.proc_inst_id_ in (select e.proc_inst_id_ from clone_act_ru_task e "
						+ "where e.task_def_key_ = 'Task_HandleEscalation') "
						+ "then localtimestamp - (1 + random() * 9) * interval '1 day' "
						+ "else localtimestamp + (random() * 31 - 10) * interval '1 day' end");
			}
			else {
				values.add("t." + column);
			}
		}
		return "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
				+ " from clone_" + table + " t cross join generate_series(" + from + ", " + to + ") k";
	}

	/**
	 * A person, a certification and an application (the case tables) for every root instance of the prefix that has
	 * none yet, so it can run before and after copying. A copy ({@code KEY-k}) of an open case takes the status and
	 * decision of its template's application (a request for information, say); a finished case is approved.
	 */
	static void caseRows(Connection connection, String keyPrefix) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			String cases = " where h.business_key_ like '" + keyPrefix + "%' and h.super_process_instance_id_ is null";
			String email = "lower(h.business_key_) || '@bench.example.net'";
			statement.execute("insert into person (first_name, last_name, date_of_birth, email, street, city, zip, "
					+ "created_at) select 'Jordan', 'Rivera', date '1980-05-17', " + email + ", '12 Elm Street', "
					+ "'Hartford', '06106', h.start_time_ from act_hi_procinst h" + cases
					+ " and not exists (select 1 from person x where x.email = " + email + ")");
			statement.execute("insert into certification (patient_id, provider_username, certification_date, "
					+ "term_months, qualifying_condition, caregiver_needed, created_at) select p.id, "
					+ "'provider@example.org', cast(h.start_time_ as date), 12, 'Chronic pain', false, h.start_time_ "
					+ "from act_hi_procinst h join person p on p.email = " + email + cases
					+ " and not exists (select 1 from certification x where x.patient_id = p.id)");
			statement.execute("insert into application (application_number, kind, applicant_role, applicant_id, "
					+ "patient_id, certification_id, status, process_instance_id, dispensary_code, "
					+ "identity_document_type, residency_document_type, submitted_at, decided_at, decision, created_at) "
					+ "select h.business_key_, 'INITIAL', 'PATIENT', p.id, p.id, c.id, case when h.end_time_ is null "
					+ "then coalesce(t.status, 'SUBMITTED') else 'APPROVED' end, h.id_, null, 'drivers-license', "
					+ "'utility-bill', h.start_time_, h.end_time_, case when h.end_time_ is null then t.decision "
					+ "else 'APPROVED' end, h.start_time_ from act_hi_procinst h join person p on p.email = " + email
					+ " join certification c on c.patient_id = p.id left join application t on t.application_number = "
					+ templateOf("h.business_key_", keyPrefix) + cases
					+ " and not exists (select 1 from application x where x.application_number = h.business_key_)");
		}
	}

	/**
	 * The decisions recorded on the template cases (a request for information with its question), for each copy
	 * that has none: the copy's review task id is the template's, copied as every id is.
	 */
	static long reviewRecords(Connection connection, String keyPrefix) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			return statement.executeUpdate("insert into review_record (application_id, task_id, decision, "
					+ "denial_reason, information_request, notes, decided_by, decided_at, answer, answered_at) "
					+ "select a.id, md5(r.task_id || '#' || substring(a.application_number from '-([0-9]+)$'))::uuid::text, "
					+ "r.decision, r.denial_reason, r.information_request, r.notes, r.decided_by, r.decided_at, r.answer, "
					+ "r.answered_at from application a join application t on t.application_number = "
					+ templateOf("a.application_number", keyPrefix) + " join review_record r on r.application_id = t.id "
					+ "where a.application_number like '" + keyPrefix + "%' and not exists "
					+ "(select 1 from review_record x where x.application_id = a.id)");
		}
	}

	/** The business key of the template of a copy ({@code BQ-000000042} of {@code BQ-000000042-7}); null for a template. */
	private static String templateOf(String column, String keyPrefix) {
		return "substring(" + column + " from '^(" + keyPrefix + "[0-9]+)-[0-9]+$')";
	}

	private static Map<String, List<String>> columns(Statement statement) throws SQLException {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		try (ResultSet rs = statement.executeQuery("select table_name, column_name from information_schema.columns "
				+ "where table_schema = current_schema() order by table_name, ordinal_position")) {
			while (rs.next()) {
				columns.computeIfAbsent(rs.getString(1), table -> new ArrayList<>()).add(rs.getString(2));
			}
		}
		for (String table : TABLES.keySet()) {
			if (!columns.containsKey(table)) {
				throw new IllegalStateException("no table " + table);
			}
		}
		return columns;
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
