package org.mmpcase.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code engine}: the process engine answers a query on its own tables, and its job executor runs when this node
 * is meant to run jobs ({@code camunda.bpm.job-execution.enabled}). A node without a running job executor sends no
 * e-mail and fires no timer, so it is DOWN. The job executor starts once the application has started, so a node
 * is DOWN until then.
 */
@Component("engineHealthIndicator")
class EngineHealthIndicator extends AbstractHealthIndicator {

	private final ProcessEngine engine;

	private final boolean jobExecutionEnabled;

	EngineHealthIndicator(ProcessEngine engine,
			@Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecutionEnabled) {
		super("The process engine could not be reached");
		this.engine = engine;
		this.jobExecutionEnabled = jobExecutionEnabled;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		// ACT_GE_PROPERTY: a handful of rows, so this is a round trip to the database and nothing more
		engine.getManagementService().getProperties();
		JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getJobExecutor();
		boolean active = jobExecutor != null && jobExecutor.isActive();
		builder.withDetail("name", engine.getName())
			.withDetail("jobExecutionEnabled", jobExecutionEnabled)
			.withDetail("jobExecutorActive", active);
		if (jobExecutionEnabled && !active) {
			builder.down().withDetail("problem", "the job executor is not running: no e-mails, timers or retries");
		}
		else {
			builder.up();
		}
	}

}
