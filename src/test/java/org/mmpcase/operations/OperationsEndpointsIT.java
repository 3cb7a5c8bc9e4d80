package org.mmpcase.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Http;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Health for everybody, as a status only; details and metrics for operations (a Camunda administrator or the
 * metrics credential); nobody else, patients and providers included.
 */
class OperationsEndpointsIT extends OperationsHttpTest {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		http = new Http(port);
	}

	@Test
	void health_anonymous_statusOnly() {
		JsonNode health = http.get("/actuator/health", null, null).expect(200).body();
		assertThat(health.get("status").asText()).isEqualTo("UP");
		assertThat(health.has("components")).as("no details for anonymous callers").isFalse();
	}

	@Test
	void health_administrator_seesEveryComponent() {
		JsonNode health = http.get("/actuator/health", "admin", "admin").expect(200).body();
		assertThat(health.get("status").asText()).isEqualTo("UP");
		for (String component : new String[] { "db", "engine", "mail", "documentStore" }) {
			assertThat(health.at("/components/" + component + "/status").asText()).as(component).isEqualTo("UP");
		}
		assertThat(health.at("/components/engine/details/jobExecutorActive").asBoolean()).isTrue();
		assertThat(health.at("/components/mail/details/smtp").asText()).startsWith("localhost:");
		assertThat(health.at("/components/documentStore/details/freeBytes").asLong()).isPositive();
		assertThat(http.get("/actuator/health", METRICS_USER, METRICS_PASSWORD).expect(200).body().has("components"))
			.isTrue();
	}

	@Test
	void prometheus_operationsOnly_caseMetricsListed() {
		http.get("/actuator/prometheus", null, null).expect(401);
		http.get("/actuator/prometheus", "nobody", "wrong").expect(401);
		http.get("/actuator/prometheus", METRICS_USER, "wrong").expect(401);
		http.get("/actuator/prometheus", "reviewer", "reviewer").expect(403);
		http.get("/actuator/prometheus", "supervisor", "supervisor").expect(403);
		http.get("/actuator/prometheus", CaseDriver.PROVIDER, "provider").expect(401);
		http.get("/actuator/health", CaseDriver.PROVIDER, "provider").expect(401);
		http.get("/actuator/metrics", "reviewer", "reviewer").expect(403);
		assertThat(http.get("/actuator/health", "reviewer", "reviewer").expect(200).body().has("components"))
			.as("other staff see the status only")
			.isFalse();

		String scrape = http.get("/actuator/prometheus", METRICS_USER, METRICS_PASSWORD).expect(200).raw();
		assertThat(scrape).contains("mmp_reviews_open ", "mmp_reviews_past_sla ", "mmp_jobs_due ", "mmp_jobs_failed ",
				"mmp_incidents_open ", "mmp_cases_started{process=\"initial-registration\"}",
				"mmp_cases_completed{process=\"renewal\"}", "mmp_cases_active{process=\"application-review\"}",
				"hikaricp_connections_active");
		assertThat(http.get("/actuator/prometheus", "admin", "admin").expect(200).raw()).contains("mmp_reviews_open ");
	}

}
