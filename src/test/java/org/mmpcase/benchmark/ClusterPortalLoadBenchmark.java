package org.mmpcase.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
				int port = NodeProcess.freePort();
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
		List<PortalPatient> ready = PortalLoad.certify(patients,
				() -> new PortalPatient(new Http(port), recorder, "cluster-load", true), providers);
		PortalLoad.Run run = PortalLoad.workTogether(ready, recorder);
		double seconds = run.seconds();
		int failed = run.failed();
		TestMailServer.get().purgeEmailFromAllMailboxes();
		System.out.println();
		System.out.printf(Locale.ROOT, "Through HAProxy, %d node(s): %d patients at once, %.1f s for all, %d finished "
				+ "(%.2f cases/s); load average %s%n", nodes, patients, seconds, patients - failed,
				(patients - failed) / seconds, BenchmarkSupport.loadAverage());
		PortalLoad.printRequests(recorder, seconds);
		return recorder.errors.isEmpty();
	}

	/** The production settings of {@link BenchmarkSupport#startApplication}, for a node process of its own. */
	private static Map<String, Object> properties(BenchmarkSupport.Database database, Path files, String name) {
		Map<String, Object> properties = BenchmarkSupport.productionProperties(database, files.resolve("documents"),
				files.resolve(name).resolve("outbox"));
		properties.put("server.forward-headers-strategy", "native");
		properties.put("mmp.operations.node-name", name);
		return properties;
	}

}
