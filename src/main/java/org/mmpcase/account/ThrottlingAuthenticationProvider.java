package org.mmpcase.account;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check of accounts (portal login and HTTP Basic on {@code /api}) behind the {@link LoginThrottle}: a
 * throttled login is refused before the password is looked at, every wrong password is counted, a right one clears
 * the account's count; a right one that comes back after the limit was reached meanwhile (concurrent wrong ones, on any
 * node: the counts are in the database) is refused too. The client address comes from the authentication's details, which both the Basic filter and
 * the session login fill in.
 */
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	public ThrottlingAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String client = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		Optional<Duration> refused = throttle.refusedFor(username, client);
		if (refused.isPresent()) {
			throw new LoginThrottledException(refused.get());
		}
		Authentication result;
		try {
			result = passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			throttle.failed(username, client);
			throw ex;
		}
		if (result != null && result.isAuthenticated()) {
			// Checked again: wrong passwords sent at the same time (to this node or another) may have reached the
			// limit while this one was being checked. No login gets in once the limit is reached.
			Optional<Duration> meanwhile = throttle.refusedFor(username, client);
			if (meanwhile.isPresent()) {
				throw new LoginThrottledException(meanwhile.get());
			}
			throttle.succeeded(username);
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
