package org.mmpcase.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mmp.payment.stripe.*}: the secret key (environment variable {@code MMP_STRIPE_SECRET_KEY}, never in a
 * file), the API base (a local stub in tests) and how long to wait for Stripe. The client's own network retries stay
 * off by default: the charge job retries, with the same idempotency key.
 */
@ConfigurationProperties("mmp.payment.stripe")
record StripeProperties(String secretKey, @DefaultValue("https://api.stripe.com") String apiBase,
		@DefaultValue("PT10S") Duration connectTimeout, @DefaultValue("PT30S") Duration readTimeout,
		@DefaultValue("0") int maxNetworkRetries) {

	@Override
	public String toString() {
		return "StripeProperties[apiBase=" + apiBase + ", secretKey=" + (secretKey == null ? "none" : "(set)") + "]";
	}

}
