package org.mmpcase.system;

/** Camunda groups of DCP staff; the models name the same ids as candidate groups. */
public final class StaffGroups {

	public static final String REVIEWERS = "reviewers";

	public static final String SUPERVISORS = "supervisors";

	public static final String PROCESS_OWNERS = "processowners";

	/** Camunda's own administrators group. */
	public static final String ADMINS = "camunda-admin";

	private StaffGroups() {
	}

}
