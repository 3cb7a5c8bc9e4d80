package org.mmpcase.system;

import java.util.List;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.mmpcase.shared.EngineAuthorizations;
import org.mmpcase.shared.StaffGroups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each staff group may see and do, granted at start-up when missing (Camunda authorization is on). Reviewers
 * work the tasks of their group in Tasklist (the engine grants a candidate group its tasks by itself); supervisors
 * also reassign reviews; process owners deploy and watch in Cockpit; administrators use Admin. Nobody else gets
 * anything: patients and providers are not Camunda users at all.
 */
@Component
@Order(2)
class StaffAuthorizations implements ApplicationRunner {

	static final String ANY = Authorization.ANY;

	private final EngineAuthorizations engineAuthorizations;

	StaffAuthorizations(EngineAuthorizations engineAuthorizations) {
		this.engineAuthorizations = engineAuthorizations;
	}

	private record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {

		Grant(String group, Resource resource, String resourceId, Permission... permissions) {
			this(group, resource, resourceId, List.of(permissions));
		}

	}

	@Override
	public void run(ApplicationArguments args) {
		for (Resources resource : Resources.values()) {
			grant(new Grant(StaffGroups.ADMINS, resource, ANY, Permissions.ALL));
		}
		grants().forEach(this::grant);
	}

	private static List<Grant> grants() {
		String review = "application-review";
		return List.of(
				// reviewers: Tasklist; the review process's tasks readable (to follow requests for information)
				new Grant(StaffGroups.REVIEWERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
				new Grant(StaffGroups.REVIEWERS, Resources.PROCESS_DEFINITION, review,
						ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK),
				// supervisors: Tasklist, and reassign any review
				new Grant(StaffGroups.SUPERVISORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
				new Grant(StaffGroups.SUPERVISORS, Resources.PROCESS_DEFINITION, review,
						ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK,
						ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.TASK_ASSIGN),
				// process owners: Cockpit, deployments, definitions, instances (retry, migrate), history
				new Grant(StaffGroups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
				new Grant(StaffGroups.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.ALL),
				new Grant(StaffGroups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY,
						ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
						ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.UPDATE_INSTANCE,
						ProcessDefinitionPermissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB,
						ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.SUSPEND_INSTANCE,
						ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
						ProcessDefinitionPermissions.READ_HISTORY_VARIABLE),
				new Grant(StaffGroups.PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ,
						Permissions.UPDATE),
				new Grant(StaffGroups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
						Permissions.READ_HISTORY),
				new Grant(StaffGroups.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY,
						Permissions.READ),
				new Grant(StaffGroups.PROCESS_OWNERS, Resources.BATCH, ANY, Permissions.ALL),
				new Grant(StaffGroups.PROCESS_OWNERS, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
						HistoricProcessInstancePermissions.READ),
				new Grant(StaffGroups.PROCESS_OWNERS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
	}

	private void grant(Grant grant) {
		engineAuthorizations.grant(grant.group(), grant.resource(), grant.resourceId(), grant.permissions());
	}

}
