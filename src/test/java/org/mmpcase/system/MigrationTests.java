package org.mmpcase.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.registration.Application;
import org.mmpcase.review.ApplicationReviewProcess;
import org.mmpcase.shared.BadRequestException;
import org.mmpcase.shared.StaffGroups;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

class MigrationTests extends ProcessTest {

	@Autowired
	MigrationService migrations;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@AfterEach
	void logOut() {
		identityService.clearAuthentication();
	}

	@Test
	void processOwner_migratesRunningReviewsToTheNewVersion_reportsWhatMoved() {
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		Task review = driver.reviewTask(application);
		ProcessDefinition before = definitionOf(review);
		deployNewReviewVersion();

		identityService.setAuthentication("owner", List.of(StaffGroups.PROCESS_OWNERS));
		MigrationService.Report report = migrations.migrateToLatest(ApplicationReviewProcess.KEY);

		assertThat(report.targetVersion()).isGreaterThan(before.getVersion());
		assertThat(report.moved()).anySatisfy(moved -> {
			assertThat(moved.fromVersion()).isEqualTo(before.getVersion());
			assertThat(moved.instances()).isPositive();
		});
		assertThat(report.notMoved()).isEmpty();
		identityService.clearAuthentication();
		Task same = taskService.createTaskQuery().taskId(review.getId()).singleResult();
		assertThat(definitionOf(same).getVersion()).isEqualTo(report.targetVersion());
	}

	@Test
	void reviewer_cannotMigrate_nothingMoves() {
		Application application = driver.certify();
		driver.completeApplicantSteps(application);
		Task review = driver.reviewTask(application);
		int version = definitionOf(review).getVersion();
		deployNewReviewVersion();

		// reviewers may not read process instances, so there is nothing they could move
		identityService.setAuthentication("reviewer", List.of(StaffGroups.REVIEWERS));
		MigrationService.Report report = migrations.migrateToLatest(ApplicationReviewProcess.KEY);
		identityService.clearAuthentication();

		assertThat(report.moved()).isEmpty();
		assertThat(definitionOf(taskService.createTaskQuery().taskId(review.getId()).singleResult()).getVersion())
			.isEqualTo(version);
	}

	@Test
	void unknownProcess_clearError() {
		assertThatThrownBy(() -> migrations.migrateToLatest("no-such-process"))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("no-such-process");
	}

	/** A process owner's edit: the review task gets a new name in the model. */
	private void deployNewReviewVersion() {
		BpmnModelInstance model = Bpmn
			.readModelFromFile(Path.of("processes/review/application-review.bpmn").toFile());
		UserTask task = model.getModelElementById(ApplicationReviewProcess.TASK_REVIEW_APPLICATION);
		task.setName("Review the application " + System.nanoTime());
		repositoryService.createDeployment()
			.name("migration test")
			.addModelInstance("review/application-review.bpmn", model)
			.deploy();
	}

	private ProcessDefinition definitionOf(Task task) {
		return repositoryService.getProcessDefinition(task.getProcessDefinitionId());
	}

}
