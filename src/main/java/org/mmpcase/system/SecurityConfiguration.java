package org.mmpcase.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two kinds of users, two guards. The app's API ({@code /api}) serves patients, caregivers and providers, with
 * their accounts (HTTP Basic for now; the portal brings sessions). DCP staff are Camunda users: the webapps keep
 * their own login and CSRF protection, and {@code /engine-rest} asks for their credentials on every call.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/api/accounts/activate")
				.permitAll()
				.requestMatchers("/api/provider/**")
				.hasRole("PROVIDER")
				.anyRequest()
				.authenticated())
			// a database that cannot be reached is a 503, not a wrong password
			.httpBasic(basic -> basic.authenticationEntryPoint(new DatabaseAwareEntryPoint()))
			// stateless Basic authentication: no cookie, so nothing for a cross-site request to ride on
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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
