package org.mmpcase.account;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in, "stay signed in" and sign-out of the portal (see the portal contract): the session is a cookie (HttpOnly,
 * SameSite=Lax, Secure per {@code mmp.portal.secure-cookies}), every change made with it needs the CSRF token of
 * the {@code MMP-XSRF-TOKEN} cookie in the {@code X-MMP-XSRF-TOKEN} header.
 */
@RestController
@RequestMapping("/api/session")
class SessionController {

	static final String WRONG_CREDENTIALS = "The e-mail address or password is not correct, or the account is not "
			+ "activated yet.";

	private final AuthenticationManager authentication;

	private final PortalSessions sessions;

	private final ApiErrors errors;

	private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

	SessionController(AuthenticationManager accountAuthenticationManager, PortalSessions sessions,
			ApiErrors errors) {
		this.authentication = accountAuthenticationManager;
		this.sessions = sessions;
		this.errors = errors;
	}

	@GetMapping
	ResponseEntity<Map<String, Object>> current(HttpServletRequest request) {
		ensureCsrfCookie(request);
		return signedIn(request);
	}

	@PostMapping
	void signIn(@RequestBody(required = false) Credentials credentials, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String email = credentials == null || credentials.email() == null ? "" : credentials.email().trim();
		String password = credentials == null || credentials.password() == null ? "" : credentials.password();
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email,
				password);
		attempt.setDetails(details.buildDetails(request));
		Authentication result;
		try {
			result = authentication.authenticate(attempt);
		}
		catch (LoginThrottledException ex) {
			errors.throttled(response, ex);
			return;
		}
		catch (AuthenticationException ex) {
			errors.write(response, HttpStatus.UNAUTHORIZED, WRONG_CREDENTIALS, Map.of());
			return;
		}
		sessions.start(request, response, result);
		Map<String, Object> body = body(request, result.getName());
		response.setStatus(HttpStatus.OK.value());
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		errors.json(response, body);
	}

	/** Any request with the session is activity; this one does nothing else (WCAG 2.2.1 "stay signed in"). */
	@PostMapping("/extend")
	ResponseEntity<Map<String, Object>> extend(HttpServletRequest request) {
		return signedIn(request);
	}

	@DeleteMapping
	ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
		sessions.end(request, response);
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<Map<String, Object>> signedIn(HttpServletRequest request) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null || !current.isAuthenticated() || current instanceof AnonymousAuthenticationToken) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("status", 401);
			body.put("error", "Unauthorized");
			body.put("message", "You are not signed in.");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(body);
		}
		return ResponseEntity.ok(body(request, current.getName()));
	}

	private Map<String, Object> body(HttpServletRequest request, String username) {
		return sessions.describe(request, username);
	}

	private static void ensureCsrfCookie(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			// reading the deferred token creates it, and its cookie, when the browser has none yet
			token.getToken();
		}
	}

	record Credentials(String email, String password) {
	}

}
