package org.mmpcase.registration;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that answers "may this caller touch this case?". An unknown number and somebody else's case get
 * the same answer, so that nobody can probe which application numbers exist.
 */
@Service
public class ApplicationAccess {

	private final ApplicationRepository applications;

	@PersistenceContext
	private EntityManager entityManager;

	ApplicationAccess(ApplicationRepository applications) {
		this.applications = applications;
	}

	/**
	 * The case by its number, read once per transaction: a step's request, its delegates and task listeners all ask
	 * for it, and the natural id is answered from the persistence context after the first read (which loads the
	 * applicant, patient and certification in the same select).
	 */
	private java.util.Optional<Application> byNumber(String applicationNumber) {
		if (applicationNumber == null) {
			return java.util.Optional.empty();
		}
		return entityManager.unwrap(Session.class)
			.bySimpleNaturalId(Application.class)
			.loadOptional(applicationNumber);
	}

	@Transactional
	public Application requireOwned(String applicationNumber, String username) {
		return byNumber(applicationNumber)
			.filter(application -> application.isOwnedBy(username))
			.orElseThrow(() -> new CaseNotFoundException(applicationNumber));
	}

	/** A case of this certifying provider's; anybody else's is not found. */
	@Transactional(readOnly = true)
	public Application requireCertifiedBy(String applicationNumber, String providerUsername) {
		return byNumber(applicationNumber)
			.filter(candidate -> Person.normaliseEmail(candidate.getCertification().getProviderUsername())
				.equals(Person.normaliseEmail(providerUsername)))
			.orElseThrow(() -> new CaseNotFoundException(applicationNumber));
	}

	/** The case, for the engine's own steps and DCP staff, whose access is decided before. */
	@Transactional
	public java.util.Optional<Application> find(String applicationNumber) {
		return byNumber(applicationNumber);
	}

	/** Several cases at once (those that exist), for DCP staff's lists. */
	@Transactional(readOnly = true)
	public java.util.List<Application> findAll(java.util.Collection<String> applicationNumbers) {
		return applicationNumbers.isEmpty() ? java.util.List.of()
				: applications.findByApplicationNumberIn(applicationNumbers);
	}

	/** This person's applications, newest first. */
	@Transactional(readOnly = true)
	public java.util.List<Application> ofApplicant(Person applicant) {
		return applications.findByApplicantOrderByCreatedAtDesc(applicant);
	}

	@Transactional
	public Application require(String applicationNumber) {
		return byNumber(applicationNumber)
			.orElseThrow(() -> new CaseNotFoundException(applicationNumber));
	}

}
