package org.mmpcase.workspace;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.mmpcase.shared.StaffGroups;

/**
 * A signed-in member of DCP staff: a Camunda user with the groups read at this request. A
 * {@link java.security.Principal} whose name is the user id, so other modules' controllers under the workspace's API
 * read who it is from Spring Security's {@code Authentication#getName()} without knowing this type.
 */
record StaffUser(String id, String name, List<String> groups)
		implements java.io.Serializable, java.security.Principal {

	/** The Camunda user id ({@link #name()} is the display name). */
	@Override
	public String getName() {
		return id;
	}

	boolean isSupervisor() {
		return groups.contains(StaffGroups.SUPERVISORS);
	}

	/** Runs engine calls as this user, so that the engine checks this user's authorizations. */
	<T> T asUser(IdentityService identityService, Supplier<T> work) {
		identityService.setAuthentication(id, groups);
		try {
			return work.get();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
