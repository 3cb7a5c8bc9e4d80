package org.mmpcase.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
	void processOwnerEditsAFormInAFolder_onlyThatFormIsDeployedAgain(@TempDir Path copy) throws IOException {
		Path processes = copyTree(Path.of("processes"), copy.resolve("processes"));
		Path forms = copyTree(Path.of("forms"), copy.resolve("forms"));
		Path form = forms.resolve("dispensary/choose-dispensary.form");
		Files.writeString(form, Files.readString(form).replace("Choose", "Pick"));
		long definitionsBefore = repositoryService.createProcessDefinitionQuery().count();

		DeploymentWithDefinitions deployment = new ModelDeployer(repositoryService, processes.toString(),
				forms.toString())
			.deploy();

		assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
			.containsExactly("dispensary/choose-dispensary.form");
		assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitionsBefore);
		repositoryService.deleteDeployment(deployment.getId(), true);
	}

	private static Path copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		return to;
	}

	@Test
	void deployAgain_nothingChanged_noNewVersions() {
		long definitionsBefore = repositoryService.createProcessDefinitionQuery().count();
		long decisionsBefore = repositoryService.createDecisionDefinitionQuery().count();
		long deploymentsBefore = repositoryService.createDeploymentQuery().count();

		deployer.deploy();

		assertThat(repositoryService.createDeploymentQuery().count()).as("no empty deployment")
			.isEqualTo(deploymentsBefore);
		assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitionsBefore);
		assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(decisionsBefore);
	}

	/**
	 * A node started on an existing database (nothing new to deploy) has an empty deployment cache; Camunda 7.24 loads
	 * a definition into it in two steps, and a second thread in between creates jobs it then refuses. So the deployer
	 * loads every definition at start-up, before concurrent use (engine internals only to look into the cache).
	 */
	@Test
	void nodeOnAnExistingDatabase_loadsEveryProcessDefinitionIntoItsCache_atStartUp() {
		DeploymentCache cache = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
			.getDeploymentCache();
		cache.discardProcessDefinitionCache();
		List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().list();
		assertThat(definitions).isNotEmpty()
			.allSatisfy(definition -> assertThat(cache.getProcessDefinitionCache().get(definition.getId())).isNull());

		assertThat(deployer.loadEveryProcessDefinition()).isEqualTo(definitions.size());

		assertThat(definitions).allSatisfy(definition -> assertThat(cache.getProcessDefinitionCache()
			.get(definition.getId())).as(definition.getKey() + " in the cache").isNotNull());
	}

}
