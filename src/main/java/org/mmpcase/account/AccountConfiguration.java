package org.mmpcase.account;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AccountProperties.class, PortalProperties.class })
class AccountConfiguration {

	/** The password check of accounts, throttled; used by HTTP Basic on /api and by the portal's sign-in. */
	@Bean
	AuthenticationManager accountAuthenticationManager(AccountUserDetailsService users,
			PasswordEncoder passwordEncoder, LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(new ThrottlingAuthenticationProvider(passwords, throttle));
	}

	@Bean
	ApiErrors apiSecurityErrors(ObjectMapper objectMapper) {
		return new ApiErrors(objectMapper);
	}

}
