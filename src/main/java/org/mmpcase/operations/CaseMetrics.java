package org.mmpcase.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.mmpcase.certificate.RegistrationExpiryProcess;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.renewal.RenewalProcess;
import org.mmpcase.review.ApplicationReviewProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The program's figures for Prometheus ({@code /actuator/prometheus}), all {@code mmp_...}: gauges read from the
 * engine with count queries (public API), computed together at most once per {@code mmp.operations.metrics-cache}
 * however often they are scraped. They are the same on every node (they count the shared database), so sum nothing
 * across nodes. Cases count what is in the engine's history, which history cleanup trims after the retention.
 */
@Component
class CaseMetrics implements MeterBinder {

	/** The process keys the case figures are given for, as tag {@code process}. */
	static final List<String> PROCESS_KEYS = List.of(InitialRegistrationProcess.KEY, RenewalProcess.KEY,
			ApplicationReviewProcess.KEY, RegistrationExpiryProcess.PROCESS_KEY);

	private static final Logger log = LoggerFactory.getLogger(CaseMetrics.class);

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final HistoryService historyService;

	private final ManagementService managementService;

	private final Clock clock;

	private final Duration cacheFor;

	private Figures figures;

	private Instant lastTry;

	CaseMetrics(ProcessEngine engine, Clock clock, OperationsProperties properties) {
		this.runtimeService = engine.getRuntimeService();
		this.taskService = engine.getTaskService();
		this.historyService = engine.getHistoryService();
		this.managementService = engine.getManagementService();
		this.clock = clock;
		this.cacheFor = properties.metricsCache();
	}

	record Figures(Instant at, long openReviews, long reviewsPastSla, long dueJobs, long failedJobs,
			long openIncidents, Map<String, Long> active, Map<String, Long> completed) {
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "mmp.reviews.open", "Open review tasks (Task_ReviewApplication)", Figures::openReviews);
		gauge(registry, "mmp.reviews.past.sla", "Open review tasks whose due date (the review SLA) has passed",
				Figures::reviewsPastSla);
		gauge(registry, "mmp.jobs.due", "Job executor backlog: jobs due now with retries left", Figures::dueJobs);
		gauge(registry, "mmp.jobs.failed", "Jobs whose retries are used up (they wait for an operator)",
				Figures::failedJobs);
		gauge(registry, "mmp.incidents.open", "Open incidents, one per process level of the failure (as Cockpit counts them)", Figures::openIncidents);
		for (String key : PROCESS_KEYS) {
			Gauge.builder("mmp.cases.active", this, metrics -> value(metrics.current(), f -> f.active().get(key)))
				.description("Running process instances")
				.tag("process", key)
				.register(registry);
			Gauge.builder("mmp.cases.completed", this,
					metrics -> value(metrics.current(), f -> f.completed().get(key)))
				.description("Ended process instances still in history (history cleanup removes them after the retention)")
				.tag("process", key)
				.register(registry);
			Gauge.builder("mmp.cases.started", this, metrics -> value(metrics.current(),
					f -> f.active().get(key) + f.completed().get(key)))
				.description("Process instances started, as far as history reaches back")
				.tag("process", key)
				.register(registry);
		}
	}

	private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Figures> value) {
		Gauge.builder(name, this, metrics -> value(metrics.current(), value)).description(description).register(registry);
	}

	private static double value(Figures figures, ToDoubleFunction<Figures> value) {
		return figures == null ? Double.NaN : value.applyAsDouble(figures);
	}

	/**
	 * The figures, computed again when they are older than the cache period; null when the database is away (and
	 * then not asked again within the cache period either, so a scrape does not wait for every gauge in turn).
	 */
	synchronized Figures current() {
		Instant now = clock.instant();
		if (lastTry == null || !lastTry.plus(cacheFor).isAfter(now)) {
			lastTry = now;
			try {
				figures = compute();
			}
			catch (RuntimeException ex) {
				// the health endpoint says why; a scrape shows NaN rather than stale figures
				log.warn("Case metrics not available: {}", ex.getClass().getSimpleName());
				figures = null;
			}
		}
		return figures;
	}

	/** Computes the figures now, whatever the cache holds. */
	synchronized Figures refresh() {
		lastTry = null;
		return current();
	}

	private Figures compute() {
		Instant now = clock.instant();
		long openReviews = taskService.createTaskQuery()
			.taskDefinitionKey(ApplicationReviewProcess.TASK_REVIEW_APPLICATION)
			.count();
		long pastSla = taskService.createTaskQuery()
			.taskDefinitionKey(ApplicationReviewProcess.TASK_REVIEW_APPLICATION)
			.dueBefore(Date.from(now))
			.count();
		long dueJobs = managementService.createJobQuery().executable().count();
		long failedJobs = managementService.createJobQuery().noRetriesLeft().count();
		long incidents = runtimeService.createIncidentQuery().count();
		Map<String, Long> active = new LinkedHashMap<>();
		Map<String, Long> completed = new LinkedHashMap<>();
		for (String key : PROCESS_KEYS) {
			active.put(key, runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count());
			completed.put(key,
					historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).finished().count());
		}
		return new Figures(now, openReviews, pastSla, dueJobs, failedJobs, incidents, active, completed);
	}

}
