package org.mmpcase.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The portal load of {@link PortalLoadBenchmark} and {@link ClusterPortalLoadBenchmark}: the patients certified first,
 * eight providers at once, then all of them working at once, then the table of their requests.
 */
final class PortalLoad {

	private PortalLoad() {
	}

	/** What {@link #workTogether} measured: how long all took, how many patients did not finish. */
	record Run(double seconds, int failed) {
	}

	/**
	 * The providers' part first, eight at a time (providers certify one patient at a time; the load is the
	 * patients'): {@code patients} new patients from {@code patient}, certified, their requests timed in
	 * {@code providers}.
	 */
	static List<PortalPatient> certify(int patients, Supplier<PortalPatient> patient,
			PortalPatient.Recorder providers) throws InterruptedException, ExecutionException {
		ExecutorService certifying = Executors.newFixedThreadPool(8);
		List<Future<PortalPatient>> certified = new ArrayList<>();
		for (int i = 0; i < patients; i++) {
			PortalPatient next = patient.get();
			certified.add(certifying.submit(() -> next.certifiedBy(providers)));
		}
		List<PortalPatient> ready = new ArrayList<>();
		for (Future<PortalPatient> future : certified) {
			ready.add(future.get());
		}
		certifying.shutdown();
		return ready;
	}

	/**
	 * The patients all at once, started together, each working through its steps; a patient still working after 20
	 * minutes is an error in {@code recorder}, and counts as failed, as one whose work ended in an exception.
	 */
	static Run workTogether(List<PortalPatient> ready, PortalPatient.Recorder recorder) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(ready.size());
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
			catch (ExecutionException ex) {
				failed++;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdownNow();
		return new Run(seconds, failed);
	}

	/** Per request type the count, p50, p95 and max; then the requests per second and the errors (the first ten). */
	static void printRequests(PortalPatient.Recorder recorder, double seconds) {
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
	}

}
