package org.mmpcase.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.mmpcase.shared.BadRequestException;
import org.springframework.stereotype.Service;

/**
 * Moves the running instances of a process to its latest version (Camunda's migration API): for each older version
 * with instances, a plan that maps the activities with equal ids, validated and executed for all its instances at
 * once. A version whose instances cannot move (an activity they wait in is gone) is reported, not half-migrated.
 */
@Service
public class MigrationService {

	private final RepositoryService repositoryService;

	private final RuntimeService runtimeService;

	MigrationService(RepositoryService repositoryService, RuntimeService runtimeService) {
		this.repositoryService = repositoryService;
		this.runtimeService = runtimeService;
	}

	public record Report(String processKey, int targetVersion, List<Moved> moved, List<NotMoved> notMoved) {
	}

	public record Moved(int fromVersion, long instances) {
	}

	public record NotMoved(int fromVersion, long instances, String reason) {
	}

	public Report migrateToLatest(String processKey) {
		ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
		if (latest == null) {
			throw new BadRequestException("No process with key '" + processKey + "' is deployed.");
		}
		List<Moved> moved = new ArrayList<>();
		List<NotMoved> notMoved = new ArrayList<>();
		for (ProcessDefinition older : repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.orderByProcessDefinitionVersion()
			.asc()
			.list()) {
			if (older.getVersion() >= latest.getVersion()) {
				continue;
			}
			long instances = runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()).count();
			if (instances == 0) {
				continue;
			}
			try {
				MigrationPlan plan = runtimeService.createMigrationPlan(older.getId(), latest.getId())
					.mapEqualActivities()
					.updateEventTriggers()
					.build();
				runtimeService.newMigration(plan)
					.processInstanceQuery(runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()))
					.execute();
				moved.add(new Moved(older.getVersion(), instances));
			}
			catch (MigrationPlanValidationException | MigratingProcessInstanceValidationException ex) {
				notMoved.add(new NotMoved(older.getVersion(), instances, ex.getMessage()));
			}
		}
		return new Report(processKey, latest.getVersion(), moved, notMoved);
	}

}
