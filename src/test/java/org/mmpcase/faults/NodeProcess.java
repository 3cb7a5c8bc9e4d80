package org.mmpcase.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mmpcase.MmpCaseManagerApplication;
import org.mmpcase.payment.StripeStub;
import org.mmpcase.support.Http;
import org.mmpcase.support.TestDatabase;
import org.mmpcase.support.TestMailServer;

/**
 * The application as an operating-system process of its own (a child JVM on the test classpath), so a test can kill
 * it with SIGKILL ({@link Process#destroyForcibly()}) the way a crash or an OOM killer does, and start it again on
 * the same port.
 */
public final class NodeProcess implements AutoCloseable {

	private final List<String> command;

	private final Path log;

	private final int port;

	private Process process;

	public NodeProcess(Map<String, Object> properties, Path log) {
		this.port = freePort();
		this.log = log;
		this.command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), MmpCaseManagerApplication.class.getName()));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		command.add("--server.port=" + port);
	}

	/**
	 * The properties of a node process that charges fees at {@code stripe} (with the models of {@code processes}, see
	 * {@link NodeCrashIT#processesWithFees}), keeps its documents and outbox under {@code folder}, and runs jobs that
	 * another node, or the same node started again, takes over when it dies (faults/NodeCrashIT, faults/ClusterIT).
	 */
	static Map<String, Object> chargingProperties(TestDatabase.Database database, Path folder, Path processes,
			StripeStub stripe, String name) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", database.url());
		properties.put("spring.datasource.username", database.username());
		properties.put("spring.datasource.password", database.password());
		properties.put("spring.mail.host", "localhost");
		properties.put("spring.mail.port", TestMailServer.port());
		properties.put("mmp.documents.storage-dir", folder.resolve("documents"));
		properties.put("mmp.mail.outbox", folder.resolve("outbox"));
		properties.put("mmp.models.processes-dir", processes);
		properties.put("mmp.demo-data", "true");
		properties.put("mmp.payment.gateway", "stripe");
		properties.put("mmp.payment.stripe.secret-key", "sk_test_stub");
		properties.put("mmp.payment.stripe.api-base", stripe.baseUrl());
		properties.put("mmp.events.retry-interval", "PT3S");
		properties.put("mmp.events.retry-after", "PT2S");
		properties.put("camunda.bpm.job-execution.enabled", "true");
		properties.put("camunda.bpm.job-execution.max-wait", "2000");
		// a job locked by a node that died is free again after this long (default 5 minutes). It must stay above the
		// longest job: a job still running when its lock expires is run a second time, concurrently
		properties.put("camunda.bpm.job-execution.lock-time-in-millis", "30000");
		properties.put("spring.application.name", name);
		return properties;
	}

	public int port() {
		return port;
	}

	/** Starts the process and waits until it is ready (demo data on: the demo provider signs in). */
	public void start() {
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the application process", ex);
		}
		Http http = new Http(port);
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> {
				if (!process.isAlive()) {
					throw new AssertionError("the application process ended (exit " + process.exitValue()
							+ "); see " + log);
				}
				// ready once the start-up runners have run too: the demo provider can sign in
				return http.get("/api/provider/tasks", "provider@example.org", "provider").status() == 200;
			});
	}

	/** SIGKILL: no shutdown hook, no graceful stop, open transactions and locked jobs left as they are. */
	public int kill() {
		process.destroyForcibly();
		try {
			return process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (process != null && process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

	/** A port nothing listens on now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
