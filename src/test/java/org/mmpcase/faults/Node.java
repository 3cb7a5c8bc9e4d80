package org.mmpcase.faults;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.mmpcase.MmpCaseManagerApplication;
import org.mmpcase.payment.PaymentGateway;
import org.mmpcase.shared.ConcurrentChanges;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.TestDatabase;
import org.mmpcase.support.TestMailServer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One application node in this JVM: a whole Spring Boot application on a random port with its job executor on,
 * against a database other nodes share. Nodes of one test share the document folder (as a cluster shares its
 * storage) and, when given, one payment gateway (as they share the real one).
 */
final class Node implements AutoCloseable {

	private final String name;

	private final ConfigurableApplicationContext context;

	private final CaseDriver driver;

	private Node(String name, ConfigurableApplicationContext context) {
		this.name = name;
		this.context = context;
		this.driver = context.getAutowireCapableBeanFactory().createBean(CaseDriver.class);
	}

	/** The properties every node of a test uses: the shared database, SMTP server and folders. */
	static Map<String, Object> clusterProperties(TestDatabase.Database database, Path files) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", database.url());
		properties.put("spring.datasource.username", database.username());
		properties.put("spring.datasource.password", database.password());
		properties.put("spring.datasource.hikari.connection-timeout", "5000");
		properties.put("spring.mail.host", "localhost");
		properties.put("spring.mail.port", TestMailServer.port());
		properties.put("mmp.documents.storage-dir", files.resolve("documents").toString());
		properties.put("mmp.mail.outbox", files.resolve("outbox").toString());
		properties.put("mmp.demo-data", "true");
		properties.put("server.port", "0");
		properties.put("camunda.bpm.job-execution.enabled", "true");
		// an idle job executor polls at least every 2 s, so the other node's jobs do not wait up to a minute
		properties.put("camunda.bpm.job-execution.max-wait", "2000");
		return properties;
	}

	/**
	 * Starts a node. With a gateway, the sandbox of each node is replaced by that one instance: a card tokenized on
	 * one node is charged by a job on the other, as with a real gateway.
	 */
	static Node start(String name, Map<String, Object> properties, PaymentGateway sharedGateway) {
		Map<String, Object> own = new HashMap<>(properties);
		own.put("spring.application.name", name);
		SpringApplicationBuilder builder = new SpringApplicationBuilder(MmpCaseManagerApplication.class)
			.web(WebApplicationType.SERVLET);
		if (sharedGateway != null) {
			own.put("mmp.payment.gateway", "shared-test-gateway");
			builder.initializers(
					context -> context.getBeanFactory().registerSingleton("paymentGateway", sharedGateway));
		}
		// as command-line arguments: they win over application.yaml (default properties would not)
		String[] args = own.entrySet()
			.stream()
			.map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new Node(name, builder.run(args));
	}

	String name() {
		return name;
	}

	int port() {
		return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	CaseDriver driver() {
		return driver;
	}

	/** Runs a user's command as the API does: in a transaction of its own, run again when it lost a race. */
	<T> T asUser(String what, Supplier<T> command) {
		return bean(ConcurrentChanges.class).retrying(what + " on " + name, command);
	}

	void asUser(String what, Runnable command) {
		asUser(what, () -> {
			command.run();
			return null;
		});
	}

	static Map<String, Long> countBy(java.util.List<String> values) {
		return values.stream()
			.collect(java.util.stream.Collectors.groupingBy(value -> value, java.util.stream.Collectors.counting()));
	}

	boolean isRunning() {
		return context.isActive();
	}

	@Override
	public void close() {
		if (context.isActive()) {
			context.close();
		}
	}

}
