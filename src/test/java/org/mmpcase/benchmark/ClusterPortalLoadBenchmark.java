package org.mmpcase.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.awaitility.Awaitility;
import org.mmpcase.faults.Balancer;
import org.mmpcase.faults.NodeProcess;
import org.mmpcase.support.Http;
import org.mmpcase.support.TestMailServer;

/**
 * Not a test: benchmark 3 of docs/benchmarks.md through the load balancer. The portal load of
 * {@link PortalLoadBenchmark} ({@code patients} patients at once, each its own session) sent to HAProxy on
 * tools/cluster/haproxy.cfg, first in front of one app node, then in front of two, in the same run, on one database;
 * the nodes are processes of their own with the production settings (the postgres profile, job executor on), the
 * documents in one folder both nodes use (one machine: the folder stands in for the object store, so the figures do not
 * include S3 round trips; the upload step reads the documents on whichever node completes it). Prints per setup the
 * errors, p50/p95 per request type and cases per second. Run:
 * {@code mvn -q -Dportal.skip=true test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.mmpcase.benchmark.ClusterPortalLoadBenchmark -Dexec.args="200"}
 */
public final class ClusterPortalLoadBenchmark {

	private ClusterPortalLoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int patients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		// exec:java runs this in Maven's JVM, whose java.class.path is Maven's: the nodes get the test class path
		if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
			System.setProperty("java.class.path", java.util.Arrays.stream(loader.getURLs())
				.map(url -> Path.of(java.net.URI.create(url.toString())).toString())
				.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
		}
		BenchmarkSupport.Database database = BenchmarkSupport.newDatabase("mmp_bench_cluster");
		Path files = Files.createTempDirectory("mmp-bench-cluster-");
		List<NodeProcess> nodes = new ArrayList<>();
		int exit = 0;
		try {
			for (int i = 1; i <= 2; i++) {
				NodeProcess node = new NodeProcess(properties(database, files, "node-" + i),
						Path.of("target", "bench-cluster-node-" + i + ".log"));
				nodes.add(node);
				node.start();
			}
			System.out.println("Machine at start: " + BenchmarkSupport.machine(database));
			for (int count = 1; count <= 2; count++) {
				int port = freePort();
				List<Integer> ports = nodes.subList(0, count).stream().map(NodeProcess::port).toList();
				Process balancer = Balancer.start(Balancer.config(port, ports), files,
						Path.of("target", "bench-cluster-haproxy-" + count + ".log"));
				try {
					Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
						.until(() -> new Http(port).get("/actuator/health", null, null).status() == 200);
					if (!run(patients, count, port)) {
						exit = 1;
					}
				}
				finally {
					balancer.destroy();
					balancer.waitFor();
				}
			}
			System.out.println("Machine at end: " + BenchmarkSupport.machine(database));
		}
		finally {
			nodes.forEach(NodeProcess::close);
			TestMailServer.get().stop();
			BenchmarkSupport.stopEmbedded();
		}
		System.exit(exit);
	}

	private static boolean run(int patients, int nodes, int port) throws Exception {
		Http http = new Http(port);
		PortalPatient.Recorder warmUp = new PortalPatient.Recorder();
		for (int i = 0; i < 5 * nodes; i++) {
			new PortalPatient(http, warmUp, "warmup").register();
		}
		TestMailServer.get().purgeEmailFromAllMailboxes();
		PortalPatient.Recorder recorder = new PortalPatient.Recorder();
		PortalPatient.Recorder providers = new PortalPatient.Recorder();
		ExecutorService certifying = Executors.newFixedThreadPool(8);
		List<Future<PortalPatient>> certified = new ArrayList<>();
		for (int i = 0; i < patients; i++) {
			PortalPatient patient = new PortalPatient(new Http(port), recorder, "cluster-load", true);
			certified.add(certifying.submit(() -> patient.certifiedBy(providers)));
		}
		List<PortalPatient> ready = new ArrayList<>();
		for (Future<PortalPatient> future : certified) {
			ready.add(future.get());
		}
		certifying.shutdown();
		ExecutorService pool = Executors.newFixedThreadPool(patients);
		CountDownLatch startTogether = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (PortalPatient patient : ready) {
			futures.add(pool.submit(() -> {
				startTogether.await();
				return patient.works();
			}));
		}
		long start = System.nanoTime();
		startTogether.countDown();
		int failed = 0;
		for (Future<?> future : futures) {
			try {
				future.get(Math.max(1, 20 * 60 - (System.nanoTime() - start) / 1_000_000_000L), TimeUnit.SECONDS);
			}
			catch (TimeoutException ex) {
				recorder.errors.add("patient still working after 20 minutes");
				failed++;
			}
			catch (java.util.concurrent.ExecutionException ex) {
				failed++;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdownNow();
		TestMailServer.get().purgeEmailFromAllMailboxes();
		System.out.println();
		System.out.printf(Locale.ROOT, "Through HAProxy, %d node(s): %d patients at once, %.1f s for all, %d finished "
				+ "(%.2f cases/s); load average %s%n", nodes, patients, seconds, patients - failed,
				(patients - failed) / seconds, BenchmarkSupport.loadAverage());
		System.out.printf(Locale.ROOT, "%-40s %8s %9s %9s %9s%n", "request", "count", "p50 ms", "p95 ms", "max ms");
		int requests = 0;
		for (Map.Entry<String, List<Double>> entry : new TreeMap<>(recorder.timings).entrySet()) {
			List<Double> values = entry.getValue();
			requests += values.size();
			System.out.printf(Locale.ROOT, "%-40s %8d %9.0f %9.0f %9.0f%n", entry.getKey(), values.size(),
					BenchmarkSupport.percentile(values, 0.5), BenchmarkSupport.percentile(values, 0.95),
					BenchmarkSupport.percentile(values, 1.0));
		}
		System.out.printf(Locale.ROOT, "requests: %d (%.1f/s), errors: %d%n", requests, requests / seconds,
				recorder.errors.size());
		recorder.errors.stream().limit(10).forEach(error -> System.out.println("  error: " + error));
		return recorder.errors.isEmpty();
	}

	/** The production settings of {@link BenchmarkSupport#startApplication}, for a node process of its own. */
	private static Map<String, Object> properties(BenchmarkSupport.Database database, Path files, String name) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", database.url());
		properties.put("spring.datasource.username", database.username());
		properties.put("spring.datasource.password", database.password());
		properties.put("spring.mail.host", "localhost");
		properties.put("spring.mail.port", TestMailServer.port());
		properties.put("mmp.documents.storage-dir", files.resolve("documents").toString());
		properties.put("mmp.mail.outbox", files.resolve(name).resolve("outbox").toString());
		properties.put("spring.profiles.active", "postgres");
		properties.put("mmp.demo-data", "true");
		properties.put("mmp.portal.secure-cookies", "false");
		properties.put("camunda.bpm.job-execution.enabled", "true");
		properties.put("server.forward-headers-strategy", "native");
		properties.put("mmp.operations.node-name", name);
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.org.mmpcase", "WARN");
		properties.put("logging.level.org.apache.pdfbox", "ERROR");
		return properties;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
