package org.mmpcase.benchmark;

import java.util.ArrayList;
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

import org.mmpcase.support.Http;
import org.mmpcase.support.TestMailServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: benchmark 3 of docs/benchmarks.md. {@code patients} patients at once, each working through an initial
 * registration over HTTP (certification by the provider, activation, every step with both uploads, the status
 * page), against the application with its production settings (Tomcat's 200 threads, Hikari's 10 connections, the
 * job executor on); prints p50/p95 per request type, the errors (must be 0) and the heap in use after the run. Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.mmpcase.benchmark.PortalLoadBenchmark -Dexec.args="200"}
 */
public final class PortalLoadBenchmark {

	private PortalLoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int patients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		BenchmarkSupport.Database database = BenchmarkSupport.newDatabase("mmp_bench_portal");
		ConfigurableApplicationContext context = BenchmarkSupport.startApplication(database, true);
		int exit = 0;
		try {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			Http http = new Http(port);
			System.out.println("Machine at start: " + BenchmarkSupport.machine(database));

			// warm-up: a few patients one after another, not counted
			PortalPatient.Recorder warmUp = new PortalPatient.Recorder();
			for (int i = 0; i < 5; i++) {
				new PortalPatient(http, warmUp, "warmup").register();
			}
			TestMailServer.get().purgeEmailFromAllMailboxes();
			double heapBefore = BenchmarkSupport.heapAfterGc();

			// the providers' part first, eight at a time (providers certify one patient at a time; the load the
			// issue asks for is the patients'): timed, but not part of the patients' run
			PortalPatient.Recorder recorder = new PortalPatient.Recorder();
			PortalPatient.Recorder providers = new PortalPatient.Recorder();
			boolean basic = Boolean.getBoolean("mmp.bench.basic");
			ExecutorService certifying = Executors.newFixedThreadPool(8);
			List<Future<PortalPatient>> certified = new ArrayList<>();
			for (int i = 0; i < patients; i++) {
				// each patient its own client (cookies), signed in once like the portal; Basic with
				// -Dmmp.bench.basic=true (every request checks the password with bcrypt)
				PortalPatient patient = basic ? new PortalPatient(http, recorder, "load")
						: new PortalPatient(new Http(port), recorder, "load", true);
				certified.add(certifying.submit(() -> patient.certifiedBy(providers)));
			}
			List<PortalPatient> ready = new ArrayList<>();
			for (Future<PortalPatient> future : certified) {
				ready.add(future.get());
			}
			certifying.shutdown();
			System.out.printf(Locale.ROOT, "certified %d patients first (8 providers at once): p50 %.0f ms, p95 %.0f ms, "
					+ "errors %d%n", patients,
					BenchmarkSupport.percentile(providers.timings.get("POST provider/certifications"), 0.5),
					BenchmarkSupport.percentile(providers.timings.get("POST provider/certifications"), 0.95),
					providers.errors.size());

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
			int failedPatients = 0;
			for (Future<?> future : futures) {
				try {
					future.get(Math.max(1, 20 * 60 - (System.nanoTime() - start) / 1_000_000_000L), TimeUnit.SECONDS);
				}
				catch (TimeoutException ex) {
					recorder.errors.add("patient still working after 20 minutes");
					failedPatients++;
				}
				catch (java.util.concurrent.ExecutionException ex) {
					failedPatients++;
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			pool.shutdownNow();
			String load = BenchmarkSupport.loadAverage();
			TestMailServer.get().purgeEmailFromAllMailboxes();
			double heapAfter = BenchmarkSupport.heapAfterGc();

			System.out.println();
			System.out.printf(Locale.ROOT, "Portal under load: %d patients at once, %.1f s for all, %d finished%n",
					patients, seconds, patients - failedPatients);
			System.out.printf(Locale.ROOT, "%-40s %8s %9s %9s %9s%n", "request", "count", "p50 ms", "p95 ms",
					"max ms");
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
			System.out.printf(Locale.ROOT,
					"heap used after GC: %.0f MB before the run, %.0f MB after (max heap %.0f MB; the load clients "
							+ "run in the same JVM)%n",
					heapBefore, heapAfter, Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
			System.out.println("Machine at end: " + BenchmarkSupport.machine(database) + " (load at the end of the run "
					+ load + ")");
			exit = recorder.errors.isEmpty() ? 0 : 1;
		}
		finally {
			context.close();
			TestMailServer.get().stop();
			BenchmarkSupport.stopEmbedded();
		}
		System.exit(exit);
	}

}
