package org.mmpcase.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code mmp.operations.*}: who may read the actuator endpoints besides Camunda administrators, how long the case
 * metrics are cached, and the free space below which the document store reports itself degraded.
 * @param metricsUsername a dedicated credential for a metrics scraper (Prometheus), which needs no Camunda user and
 * keeps working while the database is down; empty = none
 * @param metricsCache how long the figures of the case metrics (count queries) are reused between scrapes
 */
@ConfigurationProperties("mmp.operations")
record OperationsProperties(@DefaultValue("") String metricsUsername, @DefaultValue("") String metricsPassword,
		@DefaultValue("PT15S") Duration metricsCache, @DefaultValue("1GB") DataSize documentStoreMinFree) {

	boolean metricsCredentialSet() {
		return !metricsUsername.isBlank() && !metricsPassword.isBlank();
	}

}
