package org.mmpcase.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.TestDatabase;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The deployment-cache race between nodes, on one PostgreSQL with two engines (node A deploys, node B uses), as
 * in a cluster. Node B has never loaded the new version; its first two uses come at once. The first thread loads
 * the definition into B's cache and, between putting it there and giving its timer a job definition, is held at
 * that very query (a gate in B's data source). The second thread starts an instance meanwhile.
 */
class DeploymentRaceTests {

	private static final String KEY = "Process_RaceWithTimer";

	private final Gate gate = new Gate();

	private ProcessEngine nodeA;

	private ProcessEngine nodeB;

	private HikariDataSource pool;

	@AfterEach
	void close() {
		gate.open();
		if (nodeA != null) {
			nodeA.close();
		}
		if (nodeB != null) {
			nodeB.close();
		}
		if (pool != null) {
			pool.close();
		}
	}

	@Test
	void newVersionDeployedOnNodeA_twoFirstUsesAtOnceOnNodeB_bothStartWithTheirTimer() throws Exception {
		startNodes(true);
		Future<String> first = startOnNodeBInTheLoadersWindow();
		FutureTask<String> secondUse = new FutureTask<>(this::startOnNodeB);
		Thread second = new Thread(secondUse, "second-use");
		second.start();
		Thread waiting = second;
		// with the fix the second use waits for the loader; without it, it fails at once
		await().atMost(Duration.ofSeconds(30))
			.until(() -> secondUse.isDone() || waiting.getState() == Thread.State.BLOCKED);
		gate.open();

		List<String> instances = List.of(first.get(30, TimeUnit.SECONDS), secondUse.get(30, TimeUnit.SECONDS));
		for (String instance : instances) {
			Job timer = nodeB.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
			assertThat(timer.getJobDefinitionId()).isNotNull();
			assertThat(timer.getProcessDefinitionId()).isEqualTo(
					nodeB.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
						.latestVersion().singleResult().getId());
		}
	}

	/** What the engine does without CompleteDefinitionsOnly: if this starts to pass, the engine fixed the race. */
	@Test
	void withoutTheFix_theSecondFirstUseFails() throws Exception {
		startNodes(false);
		Future<String> first = startOnNodeBInTheLoadersWindow();
		assertThatThrownBy(this::startOnNodeB).hasMessageContaining("processDefinitionId is null");
		gate.open();
		assertThat(first.get(30, TimeUnit.SECONDS)).isNotNull();
	}

	private void startNodes(boolean fixed) {
		TestDatabase.Database database = TestDatabase.newDatabase();
		pool = new HikariDataSource();
		pool.setJdbcUrl(database.url());
		pool.setUsername(database.username());
		pool.setPassword(database.password());
		pool.setMaximumPoolSize(6);
		nodeA = engine("race-node-a", pool, fixed);
		nodeB = engine("race-node-b", gate.around(pool), fixed);
		// both nodes know version 1
		nodeA.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", model("PT1H")).deploy();
		nodeB.getRuntimeService().startProcessInstanceByKey(KEY);
		// node A deploys version 2
		nodeA.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", model("PT2H")).deploy();
	}

	/** The first use on node B, held by the gate after the definition went into B's cache. */
	private Future<String> startOnNodeBInTheLoadersWindow() throws InterruptedException {
		gate.arm();
		FutureTask<String> first = new FutureTask<>(this::startOnNodeB);
		new Thread(first, "first-use").start();
		assertThat(gate.awaitHeld()).as("the first use reached the job definitions' query").isTrue();
		return first;
	}

	private String startOnNodeB() {
		return nodeB.getRuntimeService().startProcessInstanceByKey(KEY).getId();
	}

	private static ProcessEngine engine(String name, DataSource dataSource, boolean fixed) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneProcessEngineConfiguration()
			.setProcessEngineName(name)
			.setDataSource(dataSource)
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setJobExecutorActivate(false)
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		if (fixed) {
			configuration.getProcessEnginePlugins().add(new CompleteDefinitionsOnly());
		}
		return configuration.buildProcessEngine();
	}

	private static BpmnModelInstance model(String wait) {
		return Bpmn.createExecutableProcess(KEY)
			.camundaHistoryTimeToLive(1)
			.startEvent("StartEvent_Started")
			.intermediateCatchEvent("Timer_Wait")
			.timerWithDuration(wait)
			.endEvent("EndEvent_Done")
			.done();
	}

	/**
	 * Holds the first thread that queries a definition's job definitions ({@code BpmnDeployer.updateJobDeclarations})
	 * after it was armed, until it is opened.
	 */
	private static final class Gate {

		private final AtomicBoolean armed = new AtomicBoolean();

		private final CountDownLatch held = new CountDownLatch(1);

		private final CountDownLatch opened = new CountDownLatch(1);

		void arm() {
			armed.set(true);
		}

		boolean awaitHeld() throws InterruptedException {
			return held.await(30, TimeUnit.SECONDS);
		}

		void open() {
			opened.countDown();
		}

		DataSource around(DataSource dataSource) {
			return new DelegatingDataSource(dataSource) {
				@Override
				public Connection getConnection() throws java.sql.SQLException {
					return watched(super.getConnection());
				}
			};
		}

		private Connection watched(Connection connection) {
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
								&& sql.contains("ACT_RU_JOBDEF where PROC_DEF_ID_ =") && armed.compareAndSet(true, false)) {
							held.countDown();
							opened.await(30, TimeUnit.SECONDS);
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
