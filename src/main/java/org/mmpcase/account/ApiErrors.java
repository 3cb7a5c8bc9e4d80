package org.mmpcase.account;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The answers of the security filters in the API's error shape ({@code status, error, message}): 401 for no or
 * wrong credentials (with the Basic challenge only for clients that are not portal pages), 429
 * with {@code retryAfterSeconds} for a throttled login, 403 for a missing CSRF token or a role that may not.
 */
public final class ApiErrors {

	private final ObjectMapper json;

	public ApiErrors(ObjectMapper json) {
		this.json = json;
	}

	public AuthenticationEntryPoint entryPoint(boolean basicChallenge) {
		return (request, response, exception) -> {
			if (exception instanceof LoginThrottledException throttled) {
				throttled(response, throttled);
				return;
			}
			// a client without any cookie is no portal page: it gets the Basic challenge (clients that wait for it
			// before sending credentials keep working); a page of the portal does not, or the browser would open
			// its own login dialog
			boolean challenge = basicChallenge || request.getCookies() == null;
			if (challenge) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"MMP\", charset=\"UTF-8\"");
			}
			write(response, HttpStatus.UNAUTHORIZED,
					basicChallenge ? "The e-mail address or password is not correct, or the account is not activated."
							: "Sign in first.",
					Map.of());
		};
	}

	public AccessDeniedHandler accessDenied() {
		return (request, response, exception) -> write(response, HttpStatus.FORBIDDEN, message(exception), Map.of());
	}

	void throttled(HttpServletResponse response, LoginThrottledException throttled) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
		write(response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage(),
				Map.of("retryAfterSeconds", throttled.retryAfterSeconds()));
	}

	void write(HttpServletResponse response, HttpStatus status, String message, Map<String, Object> extra)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", status.getReasonPhrase());
		body.put("message", message);
		body.putAll(extra);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json(response, body);
	}

	void json(HttpServletResponse response, Map<String, Object> body) throws IOException {
		json.writeValue(response.getOutputStream(), body);
	}

	private static String message(AccessDeniedException exception) {
		if (exception instanceof CsrfException) {
			return "The request has no valid security token (CSRF). Reload the page and try again.";
		}
		return "Your role may not do this.";
	}

}
