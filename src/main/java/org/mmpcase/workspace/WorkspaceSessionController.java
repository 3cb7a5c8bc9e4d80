package org.mmpcase.workspace;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, "stay signed in" and sign-out of the workspace (and with it, of the Camunda webapps). */
@RestController
@RequestMapping(WorkspaceSecurityConfiguration.API + "/session")
class WorkspaceSessionController {

	static final String WRONG_CREDENTIALS = "The user name or password is not correct.";

	static final String NOT_ALLOWED = "Your Camunda user may not use the reviewer workspace. Ask an administrator "
			+ "for access to Tasklist.";

	private final StaffSessions sessions;

	WorkspaceSessionController(StaffSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping
	ResponseEntity<Map<String, Object>> current(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			// reading the deferred token creates it, and its cookie, when the browser has none yet
			token.getToken();
		}
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof StaffUser user) {
			if (!sessions.mayUseWorkspace(user, request)) {
				return error(HttpStatus.FORBIDDEN, NOT_ALLOWED);
			}
			return ResponseEntity.ok(body(user, request));
		}
		return error(HttpStatus.UNAUTHORIZED, "You are not signed in.");
	}

	record Credentials(String username, String password) {
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> signIn(@RequestBody(required = false) Credentials credentials,
			HttpServletRequest request, HttpServletResponse response) {
		String username = credentials == null || credentials.username() == null ? "" : credentials.username().trim();
		String password = credentials == null || credentials.password() == null ? "" : credentials.password();
		return switch (sessions.signIn(username, password, request, response)) {
			case WRONG_CREDENTIALS -> error(HttpStatus.UNAUTHORIZED, WRONG_CREDENTIALS);
			case NOT_ALLOWED -> error(HttpStatus.FORBIDDEN, NOT_ALLOWED);
			case SIGNED_IN -> ResponseEntity.ok(body(sessions.load(username).orElseThrow(), request));
		};
	}

	/** Any request counts as activity; this one does nothing else (WCAG 2.2.1 "stay signed in"). */
	@PostMapping("/extend")
	Map<String, Object> extend(@AuthenticationPrincipal StaffUser user, HttpServletRequest request) {
		return body(user, request);
	}

	@DeleteMapping
	ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
		sessions.signOut(request, response);
		return ResponseEntity.noContent().build();
	}

	private Map<String, Object> body(StaffUser user, HttpServletRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", user.id());
		body.put("name", user.name());
		body.put("groups", user.groups());
		body.put("supervisor", user.isSupervisor());
		body.put("expiresAt", sessions.expiresAt(request).toString());
		body.put("timeoutSeconds", sessions.timeoutOf(request).toSeconds());
		return body;
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", status.getReasonPhrase());
		body.put("message", message);
		return ResponseEntity.status(status).body(body);
	}

}
