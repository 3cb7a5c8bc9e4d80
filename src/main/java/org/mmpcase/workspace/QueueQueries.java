package org.mmpcase.workspace;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the reviewers' queue for one user: what the engine lets them see as a member of a task's candidate group or
 * as its assignee ({@code ReviewQueueMatchesEngineTests} proves each view equal to the engine's own task query).
 * Pages are keyset-paged in the view's order (sort time, task id), so a page costs the same at any depth; counts
 * stop at {@link #COUNT_CAP}.
 */
@Component
class QueueQueries {

	/** Counts are exact up to this; above it the answer is "1,000+". */
	static final int COUNT_CAP = 1000;

	/** A review due within this is "due soon". */
	static final Duration DUE_SOON = Duration.ofDays(3);

	private static final String COLUMNS = "q.task_id, q.task_kind, q.application_number, q.applicant_name, "
			+ "q.application_kind, q.applicant_role, q.submitted_at, q.document_summary, q.assignee, q.created_at, "
			+ "q.due_at, q.sort_at, q.priority";

	private final JdbcClient jdbc;

	private final Clock clock;

	QueueQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Entry(String taskId, TaskKind kind, String applicationNumber, String applicantName, String applicationKind,
			String applicantRole, Instant submittedAt, String documentSummary, String assignee, Instant createdAt,
			Instant dueAt, Instant sortAt, int priority) {

		String cursor() {
			return Cursor.of(sortAt, taskId);
		}

	}

	record Count(long count, boolean capped) {
	}

	/** One page of the view in its order, after the row of {@code after} (a row's cursor), one more to tell if there is a next. */
	List<Entry> page(StaffUser user, QueueView view, String after, int size) {
		Condition condition = condition(user, view);
		StringBuilder sql = new StringBuilder("select ").append(COLUMNS)
			.append(" from review_queue q where ")
			.append(condition.sql());
		Map<String, Object> params = new LinkedHashMap<>(condition.params());
		if (after != null) {
			Cursor cursor = Cursor.parse(after);
			sql.append(" and (q.sort_at, q.task_id) > (:afterSort, :afterTask)");
			params.put("afterSort", Timestamp.from(cursor.sortAt()));
			params.put("afterTask", cursor.taskId());
		}
		sql.append(" order by q.sort_at, q.task_id limit ").append(size);
		return jdbc.sql(sql.toString()).params(params).query(QueueQueries::entry).list();
	}

	Count count(StaffUser user, QueueView view) {
		Condition condition = condition(user, view);
		long count = jdbc.sql("select count(*) from (select 1 from review_queue q where " + condition.sql()
				+ " limit " + (COUNT_CAP + 1) + ") capped")
			.params(condition.params())
			.query(Long.class)
			.single();
		return count > COUNT_CAP ? new Count(COUNT_CAP, true) : new Count(count, false);
	}

	/** The open tasks of a case the user sees (in any view), in the queue's order. */
	List<Entry> tasksOfCase(StaffUser user, String applicationNumber) {
		Condition visible = visible(user);
		Map<String, Object> params = new LinkedHashMap<>(visible.params());
		params.put("number", applicationNumber);
		return jdbc.sql("select " + COLUMNS + " from review_queue q where q.application_number = :number and "
				+ visible.sql() + " order by q.sort_at, q.task_id")
			.params(params)
			.query(QueueQueries::entry)
			.list();
	}

	/** A task of the queue the user sees; empty for another group's, a finished or an unknown one. */
	Optional<Entry> task(StaffUser user, String taskId) {
		Condition visible = visible(user);
		Map<String, Object> params = new LinkedHashMap<>(visible.params());
		params.put("task", taskId);
		return jdbc.sql("select " + COLUMNS + " from review_queue q where q.task_id = :task and " + visible.sql())
			.params(params)
			.query(QueueQueries::entry)
			.optional();
	}

	/** May the user open this case: a task of it in their queue, or a supervisor. */
	boolean canOpen(StaffUser user, String applicationNumber) {
		return user.isSupervisor() || !tasksOfCase(user, applicationNumber).isEmpty();
	}

	private record Condition(String sql, Map<String, Object> params) {
	}

	/**
	 * The view's rows. A review's sort time is its due date (reviews without one sort last), so the due date
	 * conditions read {@code sort_at}, which the index orders by.
	 */
	private Condition condition(StaffUser user, QueueView view) {
		Instant now = clock.instant();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("user", user.id());
		String inMyGroups = forAnyOf(user.groups(), "groups", params);
		String visible = visible(user, params);
		String sql = switch (view) {
			case UNASSIGNED -> "q.task_kind = 'REVIEW' and q.assignee is null and " + inMyGroups;
			case MINE -> "q.task_kind in ('REVIEW', 'ESCALATION') and q.assignee = :user";
			case DUE_SOON -> {
				params.put("until", Timestamp.from(now.plus(DUE_SOON)));
				yield "q.task_kind = 'REVIEW' and q.sort_at < :until and " + visible;
			}
			case PAST_SLA -> {
				params.put("until", Timestamp.from(now));
				yield "q.task_kind = 'REVIEW' and q.sort_at < :until and " + visible;
			}
			// the applicant is assigned; the case belongs to the groups of the review that asked
			case WAITING -> "q.task_kind = 'WAITING' and " + inMyGroups;
			case ESCALATIONS -> user.isSupervisor() ? "q.task_kind = 'ESCALATION' and " + visible : "1 = 0";
		};
		return new Condition(sql, params);
	}

	private static Condition visible(StaffUser user) {
		Map<String, Object> params = new LinkedHashMap<>();
		return new Condition(visible(user, params), params);
	}

	/**
	 * In one of the user's groups or assigned to the user: one lookup of the task's principals
	 * ({@link ReviewQueue#principals}), which an index answers row by row as the view's order is read.
	 */
	private static String visible(StaffUser user, Map<String, Object> params) {
		List<String> principals = new java.util.ArrayList<>(user.groups());
		principals.add(ReviewQueue.userPrincipal(user.id()));
		return forAnyOf(principals, "principals", params);
	}

	private static String forAnyOf(List<String> principals, String name, Map<String, Object> params) {
		if (principals.isEmpty()) {
			return "1 = 0";
		}
		params.put(name, principals);
		return "exists (select 1 from review_queue_group g where g.task_id = q.task_id and g.group_id in (:" + name
				+ "))";
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getString("task_id"), TaskKind.valueOf(rs.getString("task_kind")),
				rs.getString("application_number"), rs.getString("applicant_name"), rs.getString("application_kind"),
				rs.getString("applicant_role"), instant(rs.getTimestamp("submitted_at")),
				rs.getString("document_summary"), rs.getString("assignee"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("sort_at")), rs.getInt("priority"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** A row's place in its view, opaque to the client: its sort time (to the nanosecond) and task id. */
	record Cursor(Instant sortAt, String taskId) {

		static String of(Instant sortAt, String taskId) {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((sortAt + "|" + taskId).getBytes(StandardCharsets.UTF_8));
		}

		static Cursor parse(String cursor) {
			try {
				String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				int bar = decoded.indexOf('|');
				return new Cursor(Instant.parse(decoded.substring(0, bar)), decoded.substring(bar + 1));
			}
			catch (RuntimeException ex) {
				throw org.mmpcase.shared.BadRequestException.field("after", "Not a cursor of this queue.");
			}
		}

	}

}
