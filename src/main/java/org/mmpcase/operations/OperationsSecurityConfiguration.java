package org.mmpcase.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.mmpcase.shared.StaffGroups;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator endpoints. {@code /actuator/health} answers anybody with the status alone (what a load balancer
 * needs); its details, the metrics and every other endpoint need role {@code OPS}: a Camunda administrator (group
 * {@code camunda-admin}, HTTP Basic, checked by Camunda's identity service like every staff login) or the dedicated
 * metrics credential ({@code mmp.operations.metrics-username}/{@code -password}) for a scraper. App accounts
 * (patients, caregivers, providers) are not known here at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperationsProperties.class)
class OperationsSecurityConfiguration {

	static final String ROLE = "OPS";

	@Bean
	SecurityFilterChain actuatorSecurity(HttpSecurity http, IdentityService identityService,
			OperationsProperties properties) throws Exception {
		http.securityMatcher("/actuator/**")
			.authenticationManager(new ProviderManager(new OperationsAuthentication(identityService, properties)))
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health")
				.permitAll()
				.anyRequest()
				.hasRole(ROLE))
			.httpBasic(basic -> basic.realmName("MMP operations"))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	static final class OperationsAuthentication implements AuthenticationProvider {

		private final IdentityService identityService;

		private final OperationsProperties properties;

		OperationsAuthentication(IdentityService identityService, OperationsProperties properties) {
			this.identityService = identityService;
			this.properties = properties;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			String user = authentication.getName();
			String password = String.valueOf(authentication.getCredentials());
			if (isMetricsCredential(user, password)) {
				return operations(user);
			}
			if (!identityService.checkPassword(user, password)) {
				throw new BadCredentialsException("Not a staff user");
			}
			// other staff are known (403 rather than 401) but see the health status only
			boolean admin = identityService.createGroupQuery()
				.groupMember(user)
				.groupId(StaffGroups.ADMINS)
				.count() > 0;
			return admin ? operations(user) : UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
		}

		private static Authentication operations(String user) {
			return UsernamePasswordAuthenticationToken.authenticated(user, null,
					List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
		}

		private boolean isMetricsCredential(String user, String password) {
			return properties.metricsCredentialSet() && equal(user, properties.metricsUsername())
					&& equal(password, properties.metricsPassword());
		}

		private static boolean equal(String given, String expected) {
			return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
					expected.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
