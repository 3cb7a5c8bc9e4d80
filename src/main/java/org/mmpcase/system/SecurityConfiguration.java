package org.mmpcase.system;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.mmpcase.account.ApiErrors;
import org.mmpcase.account.BoundedPasswordEncoder;
import org.mmpcase.account.NormalisingPasswordEncoder;
import org.mmpcase.account.PortalSessionFilter;
import org.mmpcase.account.PortalSessions;
import org.mmpcase.shared.DatabaseAwareEntryPoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two kinds of users, two guards. The app's API ({@code /api}) serves patients, caregivers and providers, with
 * their accounts; DCP staff are Camunda users: the webapps keep their own login and CSRF protection, and
 * {@code /engine-rest} asks for their credentials on every call.
 * <p>
 * The API has two chains with the same rules: a request with an {@code Authorization} header is an API client's,
 * authenticated by HTTP Basic on every call (stateless: no cookie, so nothing for a cross-site request to ride on, no
 * CSRF token); any other request is the portal's, with a session cookie and a CSRF token on every change. Both check
 * passwords through the same throttled authentication manager.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	private static final RequestMatcher API = PATHS.matcher("/api/**");

	private static final RequestMatcher WITH_AUTHORIZATION_HEADER = (HttpServletRequest request) -> request
		.getHeader(HttpHeaders.AUTHORIZATION) != null;

	@Bean
	@Order(1)
	SecurityFilterChain apiClientSecurity(HttpSecurity http, AuthenticationManager accountAuthenticationManager,
			ApiErrors errors) throws Exception {
		http.securityMatcher(new AndRequestMatcher(API, WITH_AUTHORIZATION_HEADER))
			.authenticationManager(accountAuthenticationManager)
			.authorizeHttpRequests(SecurityConfiguration::rules)
			// a database that cannot be reached is a 503, not a wrong password
			.httpBasic(basic -> basic.authenticationEntryPoint(new DatabaseAwareEntryPoint(errors.entryPoint(true))))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(new DatabaseAwareEntryPoint(errors.entryPoint(true)))
				.accessDeniedHandler(errors.accessDenied()))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain portalSecurity(HttpSecurity http, AuthenticationManager accountAuthenticationManager,
			PortalSessions sessions, ApiErrors errors) throws Exception {
		http.securityMatcher(API)
			.authenticationManager(accountAuthenticationManager)
			.authorizeHttpRequests(SecurityConfiguration::rules)
			.securityContext(context -> context.securityContextRepository(sessions.securityContextRepository()))
			// the raw token of the cookie goes in the header (no BREACH masking: the token is never in a body)
			.csrf(csrf -> csrf.csrfTokenRepository(sessions.csrfTokenRepository())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(new DatabaseAwareEntryPoint(errors.entryPoint(false)))
				.accessDeniedHandler(errors.accessDenied()))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.anonymous(Customizer.withDefaults())
			.addFilterAfter(new PortalSessionFilter(sessions), SecurityContextHolderFilter.class);
		return http.build();
	}

	private static void rules(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(PATHS.matcher("/api/accounts/**"))
			.permitAll()
			.requestMatchers(PATHS.matcher(HttpMethod.GET, "/api/session"), PATHS.matcher(HttpMethod.POST, "/api/session"),
					PATHS.matcher(HttpMethod.DELETE, "/api/session"))
			.permitAll()
			.requestMatchers(PATHS.matcher("/api/provider/**"))
			.hasRole("PROVIDER")
			.anyRequest()
			.authenticated();
	}

	/**
	 * Spring Security's delegating encoder (bcrypt today), over NFKC-normalised passwords, at most one hash per core
	 * at once.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new BoundedPasswordEncoder(
				new NormalisingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder()),
				Runtime.getRuntime().availableProcessors());
	}

	/** The engine REST API is open to anyone unless this filter is in front of it. */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.addUrlPatterns("/engine-rest/*");
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.setName("engine-rest-authentication");
		registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
