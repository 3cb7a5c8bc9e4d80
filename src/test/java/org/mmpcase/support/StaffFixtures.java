package org.mmpcase.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.mmpcase.shared.EngineAuthorizations;

/** Camunda users the demo data does not have, for the tests of who sees what. */
public final class StaffFixtures {

	/** A group of reviewers that is no candidate group of any task, with Tasklist access. */
	public static final String OTHER_GROUP = "licensing";

	/** Its member. */
	public static final String OTHER_REVIEWER = "lena";

	public static final String OTHER_REVIEWER_PASSWORD = "lena-password-1";

	private StaffFixtures() {
	}

	/** Creates the other group and its reviewer unless they exist. */
	public static void otherGroupWithItsReviewer(IdentityService identity, EngineAuthorizations authorizations) {
		if (identity.createUserQuery().userId(OTHER_REVIEWER).count() > 0) {
			return;
		}
		identity.saveGroup(identity.newGroup(OTHER_GROUP));
		User lena = identity.newUser(OTHER_REVIEWER);
		lena.setFirstName("Lena");
		lena.setLastName("Licensing");
		lena.setPassword(OTHER_REVIEWER_PASSWORD);
		identity.saveUser(lena);
		identity.createMembership(OTHER_REVIEWER, OTHER_GROUP);
		authorizations.grant(OTHER_GROUP, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
	}

}
