package org.mmpcase.support;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/** The engine's jobs, run by the test when the job executor is off. */
public final class Jobs {

	private Jobs() {
	}

	/**
	 * Runs the due jobs of every instance of this process with this business key (asynchronous steps, e-mails, due
	 * timers) until none is left; fails when they keep coming.
	 */
	public static void runDue(RuntimeService runtimeService, ManagementService managementService, String processKey,
			String businessKey) {
		for (int round = 0; round < 20; round++) {
			List<Job> due = runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(processKey)
				.processInstanceBusinessKey(businessKey)
				.list()
				.stream()
				.flatMap(instance -> managementService.createJobQuery()
					.processInstanceId(instance.getId())
					.executable()
					.list()
					.stream())
				.toList();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> managementService.executeJob(job.getId()));
		}
		throw new AssertionError("jobs keep coming for " + businessKey);
	}

}
