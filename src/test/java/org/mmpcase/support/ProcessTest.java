package org.mmpcase.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Base of the process scenario tests: the whole application on PostgreSQL with the job executor off, so a test
 * decides when a timer fires or an async step runs ({@code execute(job(...))}).
 */
@SpringBootTest(properties = { "camunda.bpm.job-execution.enabled=false", "mmp.demo-data=true" })
@Import(CaseDriver.class)
public abstract class ProcessTest extends PostgresTest {

	@Autowired
	protected ProcessEngine processEngine;

	@Autowired
	protected CaseDriver driver;

	@BeforeEach
	void initAssertions() throws Exception {
		BpmnAwareTests.init(processEngine);
		TestMailServer.get().purgeEmailFromAllMailboxes();
	}

}
