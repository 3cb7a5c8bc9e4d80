package org.mmpcase.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.mmpcase.documents.DocumentService;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.ApplicationAccess;
import org.mmpcase.review.ApplicationReviewProcess;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the reviewers' queue ({@code review_queue}, {@code review_queue_group}) in step with the engine's tasks of
 * the review process, in the engine's own transaction: a task that is created, claimed, reassigned, given other
 * candidate groups, a new due date or priority, completed or deleted changes its row in the same commit. The events
 * come from Camunda's Spring eventing bridge ({@code camunda.bpm.eventing.task}, not skippable, so a process owner
 * who deletes an instance "skipping custom listeners" still removes its rows).
 */
@Component
class ReviewQueue {

	/** Reviews without a due date sort last. */
	static final Instant NO_DUE_DATE = Instant.parse("9999-12-31T00:00:00Z");

	private static final String PROCESS_DEFINITION_PREFIX = ApplicationReviewProcess.KEY + ":";

	private final JdbcClient jdbc;

	private final ApplicationAccess applications;

	private final DocumentService documents;

	ReviewQueue(JdbcClient jdbc, ApplicationAccess applications, DocumentService documents) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.documents = documents;
	}

	@EventListener
	public void on(DelegateTask task) {
		Optional<TaskKind> kind = TaskKind.ofTaskDefinitionKey(task.getTaskDefinitionKey());
		if (kind.isEmpty() || task.getProcessDefinitionId() == null
				|| !task.getProcessDefinitionId().startsWith(PROCESS_DEFINITION_PREFIX)) {
			return;
		}
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_CREATE -> insert(task, kind.get());
			case TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE -> update(task, kind.get());
			case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> remove(task.getId());
			default -> {
				// timeout events change nothing the queue shows
			}
		}
	}

	private void insert(DelegateTask task, TaskKind kind) {
		String number = task.getExecution().getProcessBusinessKey();
		QueueCase shown = applications.find(number)
			.map(application -> QueueCase.of(application, documents.currentDocuments(application)))
			.orElse(QueueCase.UNKNOWN);
		Set<String> groups = kind == TaskKind.WAITING ? groupsOfLastReview(task) : candidateGroups(task);
		insert(new Row(task.getId(), kind, task.getProcessInstanceId(), number, shown, task.getAssignee(),
				instant(task.getCreateTime()), instant(task.getDueDate()), task.getPriority()),
				principals(kind, groups, task.getAssignee()));
	}

	/**
	 * A claim, reassignment, new due date, priority or candidate groups. An assignment can come before the task's
	 * create event (an assignee set by the model), when there is no row yet: the create event writes it.
	 */
	private void update(DelegateTask task, TaskKind kind) {
		Instant due = instant(task.getDueDate());
		int updated = jdbc.sql("update review_queue set assignee = :assignee, due_at = :due, sort_at = :sort, "
				+ "priority = :priority where task_id = :task")
			.param("assignee", task.getAssignee())
			.param("due", timestamp(due))
			.param("sort", timestamp(sortAt(kind, due, instant(task.getCreateTime()))))
			.param("priority", task.getPriority())
			.param("task", task.getId())
			.update();
		if (updated > 0 && kind != TaskKind.WAITING) {
			Set<String> principals = principals(kind, candidateGroups(task), task.getAssignee());
			if (!principals.equals(groupsOf(task.getId()))) {
				jdbc.sql("delete from review_queue_group where task_id = ?").param(task.getId()).update();
				insertGroups(task.getId(), principals);
			}
		}
	}

	private void remove(String taskId) {
		jdbc.sql("delete from review_queue_group where task_id = ?").param(taskId).update();
		jdbc.sql("delete from review_queue where task_id = ?").param(taskId).update();
	}

	record Row(String taskId, TaskKind kind, String processInstanceId, String applicationNumber, QueueCase shown,
			String assignee, Instant createdAt, Instant dueAt, int priority) {
	}

	static final String INSERT_ROW = "insert into review_queue (task_id, task_kind, process_instance_id, "
			+ "application_number, applicant_name, application_kind, applicant_role, submitted_at, document_summary, "
			+ "assignee, created_at, due_at, sort_at, priority) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	static final String INSERT_GROUP = "insert into review_queue_group (task_id, group_id) values (?, ?)";

	static Object[] values(Row row) {
		return new Object[] { row.taskId(), row.kind().name(), row.processInstanceId(), row.applicationNumber(),
				row.shown().applicantName(), row.shown().kind(), row.shown().role(),
				timestamp(row.shown().submittedAt()), row.shown().documentSummary(), row.assignee(),
				timestamp(row.createdAt()), timestamp(row.dueAt()),
				timestamp(sortAt(row.kind(), row.dueAt(), row.createdAt())), row.priority() };
	}

	private void insert(Row row, Set<String> groups) {
		remove(row.taskId());
		jdbc.sql(INSERT_ROW).params(values(row)).update();
		insertGroups(row.taskId(), groups);
	}

	private void insertGroups(String taskId, Set<String> groups) {
		for (String group : groups) {
			jdbc.sql(INSERT_GROUP).params(taskId, group).update();
		}
	}

	private Set<String> groupsOf(String taskId) {
		return new LinkedHashSet<>(jdbc.sql("select group_id from review_queue_group where task_id = ?")
			.param(taskId)
			.query(String.class)
			.list());
	}

	/**
	 * Who a task is for, as rows of {@code review_queue_group}: its candidate groups, and {@code user:<id>} for the
	 * user it is assigned to (Camunda's ids cannot contain ':'), so that "in one of my groups or mine" is one indexed
	 * lookup. A request for information is assigned to the applicant, who is no staff: only its groups count.
	 */
	static Set<String> principals(TaskKind kind, Set<String> groups, String assignee) {
		if (assignee == null || kind == TaskKind.WAITING) {
			return groups;
		}
		Set<String> principals = new LinkedHashSet<>(groups);
		principals.add(userPrincipal(assignee));
		return principals;
	}

	static String userPrincipal(String userId) {
		return "user:" + userId;
	}

	/** A review orders by its due date (the SLA); the other tasks by when they arose. */
	static Instant sortAt(TaskKind kind, Instant due, Instant created) {
		if (kind == TaskKind.REVIEW) {
			return due == null ? NO_DUE_DATE : due;
		}
		return created;
	}

	private static Set<String> candidateGroups(DelegateTask task) {
		Set<String> groups = new LinkedHashSet<>();
		for (IdentityLink link : task.getCandidates()) {
			if (link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		return groups;
	}

	/**
	 * A request for information belongs to the groups of the review that asked it: the candidate groups the last
	 * review task of this review process had when it ended (from the engine's identity link history), or, without
	 * that history, those the model gives the review task.
	 */
	static Set<String> groupsOfLastReview(HistoryService history, String processInstanceId,
			java.util.function.Supplier<Set<String>> fromModel) {
		List<HistoricTaskInstance> reviews = history.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(ApplicationReviewProcess.TASK_REVIEW_APPLICATION)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.listPage(0, 1);
		if (reviews.isEmpty()) {
			return fromModel.get();
		}
		List<HistoricIdentityLinkLog> log = new ArrayList<>(history.createHistoricIdentityLinkLogQuery()
			.taskId(reviews.get(0).getId())
			.type(IdentityLinkType.CANDIDATE)
			.list());
		log.sort(Comparator.comparing(HistoricIdentityLinkLog::getTime));
		Set<String> groups = new LinkedHashSet<>();
		for (HistoricIdentityLinkLog entry : log) {
			if (entry.getGroupId() == null) {
				continue;
			}
			if ("add".equals(entry.getOperationType())) {
				groups.add(entry.getGroupId());
			}
			else {
				groups.remove(entry.getGroupId());
			}
		}
		return groups.isEmpty() ? fromModel.get() : groups;
	}

	private static Set<String> groupsOfLastReview(DelegateTask task) {
		return groupsOfLastReview(task.getProcessEngineServices().getHistoryService(), task.getProcessInstanceId(),
				() -> modelGroups(task));
	}

	private static Set<String> modelGroups(DelegateTask task) {
		return fixedGroups(task.getProcessEngineServices()
			.getRepositoryService()
			.getBpmnModelInstance(task.getProcessDefinitionId()));
	}

	/** The fixed candidate groups a model gives the review task (an expression gives none here). */
	static Set<String> fixedGroups(BpmnModelInstance model) {
		Set<String> groups = new LinkedHashSet<>();
		if (model.getModelElementById(ApplicationReviewProcess.TASK_REVIEW_APPLICATION) instanceof UserTask review
				&& review.getCamundaCandidateGroups() != null) {
			for (String group : review.getCamundaCandidateGroups().split(",")) {
				if (!group.isBlank() && !group.contains("{")) {
					groups.add(group.trim());
				}
			}
		}
		return groups;
	}

	static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

	static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
