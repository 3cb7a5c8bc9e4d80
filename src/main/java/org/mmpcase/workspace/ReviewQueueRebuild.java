package org.mmpcase.workspace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.mmpcase.documents.Document;
import org.mmpcase.documents.DocumentService;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.review.ApplicationReviewProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the reviewers' queue anew from the engine's open tasks: at start-up when the queue is empty but the engine
 * has open reviews (the first start after an upgrade from a version without the workspace), and on an
 * administrator's request ({@code POST /staff/review-queue/rebuild}). Reads the engine through its public API in
 * pages, the candidate groups group by group, so 100,000 open reviews cost a few hundred queries, not one per task.
 */
@Component
@Order(10)
class ReviewQueueRebuild implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReviewQueueRebuild.class);

	private static final int PAGE = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final RepositoryService repository;

	private final IdentityService identity;

	private final ApplicationAccess applications;

	private final DocumentService documents;

	private final TransactionTemplate transaction;

	/** The review task's groups by process definition, for requests whose review left no history. */
	private final Map<String, Set<String>> modelGroups = new java.util.concurrent.ConcurrentHashMap<>();

	ReviewQueueRebuild(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TaskService tasks, RuntimeService runtime,
			HistoryService history, RepositoryService repository, IdentityService identity,
			ApplicationAccess applications, DocumentService documents, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.tasks = tasks;
		this.runtime = runtime;
		this.history = history;
		this.repository = repository;
		this.identity = identity;
		this.applications = applications;
		this.documents = documents;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean empty = jdbc.sql("select count(*) from review_queue").query(Long.class).single() == 0;
		if (empty && openTasks().count() > 0) {
			log.info("The reviewers' queue is empty but the engine has open review tasks: rebuilding it");
			rebuild();
		}
	}

	/** @return the number of tasks in the queue now */
	int rebuild() {
		long start = System.nanoTime();
		Integer count = transaction.execute(status -> {
			jdbc.sql("delete from review_queue_group").update();
			jdbc.sql("delete from review_queue").update();
			int written = 0;
			for (int first = 0;; first += PAGE) {
				List<Task> page = openTasks().orderByTaskId().asc().listPage(first, PAGE);
				written += write(page);
				if (page.size() < PAGE) {
					break;
				}
			}
			candidateGroups();
			return written;
		});
		analyze();
		log.info("Reviewers' queue rebuilt: {} tasks in {} ms", count, (System.nanoTime() - start) / 1_000_000);
		return count;
	}

	/**
	 * Every row was deleted and written again: PostgreSQL's planner gets the new figures at once instead of when
	 * autovacuum comes by (the dead rows are autovacuum's). Other databases keep their own statistics.
	 */
	private void analyze() {
		String database = jdbcTemplate.execute((java.sql.Connection connection) -> connection.getMetaData()
			.getDatabaseProductName());
		if ("PostgreSQL".equals(database)) {
			jdbc.sql("analyze review_queue, review_queue_group").update();
		}
	}

	private TaskQuery openTasks() {
		return tasks.createTaskQuery()
			.processDefinitionKey(ApplicationReviewProcess.KEY)
			.taskDefinitionKeyIn(ApplicationReviewProcess.TASK_REVIEW_APPLICATION,
					ApplicationReviewProcess.TASK_HANDLE_ESCALATION, ApplicationReviewProcess.TASK_PROVIDE_INFORMATION);
	}

	private int write(List<Task> page) {
		if (page.isEmpty()) {
			return 0;
		}
		Map<String, String> numbers = runtime.createProcessInstanceQuery()
			.processInstanceIds(page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
			.list()
			.stream()
			.collect(Collectors.toMap(ProcessInstance::getId, instance -> String.valueOf(instance.getBusinessKey())));
		Map<String, Application> cases = applications.findAll(new LinkedHashSet<>(numbers.values()))
			.stream()
			.collect(Collectors.toMap(Application::getApplicationNumber, Function.identity()));
		Map<Long, List<Document>> current = documents.currentDocuments(cases.values());
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> groupRows = new ArrayList<>();
		for (Task task : page) {
			TaskKind kind = TaskKind.ofTaskDefinitionKey(task.getTaskDefinitionKey()).orElseThrow();
			String number = numbers.get(task.getProcessInstanceId());
			Application application = cases.get(number);
			QueueCase shown = application == null ? QueueCase.UNKNOWN
					: QueueCase.of(application, current.getOrDefault(application.getId(), List.of()));
			rows.add(ReviewQueue.values(new ReviewQueue.Row(task.getId(), kind, task.getProcessInstanceId(), number,
					shown, task.getAssignee(), ReviewQueue.instant(task.getCreateTime()),
					ReviewQueue.instant(task.getDueDate()), task.getPriority())));
			// the candidate groups of reviews and escalations are read group by group (candidateGroups())
			Set<String> principals = ReviewQueue.principals(kind,
					kind == TaskKind.WAITING ? waitingGroups(task) : Set.of(), task.getAssignee());
			principals.forEach(principal -> groupRows.add(new Object[] { task.getId(), principal }));
		}
		jdbcTemplate.batchUpdate(ReviewQueue.INSERT_ROW, rows);
		jdbcTemplate.batchUpdate(ReviewQueue.INSERT_GROUP, groupRows);
		return page.size();
	}

	private void candidateGroups() {
		for (Group group : identity.createGroupQuery().list()) {
			List<String> ids = new ArrayList<>();
			for (int first = 0;; first += PAGE) {
				List<Task> page = tasks.createTaskQuery()
					.processDefinitionKey(ApplicationReviewProcess.KEY)
					.taskDefinitionKeyIn(ApplicationReviewProcess.TASK_REVIEW_APPLICATION,
							ApplicationReviewProcess.TASK_HANDLE_ESCALATION)
					.taskCandidateGroup(group.getId())
					.includeAssignedTasks()
					.orderByTaskId()
					.asc()
					.listPage(first, PAGE);
				page.forEach(task -> ids.add(task.getId()));
				if (page.size() < PAGE) {
					break;
				}
			}
			jdbcTemplate.batchUpdate(ReviewQueue.INSERT_GROUP,
					ids.stream().map(id -> new Object[] { id, group.getId() }).toList());
		}
	}

	private Set<String> waitingGroups(Task task) {
		return ReviewQueue.groupsOfLastReview(history, task.getProcessInstanceId(),
				() -> modelGroups.computeIfAbsent(task.getProcessDefinitionId(), this::modelGroupsOf));
	}

	private Set<String> modelGroupsOf(String processDefinitionId) {
		return ReviewQueue.fixedGroups(repository.getBpmnModelInstance(processDefinitionId));
	}

}
