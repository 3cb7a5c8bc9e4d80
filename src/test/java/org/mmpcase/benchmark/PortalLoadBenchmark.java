package org.mmpcase.benchmark;

import java.util.List;
import java.util.Locale;

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
			// each patient its own client (cookies), signed in once like the portal; Basic with
			// -Dmmp.bench.basic=true (every request checks the password with bcrypt)
			List<PortalPatient> ready = PortalLoad.certify(patients,
					() -> basic ? new PortalPatient(http, recorder, "load")
							: new PortalPatient(new Http(port), recorder, "load", true),
					providers);
			System.out.printf(Locale.ROOT, "certified %d patients first (8 providers at once): p50 %.0f ms, p95 %.0f ms, "
					+ "errors %d%n", patients,
					BenchmarkSupport.percentile(providers.timings.get("POST provider/certifications"), 0.5),
					BenchmarkSupport.percentile(providers.timings.get("POST provider/certifications"), 0.95),
					providers.errors.size());

			PortalLoad.Run run = PortalLoad.workTogether(ready, recorder);
			double seconds = run.seconds();
			String load = BenchmarkSupport.loadAverage();
			TestMailServer.get().purgeEmailFromAllMailboxes();
			double heapAfter = BenchmarkSupport.heapAfterGc();

			System.out.println();
			System.out.printf(Locale.ROOT, "Portal under load: %d patients at once, %.1f s for all, %d finished%n",
					patients, seconds, patients - run.failed());
			PortalLoad.printRequests(recorder, seconds);
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
