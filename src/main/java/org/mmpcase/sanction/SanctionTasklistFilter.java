package org.mmpcase.sanction;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.mmpcase.shared.EngineAuthorizations;
import org.mmpcase.shared.StaffGroups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filter supervisors decide proposals from, created at start-up when missing (by name), as
 * review/TasklistFilters does for the reviews, and the supervisors' right to read the process in Tasklist. Here and
 * not there: review may not know this module (notification, which this module uses, uses review).
 */
@Component
@Order(3)
class SanctionTasklistFilter implements ApplicationRunner {

	static final String NAME = "Suspensions and revocations";

	private final FilterService filterService;

	private final TaskService taskService;

	private final EngineAuthorizations authorizations;

	SanctionTasklistFilter(FilterService filterService, TaskService taskService, EngineAuthorizations authorizations) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		Filter filter = filterService.createFilterQuery().filterName(NAME).singleResult();
		if (filter == null) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("description", "Proposed suspensions and revocations for a supervisor to approve or reject");
			properties.put("priority", 45);
			properties.put("refresh", true);
			filter = filterService.saveFilter(filterService.newTaskFilter(NAME)
				.setQuery(taskService.createTaskQuery()
					.processDefinitionKey(SanctionProcess.KEY)
					.taskDefinitionKey(SanctionProcess.TASK_DECIDE)
					.taskCandidateGroup(StaffGroups.SUPERVISORS)
					.includeAssignedTasks()
					.orderByTaskCreateTime()
					.asc())
				.setProperties(properties));
		}
		authorizations.grant(StaffGroups.SUPERVISORS, Resources.FILTER, filter.getId(), Permissions.READ);
		// the process's diagram and its tasks in Tasklist (the candidate group alone grants each task)
		authorizations.grant(StaffGroups.SUPERVISORS, Resources.PROCESS_DEFINITION, SanctionProcess.KEY,
				ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK);
	}

}
