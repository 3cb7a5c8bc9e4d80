package org.mmpcase.review;

import java.time.Clock;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationEnded;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.registration.CaseVariables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReviewDelegates {

	/** Timer_ReviewReminder: the review is getting old; move it up the reviewers' list. */
	@Bean
	JavaDelegate raiseReviewPriorityDelegate(TaskService taskService) {
		return execution -> taskService.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(ApplicationReviewProcess.TASK_REVIEW_APPLICATION)
			.list()
			.forEach(task -> taskService.setPriority(task.getId(), ApplicationReviewProcess.RAISED_PRIORITY));
	}

	/**
	 * Task_RecordDecision: the case records the reviewer's decision. An approval is recorded when the certificate is
	 * issued, so a case never shows approved without one.
	 */
	@Bean
	JavaDelegate recordDecisionDelegate(ApplicationAccess access, ApplicationEventPublisher events, Clock clock) {
		return execution -> {
			Application application = access.require(execution.getProcessBusinessKey());
			Object decision = execution.getVariable(CaseVariables.REVIEW_DECISION);
			if (CaseVariables.DECISION_DENY.equals(decision)) {
				application.denied((String) execution.getVariable(CaseVariables.DENIAL_REASON), clock.instant());
				events.publishEvent(new ApplicationEnded(application));
			}
			else if (CaseVariables.DECISION_REQUEST_INFORMATION.equals(decision)) {
				application.informationRequested();
			}
		};
	}

}
