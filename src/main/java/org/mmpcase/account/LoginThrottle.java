package org.mmpcase.account;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.mmpcase.registration.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: per account (a few wrong passwords lock that account's logins for a while) and per
 * client address (many wrong passwords for any accounts lock that client out). The lockouts grow with each
 * repetition. A successful login clears the account's count, never the client's (else one known password would
 * let a client go on guessing others). Applies to the portal's login and to HTTP Basic on {@code /api} alike.
 */
@Component
public class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final RateLimits limits;

	private final RateLimits.Rule accountRule;

	private final RateLimits.Rule clientRule;

	LoginThrottle(RateLimits limits, AccountProperties properties) {
		AccountProperties.Throttle throttle = properties.throttle();
		this.limits = limits;
		this.accountRule = new RateLimits.Rule(throttle.maxFailures(), throttle.window(), throttle.lockout(),
				throttle.maxLockout());
		this.clientRule = new RateLimits.Rule(throttle.ipMaxFailures(), throttle.window(), throttle.lockout(),
				throttle.maxLockout());
	}

	/** How long logins of this user from this client are still refused, if they are. */
	public Optional<Duration> refusedFor(String username, String clientAddress) {
		return Stream.of(limits.blockedFor(accountKey(username)), limits.blockedFor(clientKey(clientAddress)))
			.flatMap(Optional::stream)
			.max(Duration::compareTo);
	}

	public void failed(String username, String clientAddress) {
		limits.fail(accountKey(username), accountRule)
			.ifPresent(lockout -> log.warn("Logins of an account locked for {} after repeated wrong passwords",
					lockout));
		limits.fail(clientKey(clientAddress), clientRule)
			.ifPresent(lockout -> log.warn("Logins from {} locked for {} after repeated wrong passwords",
					clientAddress, lockout));
	}

	public void succeeded(String username) {
		limits.reset(accountKey(username));
	}

	private static String accountKey(String username) {
		String name = Person.normaliseEmail(username == null ? "" : username);
		// no e-mail address is longer; a longer name is somebody's junk, kept short for the key column
		return "login:account:" + (name.length() > 254 ? InvitationService.hash(name) : name);
	}

	private static String clientKey(String clientAddress) {
		return "login:client:" + (clientAddress == null ? "unknown" : clientAddress.substring(0,
				Math.min(clientAddress.length(), 100)));
	}

}
