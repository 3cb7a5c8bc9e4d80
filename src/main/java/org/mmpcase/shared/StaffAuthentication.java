package org.mmpcase.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * HTTP Basic authentication of DCP staff against Camunda's identity service, for the few staff endpoints outside
 * the engine REST API. The work then runs as that user, so Camunda's authorizations apply to it.
 */
@Component
public class StaffAuthentication {

	private final IdentityService identityService;

	StaffAuthentication(IdentityService identityService) {
		this.identityService = identityService;
	}

	/** Runs {@code work} as the authenticated staff member, who must belong to one of {@code allowedGroups}. */
	public <T> T runAs(HttpServletRequest request, Set<String> allowedGroups, Supplier<T> work) {
		String[] credentials = credentials(request);
		if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in with your Camunda user (HTTP Basic).");
		}
		List<String> groups = identityService.createGroupQuery()
			.groupMember(credentials[0])
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		if (groups.stream().noneMatch(allowedGroups::contains)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your role may not do this.");
		}
		identityService.setAuthentication(credentials[0], groups);
		try {
			return work.get();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private static String[] credentials(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
