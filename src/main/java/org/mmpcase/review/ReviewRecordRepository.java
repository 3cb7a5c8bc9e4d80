package org.mmpcase.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewRecordRepository extends JpaRepository<ReviewRecord, Long> {

	List<ReviewRecord> findByApplicationIdOrderByDecidedAtAsc(Long applicationId);

	Optional<ReviewRecord> findFirstByApplicationIdAndDecisionAndAnsweredAtIsNullOrderByDecidedAtDesc(
			Long applicationId, String decision);

}
