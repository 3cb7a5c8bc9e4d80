package org.mmpcase.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.review.ApplicationReviewProcess;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mmp_ gauges follow the cases: a submitted application adds an open review, a review past its due date counts
 * as past the SLA, an approval completes the case and leaves e-mail jobs due, a job without retries and an incident
 * are counted. Other tests share the database, so every assertion is on the change a step makes.
 */
class CaseMetricsTests extends ProcessTest {

	@Autowired
	CaseMetrics metrics;

	@Autowired
	MeterRegistry registry;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	RuntimeService runtimeService;

	@Test
	void submittedReviewedAndFailed_gaugesMoveWithTheCase() {
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		driver.runDueJobs(application);
		Map<String, Double> before = figures();

		Application second = driver.certify();
		driver.completeApplicantSteps(second);
		driver.runDueJobs(second);
		Map<String, Double> submitted = figures();
		assertThat(submitted.get("open")).isEqualTo(before.get("open") + 1);
		assertThat(submitted.get("pastSla")).isEqualTo(before.get("pastSla"));
		assertThat(submitted.get("registrationActive")).isEqualTo(before.get("registrationActive") + 1);
		assertThat(submitted.get("registrationStarted")).isEqualTo(before.get("registrationStarted") + 1);

		Task review = driver.reviewTask(second);
		taskService.setDueDate(review.getId(), Date.from(Instant.now().minus(1, ChronoUnit.HOURS)));
		assertThat(figures().get("pastSla")).isEqualTo(before.get("pastSla") + 1);

		driver.review(second, CaseVariables.DECISION_APPROVE, Map.of());
		Map<String, Double> approved = figures();
		assertThat(approved.get("open")).isEqualTo(before.get("open"));
		assertThat(approved.get("pastSla")).isEqualTo(before.get("pastSla"));
		assertThat(approved.get("dueJobs")).as("the certificate e-mail waits for the job executor")
			.isGreaterThan(before.get("dueJobs"));
		assertThat(approved.get("reviewCompleted")).isEqualTo(before.get("reviewCompleted") + 1);

		driver.runDueJobs(second);
		Map<String, Double> done = figures();
		assertThat(done.get("dueJobs")).isEqualTo(before.get("dueJobs"));
		assertThat(done.get("registrationCompleted")).isEqualTo(before.get("registrationCompleted") + 1);
		assertThat(done.get("registrationActive")).isEqualTo(before.get("registrationActive"));

		Job timer = driver.processInstances(application)
			.stream()
			.flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).list().stream())
			.findFirst()
			.orElseThrow(() -> new AssertionError("a submitted case waits on a timer"));
		managementService.setJobRetries(timer.getId(), 0);
		// retries used up: the engine opens a failedJob incident on the job's process and on each calling process
		// above it, as Cockpit shows it
		Set<String> roots = runtimeService.createIncidentQuery()
			.configuration(timer.getId())
			.list()
			.stream()
			.map(Incident::getRootCauseIncidentId)
			.collect(Collectors.toSet());
		long records = runtimeService.createIncidentQuery()
			.list()
			.stream()
			.filter(each -> roots.contains(each.getRootCauseIncidentId()))
			.count();
		Map<String, Double> failed = figures();
		assertThat(failed.get("failedJobs")).isEqualTo(before.get("failedJobs") + 1);
		assertThat(records).isPositive();
		assertThat(failed.get("incidents")).isEqualTo(before.get("incidents") + records);
	}

	@Test
	void figures_areCached_betweenScrapes() {
		double open = registry.get("mmp.reviews.open").gauge().value();
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		driver.runDueJobs(application);
		assertThat(registry.get("mmp.reviews.open").gauge().value()).as("within the cache period").isEqualTo(open);
		metrics.refresh();
		assertThat(registry.get("mmp.reviews.open").gauge().value()).isEqualTo(open + 1);
	}

	private Map<String, Double> figures() {
		metrics.refresh();
		return Map.of("open", gauge("mmp.reviews.open"), "pastSla", gauge("mmp.reviews.past.sla"), "dueJobs",
				gauge("mmp.jobs.due"), "failedJobs", gauge("mmp.jobs.failed"), "incidents",
				gauge("mmp.incidents.open"), "registrationActive",
				process("mmp.cases.active", InitialRegistrationProcess.KEY), "registrationStarted",
				process("mmp.cases.started", InitialRegistrationProcess.KEY), "registrationCompleted",
				process("mmp.cases.completed", InitialRegistrationProcess.KEY), "reviewCompleted",
				process("mmp.cases.completed", ApplicationReviewProcess.KEY));
	}

	private double gauge(String name) {
		return registry.get(name).gauge().value();
	}

	private double process(String name, String key) {
		return registry.get(name).tag("process", key).gauge().value();
	}

}
