package org.mmpcase.renewal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmpcase.certificate.RegistrationLife;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.ApplicationRepository;
import org.mmpcase.registration.ApplicationStatus;
import org.mmpcase.registration.CaseStarter;
import org.mmpcase.registration.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * Task_GatherRenewalFacts: the facts the auto-approval table decides on. The table decides; this only looks up.
 */
@Component("gatherRenewalFactsDelegate")
class GatherRenewalFactsDelegate implements JavaDelegate {

	private final ApplicationAccess access;

	private final ApplicationRepository applications;

	private final RegistrationLife registrationLife;

	private final Clock clock;

	GatherRenewalFactsDelegate(ApplicationAccess access, ApplicationRepository applications,
			RegistrationLife registrationLife, Clock clock) {
		this.access = access;
		this.applications = applications;
		this.registrationLife = registrationLife;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Application renewal = access.require(execution.getProcessBusinessKey());
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(CaseStarter.PROGRAM_ZONE));
		boolean identityChanged = Boolean.TRUE.equals(execution.getVariable(CaseVariables.DOCUMENTS_CHANGED))
				|| Boolean.TRUE.equals(execution.getVariable(CaseVariables.PROFILE_CORRECTED));
		boolean adverseAction = applications.existsByApplicantAndStatusAndDecidedAtAfter(renewal.getApplicant(),
				ApplicationStatus.DENIED, now.minusMonths(6).toInstant());
		boolean suspendedOrRevoked = registrationLife.adverseActionSince(renewal.getApplicant(),
				now.minusMonths(6).toInstant());
		LocalDate today = now.toLocalDate();
		execution.setVariable(CaseVariables.IDENTITY_CHANGED, identityChanged);
		execution.setVariable(CaseVariables.ADVERSE_ACTION_WITHIN_6_MONTHS, adverseAction);
		execution.setVariable(CaseVariables.SUSPENDED_OR_REVOKED_WITHIN_6_MONTHS, suspendedOrRevoked);
		execution.setVariable(CaseVariables.CERTIFICATION_VALID, renewal.getCertification().isValidOn(today));
	}

}
