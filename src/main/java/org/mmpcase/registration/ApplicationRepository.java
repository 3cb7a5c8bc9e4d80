package org.mmpcase.registration;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

	/** The case with its applicant, patient and certification in one select. */
	@org.springframework.data.jpa.repository.EntityGraph(attributePaths = { "applicant", "patient", "certification" })
	Optional<Application> findByApplicationNumber(String applicationNumber);

	List<Application> findByApplicationNumberIn(java.util.Collection<String> applicationNumbers);

	List<Application> findByApplicantOrderByCreatedAtDesc(Person applicant);

	boolean existsByApplicationNumber(String applicationNumber);

	boolean existsByApplicantAndKindAndStatusIn(Person applicant, ApplicationKind kind,
			java.util.Collection<ApplicationStatus> statuses);

	/**
	 * Whether an application of this applicant ended in this status after a moment: the renewal's "denied in the past
	 * 6 months". A reported change of name or address (kind CHANGE) that was denied is not a denied registration, so
	 * it does not count.
	 */
	@org.springframework.data.jpa.repository.Query("select count(a) > 0 from Application a where a.applicant = ?1"
			+ " and a.status = ?2 and a.decidedAt > ?3 and a.kind <> org.mmpcase.registration.ApplicationKind.CHANGE")
	boolean existsByApplicantAndStatusAndDecidedAtAfter(Person applicant, ApplicationStatus status,
			java.time.Instant after);

}
