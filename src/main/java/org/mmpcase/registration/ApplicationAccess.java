package org.mmpcase.registration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that answers "may this caller touch this case?". An unknown number and somebody else's case get
 * the same answer, so that nobody can probe which application numbers exist.
 */
@Service
public class ApplicationAccess {

	private final ApplicationRepository applications;

	ApplicationAccess(ApplicationRepository applications) {
		this.applications = applications;
	}

	@Transactional
	public Application requireOwned(String applicationNumber, String username) {
		return applications.findByApplicationNumber(applicationNumber)
			.filter(application -> application.isOwnedBy(username))
			.orElseThrow(() -> new CaseNotFoundException(applicationNumber));
	}

	@Transactional
	public Application require(String applicationNumber) {
		return applications.findByApplicationNumber(applicationNumber)
			.orElseThrow(() -> new CaseNotFoundException(applicationNumber));
	}

}
