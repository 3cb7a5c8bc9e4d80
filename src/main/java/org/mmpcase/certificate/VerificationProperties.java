package org.mmpcase.certificate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mmp.verification.*}: a client (IP address) that looks up {@code maxFailures} unknown registration numbers
 * within {@code failureWindow} is locked out for {@code lockout}; other states do the same after 5 in 5 minutes. Counted
 * in the database across all nodes ({@link LookupLimiter}); {@code maxTrackedClients} bounded the counts in memory
 * before and is no longer used (the scheduled cleanup bounds the table instead).
 */
@ConfigurationProperties("mmp.verification")
record VerificationProperties(@DefaultValue("5") int maxFailures, @DefaultValue("PT5M") Duration failureWindow,
		@DefaultValue("PT5M") Duration lockout, @DefaultValue("100000") int maxTrackedClients) {
}
