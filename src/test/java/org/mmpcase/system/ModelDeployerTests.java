package org.mmpcase.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

class ModelDeployerTests extends ProcessTest {

	@Autowired
	ModelDeployer deployer;

	@Autowired
	RepositoryService repositoryService;

	@Test
	void startup_deploysEveryProcessDecisionAndForm_withRelativeNames() {
		List<String> keys = repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.list()
			.stream()
			.map(ProcessDefinition::getKey)
			.toList();
		assertThat(keys).contains("initial-registration", "renewal", "application-review");
		assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("fee-schedule").count())
			.isPositive();
		String deploymentId = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("initial-registration")
			.latestVersion()
			.singleResult()
			.getDeploymentId();
		assertThat(repositoryService.getDeploymentResourceNames(deploymentId))
			.contains("registration/initial-registration.bpmn", "registration/confirm-profile.form")
			.allMatch(name -> !name.startsWith("/") && !name.contains(":"));
	}

	@Test
	void deployAgain_nothingChanged_noNewVersions() {
		long definitionsBefore = repositoryService.createProcessDefinitionQuery().count();
		long decisionsBefore = repositoryService.createDecisionDefinitionQuery().count();

		deployer.deploy();

		assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitionsBefore);
		assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(decisionsBefore);
	}

}
