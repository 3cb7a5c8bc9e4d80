package org.mmpcase.registration;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

	Optional<Application> findByApplicationNumber(String applicationNumber);

	List<Application> findByApplicationNumberIn(java.util.Collection<String> applicationNumbers);

	List<Application> findByApplicantOrderByCreatedAtDesc(Person applicant);

	boolean existsByApplicationNumber(String applicationNumber);

	boolean existsByApplicantAndKindAndStatusIn(Person applicant, ApplicationKind kind,
			java.util.Collection<ApplicationStatus> statuses);

	boolean existsByApplicantAndStatusAndDecidedAtAfter(Person applicant, ApplicationStatus status,
			java.time.Instant after);

}
