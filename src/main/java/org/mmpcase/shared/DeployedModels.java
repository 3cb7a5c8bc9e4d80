package org.mmpcase.shared;

/** The deployment that holds the models of {@code processes/} and {@code forms/} (system/ModelDeployer). */
public final class DeployedModels {

	public static final String DEPLOYMENT_NAME = "mmp-models";

	private DeployedModels() {
	}

}
