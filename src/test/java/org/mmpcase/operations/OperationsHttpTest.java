package org.mmpcase.operations;

import org.mmpcase.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole application over HTTP as it runs in production (job executor on), with structured (ECS JSON) logs and
 * a metrics credential; the operations tests share this one Spring context.
 */
// closed after the class: see support/PostgresTest on why one application runs at a time
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mmp.demo-data=true", "logging.structured.format.console=ecs",
				// the test's stand-in mail server logs every mailbox it creates (addresses): not the application's logs
				"logging.level.com.icegreen.greenmail=warn", "mmp.operations.metrics-username=prometheus",
				"mmp.operations.metrics-password=scrape-secret-1" })
abstract class OperationsHttpTest extends PostgresTest {

	static final String METRICS_USER = "prometheus";

	static final String METRICS_PASSWORD = "scrape-secret-1";

}
