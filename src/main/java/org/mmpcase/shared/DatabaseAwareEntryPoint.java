package org.mmpcase.shared;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Checking a password reads the account from the database; when that fails (Spring Security's
 * {@link InternalAuthenticationServiceException}: the account store, not the credentials), the caller's password is
 * not wrong, the service is away: 503 with the API's message instead of a 401 that would send people to reset
 * their password.
 */
public class DatabaseAwareEntryPoint implements AuthenticationEntryPoint {

	private final AuthenticationEntryPoint otherwise;

	/** @param otherwise answers every other authentication failure (wrong password, throttled, not signed in) */
	public DatabaseAwareEntryPoint(AuthenticationEntryPoint otherwise) {
		this.otherwise = otherwise;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		// the account store failed (never wrong credentials): for this app that is the database
		if (!(authException instanceof InternalAuthenticationServiceException)
				&& !DatabaseOutages.isCause(authException)) {
			otherwise.commence(request, response, authException);
			return;
		}
		DatabaseOutages.writeUnavailable(response);
	}

}
