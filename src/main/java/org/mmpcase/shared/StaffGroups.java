package org.mmpcase.shared;

/** Camunda groups of DCP staff; the models name the same ids as candidate groups. */
public final class StaffGroups {

	public static final String REVIEWERS = "reviewers";

	public static final String SUPERVISORS = "supervisors";

	public static final String PROCESS_OWNERS = "processowners";

	/** Camunda's own administrators group. */
	public static final String ADMINS = "camunda-admin";

	/** Creates the group unless it exists. */
	public static void ensure(org.camunda.bpm.engine.IdentityService identityService, String id, String name, String type) {
		if (identityService.createGroupQuery().groupId(id).count() == 0) {
			org.camunda.bpm.engine.identity.Group group = identityService.newGroup(id);
			group.setName(name);
			group.setType(type);
			identityService.saveGroup(group);
		}
	}

	private StaffGroups() {
	}

}
