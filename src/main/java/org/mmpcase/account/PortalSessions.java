package org.mmpcase.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The portal's browser sessions: signed in with e-mail and password ({@code POST /api/session}), kept in the
 * servlet session, which Spring Session keeps in the database (any node serves the next request), ended after
 * {@code mmp.portal.session-timeout} without activity, on sign-out, or when the account's password changes (a reset
 * deletes the account's sessions by Spring Session's principal-name index, {@link #endAllOf}). Asking how long the
 * session has left ({@code GET /api/session}) is no activity, so that a page that polls it does not keep the session
 * alive for ever: that is why the idle time is ours ({@code LAST_ACTIVITY}), not the session's last access time,
 * which every request with the cookie moves.
 */
@Component
public class PortalSessions {

	public static final String CSRF_COOKIE = "MMP-XSRF-TOKEN";

	public static final String CSRF_HEADER = "X-MMP-XSRF-TOKEN";

	static final String LAST_ACTIVITY = PortalSessions.class.getName() + ".lastActivity";

	/** Spring Session keeps the session a little longer than the portal does, so the portal decides. */
	private static final Duration CONTAINER_GRACE = Duration.ofMinutes(1);

	private final Duration timeout;

	private final Clock clock;

	private final AccountRepository accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final CookieCsrfTokenRepository csrfTokens;

	/** Absent only where there is no web server (no Spring Session). */
	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessionRepository;

	PortalSessions(PortalProperties properties, Clock clock, AccountRepository accounts,
			ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessionRepository) {
		this.timeout = properties.sessionTimeout();
		this.clock = clock;
		this.accounts = accounts;
		this.sessionRepository = sessionRepository;
		this.csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		this.csrfTokens.setCookieName(CSRF_COOKIE);
		this.csrfTokens.setHeaderName(CSRF_HEADER);
		this.csrfTokens.setCookiePath("/");
		this.csrfTokens.setCookieCustomizer(cookie -> cookie.secure(properties.secureCookies()).sameSite("Lax"));
	}

	public CsrfTokenRepository csrfTokenRepository() {
		return csrfTokens;
	}

	public SecurityContextRepository securityContextRepository() {
		return contexts;
	}

	public Duration timeout() {
		return timeout;
	}

	/**
	 * Before the request is authorised: ends the session when it has been idle too long, else counts the request as
	 * activity (unless it only asks about the session).
	 */
	void check(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(LAST_ACTIVITY) instanceof Long lastActivity)) {
			return;
		}
		Instant now = clock.instant();
		boolean idle = !Instant.ofEpochMilli(lastActivity).plus(timeout).isAfter(now);
		if (idle) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			return;
		}
		boolean onlyAsking = "GET".equals(request.getMethod()) && "/api/session".equals(pathOf(request));
		if (!onlyAsking) {
			session.setAttribute(LAST_ACTIVITY, now.toEpochMilli());
		}
	}

	/** A new session for a successful sign-in: a new session id (no fixation), a new CSRF token. */
	void start(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			request.changeSessionId();
		}
		session = request.getSession(true);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		long now = clock.instant().toEpochMilli();
		session.setAttribute(LAST_ACTIVITY, now);
		session.setMaxInactiveInterval((int) timeout.plus(CONTAINER_GRACE).toSeconds());
		csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
	}

	/** Who is signed in, and when the session ends unless there is activity (the answer of {@code /api/session}). */
	java.util.Map<String, Object> describe(HttpServletRequest request, String username) {
		Account account = accounts.findByUsername(org.mmpcase.registration.Person.normaliseEmail(username))
			.orElseThrow();
		Instant expiresAt = expiresAt(request);
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("email", account.getUsername());
		body.put("role", account.getRole().name());
		body.put("displayName", account.getDisplayName());
		body.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
		body.put("timeoutSeconds", expiresAt == null ? null : timeout.toSeconds());
		return body;
	}

	/** When the session ends unless there is activity; null for a request without a portal session (Basic). */
	Instant expiresAt(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(LAST_ACTIVITY) instanceof Long lastActivity)) {
			return null;
		}
		return Instant.ofEpochMilli(lastActivity).plus(timeout);
	}

	boolean hasSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(LAST_ACTIVITY) != null;
	}

	void end(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
	}

	/**
	 * Ends every session signed in as this account, on every node: Spring Session indexes a session by the name of
	 * the Spring Security authentication in it, which is the account's (normalised) e-mail address.
	 *
	 * @return how many sessions were ended
	 */
	int endAllOf(String username) {
		FindByIndexNameSessionRepository<? extends Session> repository = sessionRepository.getIfAvailable();
		if (repository == null) {
			return 0;
		}
		Set<String> ids = repository.findByPrincipalName(username).keySet();
		ids.forEach(repository::deleteById);
		return ids.size();
	}

	private static String pathOf(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length())
				: uri;
	}

}
