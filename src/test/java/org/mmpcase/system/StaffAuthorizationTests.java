package org.mmpcase.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmpcase.support.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/** What each role can and cannot do, as the engine answers it. */
class StaffAuthorizationTests extends ProcessTest {

	@Autowired
	AuthorizationService authorizations;

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource({ "reviewers, tasklist, true", "reviewers, cockpit, false", "reviewers, admin, false",
			"supervisors, tasklist, true", "supervisors, cockpit, false", "processowners, cockpit, true",
			"processowners, tasklist, false", "processowners, admin, false", "camunda-admin, admin, true",
			"camunda-admin, cockpit, true" })
	void webapps_eachRoleReachesOnlyItsApps(String group, String app, boolean allowed) {
		assertThat(can(group, Permissions.ACCESS, Resources.APPLICATION, app)).isEqualTo(allowed);
	}

	@ParameterizedTest(name = "{0}: deploy={1} manage users={2} reassign reviews={3}")
	@CsvSource({ "reviewers, false, false, false", "supervisors, false, false, true",
			"processowners, true, false, false", "camunda-admin, true, true, true" })
	void roles_deployManageUsersReassign(String group, boolean deploy, boolean manageUsers, boolean reassign) {
		assertThat(can(group, Permissions.CREATE, Resources.DEPLOYMENT, "*")).isEqualTo(deploy);
		assertThat(can(group, Permissions.CREATE, Resources.USER, "*")).isEqualTo(manageUsers);
		assertThat(can(group, ProcessDefinitionPermissions.TASK_ASSIGN, Resources.PROCESS_DEFINITION,
				"application-review")).isEqualTo(reassign);
	}

	private boolean can(String group, Permission permission, Resource resource, String resourceId) {
		return authorizations.isUserAuthorized("someone", List.of(group), permission, resource, resourceId);
	}

}
