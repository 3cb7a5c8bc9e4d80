package org.mmpcase.workspace;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every view of a case, a document page or an original file by DCP staff: who, which case or document, when. Only
 * ids, never contents; a supervisor lists it per case in the workspace.
 */
@Component
class CaseAccessLog {

	enum What {
		CASE, PREVIEW, ORIGINAL
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseAccessLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(StaffUser user, String applicationNumber, What what, Long documentId, Integer page) {
		jdbc.sql("insert into case_access (application_number, staff_user, what, document_id, page, accessed_at) "
				+ "values (?, ?, ?, ?, ?, ?)")
			.params(applicationNumber, user.id(), what.name(), documentId, page, Timestamp.from(clock.instant()))
			.update();
	}

	record Entry(Instant at, String user, String what, Long documentId, Integer page) {
	}

	/** The case's log, newest first (at most the last 500 views). */
	List<Entry> of(String applicationNumber) {
		return jdbc.sql("select accessed_at, staff_user, what, document_id, page from case_access "
				+ "where application_number = ? order by accessed_at desc, id desc limit 500")
			.param(applicationNumber)
			.query((rs, row) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2),
					rs.getString(3).toLowerCase(Locale.ROOT), (Long) rs.getObject(4, Long.class),
					(Integer) rs.getObject(5, Integer.class)))
			.list();
	}

}
