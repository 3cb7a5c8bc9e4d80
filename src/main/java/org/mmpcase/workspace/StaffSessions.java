package org.mmpcase.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * DCP staff's sign-in to the workspace is the Camunda webapps' own: the engine's authentication object in the
 * servlet session ({@code AuthenticationUtil}, the webapps' classes: Camunda 7 has no public API for the webapp
 * session). So a reviewer signed in to Tasklist is signed in here, signing in here signs in to Tasklist, and signing
 * out of either ends both. Who the user is, their groups and whether they may use Tasklist are read fresh on every
 * request, so a change in Admin applies at once.
 */
@Component
class StaffSessions {

	static final String CSRF_COOKIE = "MMP-STAFF-XSRF";

	static final String CSRF_HEADER = "X-MMP-STAFF-XSRF";

	/** Who may use the workspace: those who may use Tasklist. */
	static final String TASKLIST = "tasklist";

	private final ProcessEngine engine;

	private final Duration timeout;

	private final Clock clock;

	private final CookieCsrfTokenRepository csrfTokens;

	StaffSessions(ProcessEngine engine, @Value("${mmp.review.session-timeout:PT30M}") Duration timeout, Clock clock,
			@Value("${mmp.portal.secure-cookies:false}") boolean secureCookies) {
		this.engine = engine;
		this.timeout = timeout;
		this.clock = clock;
		this.csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		this.csrfTokens.setCookieName(CSRF_COOKIE);
		this.csrfTokens.setHeaderName(CSRF_HEADER);
		this.csrfTokens.setCookiePath("/");
		this.csrfTokens.setCookieCustomizer(cookie -> cookie.secure(secureCookies).sameSite("Lax"));
	}

	CsrfTokenRepository csrfTokenRepository() {
		return csrfTokens;
	}

	/** The staff user of the request's Camunda session: empty when nobody is signed in. */
	Optional<String> signedInUser(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return Optional.empty();
		}
		Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
			.getAuthenticationForProcessEngine(engine.getName());
		return Optional.ofNullable(authentication).map(Authentication::getIdentityId);
	}

	/** The user as of now (name, groups); empty for a user deleted meanwhile. */
	Optional<StaffUser> load(String userId) {
		User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return Optional.empty();
		}
		List<String> groups = engine.getIdentityService()
			.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		return Optional.of(new StaffUser(userId, displayName(user), groups));
	}

	/**
	 * Whether the user may use Tasklist, and so the workspace. The engine's answer costs a look at every group with
	 * an authorization (milliseconds once there are many tasks, each with rows of its own), so the session keeps it
	 * for {@link #ACCESS_KEPT}; a change in Admin applies within that.
	 */
	boolean mayUseWorkspace(StaffUser user, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Instant now = clock.instant();
		if (session != null && session.getAttribute(ACCESS) instanceof Access kept && kept.user().equals(user)
				&& now.isBefore(kept.until())) {
			return kept.allowed();
		}
		boolean allowed = engine.getAuthorizationService()
			.isUserAuthorized(user.id(), user.groups(), Permissions.ACCESS, Resources.APPLICATION, TASKLIST);
		if (session != null) {
			session.setAttribute(ACCESS, new Access(user, allowed, now.plus(ACCESS_KEPT)));
		}
		return allowed;
	}

	static final Duration ACCESS_KEPT = Duration.ofMinutes(1);

	private static final String ACCESS = StaffSessions.class.getName() + ".access";

	/** The engine's answer for this user with these groups, until then. */
	record Access(StaffUser user, boolean allowed, Instant until) implements java.io.Serializable {
	}

	enum SignIn {
		SIGNED_IN, WRONG_CREDENTIALS, NOT_ALLOWED
	}

	/**
	 * Checks the password with Camunda's identity service (which also throttles repeated wrong passwords), then
	 * signs in as the webapps' login does: a new session id (no fixation), the engine's authentication in it.
	 */
	SignIn signIn(String username, String password, HttpServletRequest request, HttpServletResponse response) {
		engine.getIdentityService().clearAuthentication();
		if (username.isBlank() || password.isEmpty()
				|| !engine.getIdentityService().checkPassword(username, password)) {
			return SignIn.WRONG_CREDENTIALS;
		}
		UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, username);
		if (authentication == null || !authentication.getAuthorizedApps().contains(TASKLIST)) {
			return SignIn.NOT_ALLOWED;
		}
		AuthenticationUtil.revalidateSession(request, authentication);
		request.getSession().setMaxInactiveInterval((int) timeout.toSeconds());
		csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
		return SignIn.SIGNED_IN;
	}

	/** Signs the session out of the engine: the workspace and the Camunda webapps. */
	void signOut(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
			authentications.removeByEngineName(engine.getName());
			AuthenticationUtil.updateSession(session, authentications);
		}
		csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
	}

	/** The session ends after this long without requests (the servlet container's idle timeout). */
	Duration timeoutOf(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? timeout : Duration.ofSeconds(session.getMaxInactiveInterval());
	}

	Instant expiresAt(HttpServletRequest request) {
		return clock.instant().plus(timeoutOf(request));
	}

	static String displayName(User user) {
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).trim();
		return name.isEmpty() ? user.getId() : name;
	}

}
