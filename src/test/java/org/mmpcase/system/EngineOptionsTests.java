package org.mmpcase.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.ProcessTest;

/**
 * The engine options for cheaper task queries are really in effect (a generic property of the same name as a
 * starter property is silently overridden by the starter's default: seen for the revoke check).
 */
class EngineOptionsTests extends ProcessTest {

	@Test
	void cheaperTaskQueryOptions_inEffect() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
			.getProcessEngineConfiguration();

		assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
		assertThat(configuration.isCmmnEnabled()).isFalse();
		assertThat(configuration.isStandaloneTasksEnabled()).isFalse();
		assertThat(configuration.isAuthorizationEnabled()).isTrue();
	}

}
