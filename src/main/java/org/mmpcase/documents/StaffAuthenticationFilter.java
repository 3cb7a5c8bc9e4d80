package org.mmpcase.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.mmpcase.system.StaffGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only DCP reviewers and supervisors through to the staff document endpoint. Staff are Camunda users, not
 * accounts of the app, so Camunda decides who they are: a reviewer who follows a link in Tasklist is recognised by
 * the Camunda webapp session of the same browser, a script by HTTP Basic checked against Camunda's identity service
 * (which also throttles repeated wrong passwords). Group membership is read fresh on every request, so removing
 * somebody from {@code reviewers} takes effect at once.
 */
class StaffAuthenticationFilter extends OncePerRequestFilter {

	/** Request attribute with the id of the authenticated staff user. */
	static final String STAFF_USER = "org.mmpcase.documents.staffUser";

	private static final Logger log = LoggerFactory.getLogger(StaffAuthenticationFilter.class);

	private static final Set<String> ALLOWED_GROUPS = Set.of(StaffGroups.REVIEWERS, StaffGroups.SUPERVISORS);

	private final ProcessEngine engine;

	StaffAuthenticationFilter(ProcessEngine engine) {
		this.engine = engine;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = fromWebappSession(request);
		if (user == null) {
			user = fromBasicCredentials(request);
		}
		if (user == null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"DCP staff\", charset=\"UTF-8\"");
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		if (!isReviewerOrSupervisor(user)) {
			log.info("Staff user {} refused access to {}: not a reviewer or supervisor", user,
					request.getRequestURI());
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		request.setAttribute(STAFF_USER, user);
		chain.doFilter(request, response);
	}

	private String fromWebappSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
			.getAuthenticationForProcessEngine(engine.getName());
		return authentication == null ? null : authentication.getIdentityId();
	}

	private String fromBasicCredentials(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String credentials;
		try {
			credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = credentials.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		String user = credentials.substring(0, colon);
		return engine.getIdentityService().checkPassword(user, credentials.substring(colon + 1)) ? user : null;
	}

	private boolean isReviewerOrSupervisor(String user) {
		return engine.getIdentityService()
			.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.anyMatch(ALLOWED_GROUPS::contains);
	}

}
