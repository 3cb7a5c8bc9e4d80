package org.mmpcase.workspace;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.mmpcase.shared.StaffGroups;

/** A signed-in member of DCP staff: a Camunda user with the groups read at this request. */
record StaffUser(String id, String name, List<String> groups) implements java.io.Serializable {

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
