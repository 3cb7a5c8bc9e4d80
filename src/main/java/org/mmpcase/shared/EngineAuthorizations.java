package org.mmpcase.shared;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/** Grants a Camunda group permissions on a resource, adding to what it may already have (idempotent at start-up). */
@Component
public class EngineAuthorizations {

	private final AuthorizationService authorizations;

	EngineAuthorizations(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		grant(group, resource, resourceId, List.of(permissions));
	}

	public void grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
		Authorization authorization = authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.list()
			.stream()
			.findFirst()
			.orElseGet(() -> {
				Authorization created = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				created.setGroupId(group);
				created.setResource(resource);
				created.setResourceId(resourceId);
				return created;
			});
		boolean missing = permissions.stream().anyMatch(permission -> !authorization.isPermissionGranted(permission));
		if (missing || authorization.getId() == null) {
			permissions.forEach(authorization::addPermission);
			authorizations.saveAuthorization(authorization);
		}
	}

}
