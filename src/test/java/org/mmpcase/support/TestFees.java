package org.mmpcase.support;

import org.camunda.bpm.engine.RepositoryService;

/**
 * The pre-2023 fees ({@code fee-schedule-with-fees.dmn}), deployed as a process owner would deploy an edited fee
 * schedule, and removed again so that the $0 schedule is back for the other tests of the same context.
 */
public final class TestFees {

	private TestFees() {
	}

	/** @return the deployment, for {@link #remove} */
	public static String deploy(RepositoryService repositoryService) {
		return repositoryService.createDeployment()
			.name("test fees")
			.addClasspathResource("fee-schedule-with-fees.dmn")
			.deploy()
			.getId();
	}

	public static void remove(RepositoryService repositoryService, String deployment) {
		repositoryService.deleteDeployment(deployment, true);
	}

}
