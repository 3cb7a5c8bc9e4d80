package org.mmpcase.review;

import java.time.Clock;
import java.util.List;

import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The review's own record on the case: decisions with who made them, requests for information and their answers. */
@Service
public class ReviewRecords {

	private final ReviewRecordRepository records;

	private final Clock clock;

	ReviewRecords(ReviewRecordRepository records, Clock clock) {
		this.records = records;
		this.clock = clock;
	}

	/** Every decision on the case, oldest first. */
	@Transactional(readOnly = true)
	public List<ReviewRecord> of(Application application) {
		return records.findByApplicationIdOrderByDecidedAtAsc(application.getId());
	}

	void decided(Application application, String taskId, java.util.Map<String, Object> variables, String decidedBy) {
		String decision = String.valueOf(variables.get(CaseVariables.REVIEW_DECISION));
		boolean deny = CaseVariables.DECISION_DENY.equals(decision);
		boolean request = CaseVariables.DECISION_REQUEST_INFORMATION.equals(decision);
		records.save(new ReviewRecord(application.getId(), taskId, decision,
				deny ? text(variables.get(CaseVariables.DENIAL_REASON)) : null,
				request ? text(variables.get(CaseVariables.INFORMATION_REQUEST)) : null,
				text(variables.get(CaseVariables.REVIEW_NOTES)), decidedBy, clock.instant()));
	}

	/** The applicant's answer to the open request for information. */
	void answered(Application application, Object answer) {
		records.findFirstByApplicationIdAndDecisionAndAnsweredAtIsNullOrderByDecidedAtDesc(application.getId(),
				CaseVariables.DECISION_REQUEST_INFORMATION)
			.ifPresent(record -> record.answered(text(answer), clock.instant()));
	}

	private static String text(Object value) {
		return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
	}

}
