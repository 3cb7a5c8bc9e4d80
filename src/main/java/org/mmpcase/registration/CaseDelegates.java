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

	/**
	 * Task_ApplyProfileCorrection: the provider's corrections (the decision fields of the correction task, kept in
	 * its history) replace the profile in our tables; the confirm form reads it from there, so the corrected values
	 * leave the running instance again.
	 */
	@Bean
	JavaDelegate applyProfileCorrectionDelegate(ApplicationAccess access) {
		return execution -> {
			Person applicant = access.require(execution.getProcessBusinessKey()).getApplicant();
			applicant.correct(text(execution, CaseVariables.FIRST_NAME, applicant.getFirstName()),
					text(execution, CaseVariables.LAST_NAME, applicant.getLastName()),
					LocalDate.parse(text(execution, CaseVariables.DATE_OF_BIRTH, applicant.getDateOfBirth().toString())),
					text(execution, CaseVariables.STREET, applicant.getStreet()),
					text(execution, CaseVariables.CITY, applicant.getCity()),
					text(execution, CaseVariables.ZIP, applicant.getZip()));
			execution.removeVariables(CaseFormValues.KEYS);
			execution.setVariable(CaseVariables.PROFILE_CORRECTED, true);
			execution.removeVariable(CaseVariables.PROFILE_CONFIRMED);
			execution.removeVariable(CaseVariables.CORRECTION_REQUEST);
		};
	}

	private static String text(org.camunda.bpm.engine.delegate.DelegateExecution execution, String name,
			String current) {
		Object value = execution.getVariable(name);
		return value == null ? current : (String) value;
	}

}
