package org.mmpcase.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.mmpcase.shared.EngineAuthorizations;
import org.mmpcase.shared.StaffGroups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters DCP staff work from, created at start-up when missing (by name) and readable by the groups
 * that need them. Queries use Tasklist's expressions ({@code currentUser()}, {@code currentUserGroups()},
 * {@code now()}), so one filter serves every reviewer; Tasklist shows each in its priority order.
 */
@Component
@Order(3)
class TasklistFilters implements ApplicationRunner {

	static final String MY_TASKS = "My tasks";

	static final String UNASSIGNED_REVIEWS = "Reviews - unassigned, by due date";

	static final String DUE_SOON = "Reviews due within 3 days";

	static final String SLA_BREACHED = "Reviews past their SLA";

	static final String WAITING_ON_APPLICANT = "Waiting on the applicant";

	static final String ESCALATIONS = "Supervisor escalations";

	private record Definition(String name, int priority, String description, List<String> groups,
			Supplier<TaskQuery> query) {
	}

	private final FilterService filterService;

	private final TaskService taskService;

	private final EngineAuthorizations authorizations;

	TasklistFilters(FilterService filterService, TaskService taskService, EngineAuthorizations authorizations) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> reviewers = List.of(StaffGroups.REVIEWERS, StaffGroups.SUPERVISORS);
		List<Definition> definitions = List.of(
				new Definition(MY_TASKS, -10, "Tasks assigned to me", reviewers,
						() -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate()
							.asc()),
				new Definition(UNASSIGNED_REVIEWS, 0, "Applications waiting for a reviewer, oldest due first",
						reviewers, () -> reviews().taskCandidateGroupInExpression("${currentUserGroups()}")
							.taskUnassigned()
							.orderByDueDate()
							.asc()),
				new Definition(DUE_SOON, 10, "Reviews due in the next 3 days", reviewers,
						() -> reviews().taskCandidateGroupInExpression("${currentUserGroups()}")
							.includeAssignedTasks()
							.dueBeforeExpression("${dateTime().plusDays(3)}")
							.orderByDueDate()
							.asc()),
				new Definition(SLA_BREACHED, 20, "Reviews whose due date (the SLA) has passed", reviewers,
						() -> reviews().taskCandidateGroupInExpression("${currentUserGroups()}")
							.includeAssignedTasks()
							.dueBeforeExpression("${now()}")
							.orderByDueDate()
							.asc()),
				new Definition(WAITING_ON_APPLICANT, 30, "Requests for information the applicant has not answered",
						reviewers, () -> taskService.createTaskQuery()
							.processDefinitionKey(ApplicationReviewProcess.KEY)
							.taskDefinitionKey(ApplicationReviewProcess.TASK_PROVIDE_INFORMATION)
							.orderByTaskCreateTime()
							.asc()),
				new Definition(ESCALATIONS, 40, "Reviews past their SLA, escalated to supervisors",
						List.of(StaffGroups.SUPERVISORS),
						() -> taskService.createTaskQuery()
							.taskDefinitionKey(ApplicationReviewProcess.TASK_HANDLE_ESCALATION)
							.taskCandidateGroup(StaffGroups.SUPERVISORS)
							.includeAssignedTasks()
							.orderByTaskCreateTime()
							.asc()));
		definitions.forEach(this::ensure);
	}

	private TaskQuery reviews() {
		return taskService.createTaskQuery().taskDefinitionKey(ApplicationReviewProcess.TASK_REVIEW_APPLICATION);
	}

	private void ensure(Definition definition) {
		Filter filter = filterService.createFilterQuery().filterName(definition.name()).singleResult();
		if (filter == null) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("description", definition.description());
			properties.put("priority", definition.priority());
			properties.put("refresh", true);
			filter = filterService.saveFilter(filterService.newTaskFilter(definition.name())
				.setQuery(definition.query().get())
				.setProperties(properties));
		}
		for (String group : definition.groups()) {
			authorizations.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
		}
	}

}
