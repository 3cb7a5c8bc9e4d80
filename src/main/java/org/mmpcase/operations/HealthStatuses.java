package org.mmpcase.operations;

import org.springframework.boot.actuate.health.Status;

/**
 * The one status of our own: a part the application can do without for a while (the mail server, a filling disk)
 * is {@code DEGRADED}. It ranks between OUT_OF_SERVICE and UP and answers HTTP 200
 * ({@code management.endpoint.health.status.*} in application.yaml), so a load balancer keeps the node while the
 * operators are warned.
 */
final class HealthStatuses {

	static final Status DEGRADED = new Status("DEGRADED");

	private HealthStatuses() {
	}

}
