package org.mmpcase.registration;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The small service tasks that record where a case stands. */
@Configuration(proxyBeanMethods = false)
class CaseDelegates {

	/**
	 * Task_SubmitApplication: the applicant's part is done; the review clock starts. The reviewer reads the payment
	 * from its table (the reviewer workspace), so it is not copied into the variables.
	 */
	@Bean
	JavaDelegate submitApplicationDelegate(ApplicationAccess access, Clock clock) {
		return execution -> access.require(execution.getProcessBusinessKey()).submitted(clock.instant());
	}

	/** Task_CloseApplication: never submitted before the certification expired. */
	@Bean
	JavaDelegate closeApplicationDelegate(ApplicationAccess access, ApplicationEventPublisher events, Clock clock) {
		return execution -> {
			Application application = access.require(execution.getProcessBusinessKey());
			application.closed(clock.instant());
			events.publishEvent(new ApplicationEnded(application));
		};
	}

	/** Task_ApplyProfileCorrection: the provider's corrections replace the profile, and the form shows them. */
	@Bean
	JavaDelegate applyProfileCorrectionDelegate(ApplicationAccess access) {
		return execution -> {
			Person applicant = access.require(execution.getProcessBusinessKey()).getApplicant();
			applicant.correct((String) execution.getVariable(CaseVariables.FIRST_NAME),
					(String) execution.getVariable(CaseVariables.LAST_NAME),
					LocalDate.parse((String) execution.getVariable(CaseVariables.DATE_OF_BIRTH)),
					(String) execution.getVariable(CaseVariables.STREET),
					(String) execution.getVariable(CaseVariables.CITY),
					(String) execution.getVariable(CaseVariables.ZIP));
			execution.setVariables(CaseStarter.profile(applicant));
			execution.setVariable(CaseVariables.PROFILE_CORRECTED, true);
			execution.removeVariable(CaseVariables.PROFILE_CONFIRMED);
		};
	}

}
