package org.mmpcase.system;

import org.mmpcase.shared.DeployedModels;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Deploys {@code processes/} (BPMN, DMN) and {@code forms/} (Camunda Forms) into the engine at start-up. Resource
 * names are relative to their folder, so a moved checkout deploys the same names, and only files that changed become
 * new versions; running instances stay on the version they started with. The folders packaged in the jar are the
 * default; a configured folder overrides them so a process owner deploys an edited model without a rebuild.
 */
@Component
@Order(0)
public class ModelDeployer implements ApplicationRunner {

	public static final String DEPLOYMENT_NAME = DeployedModels.DEPLOYMENT_NAME;

	private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

	private final RepositoryService repositoryService;

	private final String processesDir;

	private final String formsDir;

	ModelDeployer(RepositoryService repositoryService, @Value("${mmp.models.processes-dir:}") String processesDir,
			@Value("${mmp.models.forms-dir:}") String formsDir) {
		this.repositoryService = repositoryService;
		this.processesDir = processesDir;
		this.formsDir = formsDir;
	}

	@Override
	public void run(ApplicationArguments args) {
		deploy();
		loadEveryProcessDefinition();
	}

	/**
	 * Loads every deployed process definition into this node's deployment cache, one after the other, at start-up.
	 * Camunda 7.24 puts a definition it loads into the cache before it gives the definition's timers and
	 * asynchronous steps their job definitions; another thread that finds it in the cache in between creates a job
	 * without a job definition, and 7.24 refuses that job ("Invalid process definition id: processDefinitionId is
	 * null"). Seen in TwoNodesIT: the second node, whose cache was empty, started its first registration-expiry
	 * processes on several threads at once. {@link CompleteDefinitionsOnly} closes that window for every definition,
	 * including one deployed later by another node (DeploymentRaceTests); loading them here still spares the first
	 * requests the parsing.
	 *
	 * @return how many definitions were loaded
	 */
	public int loadEveryProcessDefinition() {
		List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().list();
		// getProcessDefinition returns the deployed (parsed and cached) definition
		definitions.forEach(definition -> repositoryService.getProcessDefinition(definition.getId()));
		log.debug("{} process definitions loaded into the deployment cache", definitions.size());
		return definitions.size();
	}

	/** Deploys what changed since the last deployment; unchanged resources keep their version. */
	public DeploymentWithDefinitions deploy() {
		Map<String, byte[]> resources = new TreeMap<>();
		resources.putAll(read("processes", processesDir));
		resources.putAll(read("forms", formsDir));
		DeploymentBuilder builder = repositoryService.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source("mmp-model-deployer")
			.enableDuplicateFiltering(true);
		resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
		DeploymentWithDefinitions deployment = builder.deployWithResult();
		log.info("Model deployment {}: {} resources read, {} process and {} decision definitions new", deployment.getId(),
				resources.size(), sizeOf(deployment.getDeployedProcessDefinitions()),
				sizeOf(deployment.getDeployedDecisionDefinitions()));
		return deployment;
	}

	private static int sizeOf(List<?> list) {
		return list == null ? 0 : list.size();
	}

	private static Map<String, byte[]> read(String folder, String overrideDir) {
		return StringUtils.hasText(overrideDir) ? readDirectory(Path.of(overrideDir)) : readClasspath(folder);
	}

	private static Map<String, byte[]> readDirectory(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new IllegalStateException("Model folder " + dir.toAbsolutePath() + " does not exist");
		}
		Map<String, byte[]> resources = new TreeMap<>();
		try (Stream<Path> files = Files.walk(dir)) {
			files.filter(Files::isRegularFile).filter(ModelDeployer::isModel).forEach(file -> {
				String name = dir.relativize(file).toString().replace('\\', '/');
				resources.put(name, readAll(file));
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return resources;
	}

	private static Map<String, byte[]> readClasspath(String folder) {
		Map<String, byte[]> resources = new TreeMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + folder + "/**/*.*")) {
				String url = resource.getURL().toString();
				String name = url.substring(url.lastIndexOf("/" + folder + "/") + folder.length() + 2);
				if (isModel(Path.of(name))) {
					try (InputStream in = resource.getInputStream()) {
						resources.put(name, in.readAllBytes());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return resources;
	}

	private static boolean isModel(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form");
	}

	private static byte[] readAll(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
