package org.mmpcase.workspace;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The workspace's API ({@code /review/api/**}): the staff user of the Camunda session (see {@link StaffSessions}),
 * role STAFF for everything but the session itself, a CSRF token (cookie {@code MMP-STAFF-XSRF}, header
 * {@code X-MMP-STAFF-XSRF}) on every change, answers in the API's JSON error shape.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceSecurityConfiguration {

	static final String API = "/review/api";

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	@Bean
	@Order(3)
	SecurityFilterChain workspaceSecurity(HttpSecurity http, StaffSessions sessions, ObjectMapper json)
			throws Exception {
		http.securityMatcher(PATHS.matcher(API + "/**"))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(PATHS.matcher(HttpMethod.GET, API + "/session"),
						PATHS.matcher(HttpMethod.POST, API + "/session"),
						PATHS.matcher(HttpMethod.DELETE, API + "/session"))
				.permitAll()
				.anyRequest()
				.hasRole(StaffSessionFilter.STAFF))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			// the raw token of the cookie goes in the header (it is never in a body, so no BREACH masking)
			.csrf(csrf -> csrf.csrfTokenRepository(sessions.csrfTokenRepository())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, ex) -> write(json, response, HttpStatus.UNAUTHORIZED,
						"You are not signed in."))
				.accessDeniedHandler((request, response, ex) -> write(json, response, HttpStatus.FORBIDDEN,
						ex instanceof CsrfException
								? "The request has no valid security token (CSRF). Reload the page and try again."
								: "Your Camunda user may not use the reviewer workspace.")))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			// the sign-in is Camunda's (StaffSessions makes the new session id and the new CSRF token): Spring
			// Security's session management would take every request's staff user for a new sign-in, change the
			// session id and clear the CSRF token each time
			.sessionManagement(session -> session.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.anonymous(Customizer.withDefaults())
			.addFilterAfter(new StaffSessionFilter(sessions), SecurityContextHolderFilter.class);
		return http.build();
	}

	static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String message)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", status.getReasonPhrase());
		body.put("message", message);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}

}
