package org.mmpcase.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mmp.accounts.*}: how long a password reset link is valid, the login throttle and the limit on the e-mails
 * anybody can make the app send (activation links, reset links).
 *
 * @param resetValidity how long a password reset link works
 * @param throttle after {@code maxFailures} wrong logins of one account (or {@code ipMaxFailures} from one client
 * address) within {@code window}, logins are refused for {@code lockout}, doubling on each further lockout up to
 * {@code maxLockout}
 * @param mailsPerHour how many activation or reset e-mails one address gets per hour at most (a client address
 * may ask for ten times as many, for different addresses)
 */
@ConfigurationProperties("mmp.accounts")
public record AccountProperties(@DefaultValue("PT1H") Duration resetValidity, @DefaultValue Throttle throttle,
		@DefaultValue("3") int mailsPerHour) {

	public record Throttle(@DefaultValue("5") int maxFailures, @DefaultValue("20") int ipMaxFailures,
			@DefaultValue("PT15M") Duration window, @DefaultValue("PT1M") Duration lockout,
			@DefaultValue("PT1H") Duration maxLockout) {
	}

}
