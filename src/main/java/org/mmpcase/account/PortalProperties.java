package org.mmpcase.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mmp.portal.*}: the browser sessions of the portal.
 *
 * @param sessionTimeout a session ends after this long without activity (the portal warns before and can extend)
 * @param secureCookies whether the session and CSRF cookies carry {@code Secure} (true in production, behind
 * HTTPS; false for the run default on http://localhost)
 */
@ConfigurationProperties("mmp.portal")
public record PortalProperties(@DefaultValue("PT20M") Duration sessionTimeout,
		@DefaultValue("false") boolean secureCookies) {
}
