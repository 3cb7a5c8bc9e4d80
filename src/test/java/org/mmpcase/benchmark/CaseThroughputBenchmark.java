package org.mmpcase.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.mmpcase.registration.Application;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.support.CaseDriver;
import org.mmpcase.support.Mails;
import org.mmpcase.support.TestMailServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: benchmark 1 of docs/benchmarks.md. N initial registrations driven by concurrent clients through the
 * service layer (certify, every patient step with the document uploads, the review approved), the job executor
 * sending each certificate e-mail to GreenMail; then the same number of instances of a bare process with the same
 * wait states and no-op delegates on the same engine; then pgbench on the same server. Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.mmpcase.benchmark.CaseThroughputBenchmark -Dexec.args="200 8"}
 */
public final class CaseThroughputBenchmark {

	static final String BARE_KEY = "benchmark-bare-registration";

	private static final int WARM_UP = 10;

	private CaseThroughputBenchmark() {
	}

	/** The bare process's service tasks. */
	public static final class NoOp implements JavaDelegate {

		@Override
		public void execute(DelegateExecution execution) {
			// nothing: the bare process measures the engine alone
		}

	}

	record Result(String name, int cases, double seconds, BenchmarkSupport.Counters counters) {

		double perSecond() {
			return cases / seconds;
		}

	}

	public static void main(String[] args) throws Exception {
		int cases = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		BenchmarkSupport.Database database = BenchmarkSupport.newDatabase("mmp_bench_throughput");
		ConfigurableApplicationContext context = BenchmarkSupport.startApplication(database, false, CaseDriver.class);
		try {
			System.out.println("Machine at start: " + BenchmarkSupport.machine(database));
			CaseDriver driver = context.getBean(CaseDriver.class);
			ProcessEngine engine = context.getBean(ProcessEngine.class);
			deployBare(engine);

			org.mmpcase.shared.ConcurrentChanges requests = context.getBean(org.mmpcase.shared.ConcurrentChanges.class);
			IntConsumer ours = i -> registration(driver, requests);
			LongSupplier oursDone = () -> engine.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processDefinitionKey(InitialRegistrationProcess.KEY)
				.finished()
				.count();
			IntConsumer bare = i -> bareCase(engine, i);
			LongSupplier bareDone = () -> engine.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processDefinitionKey(BARE_KEY)
				.finished()
				.count();

			run("warm-up ours", WARM_UP, clients, ours, oursDone, database);
			run("warm-up bare", WARM_UP, clients, bare, bareDone, database);
			BenchmarkSupport.resetStatements(database);
			PHASES.clear();
			Result our = run("ours", cases, clients, ours, oursDone, database);
			// -Dmmp.bench.top=N lists more of the statements (the whole profile of a case with N about 100)
			List<String> ourTop = BenchmarkSupport.topStatements(database, Integer.getInteger("mmp.bench.top", 15),
					cases);
			long certificates = certificateMails();
			System.out.println("e-mails received: " + TestMailServer.get().getReceivedMessages().length + ", e.g. "
					+ java.util.Arrays.stream(TestMailServer.get().getReceivedMessages()).limit(3).map(Mails::subject).toList());
			if (certificates < cases + WARM_UP) {
				throw new IllegalStateException("only " + certificates + " certificate e-mails for "
						+ (cases + WARM_UP) + " cases");
			}
			BenchmarkSupport.resetStatements(database);
			Result bareResult = run("bare", cases, clients, bare, bareDone, database);
			List<String> bareTop = BenchmarkSupport.topStatements(database, 10, cases);
			String load = BenchmarkSupport.loadAverage();
			String rows = variableRows(context, cases + WARM_UP);
			String pgbench = BenchmarkSupport.pgbench(clients, 20);

			System.out.println();
			System.out.printf(Locale.ROOT, "Case throughput: %d cases, %d concurrent clients, job executor on%n",
					cases, clients);
			System.out.printf(Locale.ROOT, "%-6s %8s %9s %10s %14s %16s %16s%n", "", "cases", "seconds", "cases/s",
					"commits/case", "statements/case", "DB ms/case");
			for (Result result : List.of(our, bareResult)) {
				System.out.printf(Locale.ROOT, "%-6s %8d %9.1f %10.2f %14.1f %16.1f %16.1f%n", result.name(),
						result.cases(), result.seconds(), result.perSecond(),
						result.counters().commits() / (double) result.cases(),
						result.counters().statements() / (double) result.cases(),
						result.counters().executionMillis() / result.cases());
			}
			System.out.printf(Locale.ROOT, "ratio ours/bare (time per case): %.2f (goal <= 1.5)%n",
					bareResult.perSecond() / our.perSecond());
			System.out.printf(Locale.ROOT, "ratio ours/bare (statements per case): %.2f%n",
					(double) our.counters().statements() / our.cases()
							/ ((double) bareResult.counters().statements() / bareResult.cases()));
			System.out.println("certificate e-mails received: " + certificates);
			System.out.println("Where a case's time goes (ours, client side, with " + clients + " clients at once):");
			new java.util.TreeMap<>(PHASES).forEach((name, values) -> System.out.printf(Locale.ROOT,
					"  %-45s p50 %7.1f ms  p95 %7.1f ms%n", name, BenchmarkSupport.percentile(values, 0.5),
					BenchmarkSupport.percentile(values, 0.95)));
			System.out.println(rows);
			System.out.println("Most frequent statements, ours:");
			ourTop.forEach(line -> System.out.println("  " + line));
			System.out.println("Most frequent statements, bare:");
			bareTop.forEach(line -> System.out.println("  " + line));
			System.out.println("pgbench -c " + clients + " -T 20 (scale 10, same server): " + pgbench);
			System.out.println("Machine at end: " + BenchmarkSupport.machine(database) + " (load before pgbench "
					+ load + ")");
		}
		finally {
			context.close();
			TestMailServer.get().stop();
			BenchmarkSupport.stopEmbedded();
		}
		System.exit(0);
	}

	/**
	 * Engine rows per finished case (ours: the registration and its review; bare: its one instance): variable
	 * instances and variable details in history, and variables at run time (none once a case has ended), counted
	 * after all cases of both kinds have finished.
	 */
	private static String variableRows(ConfigurableApplicationContext context, int finishedPerKind) {
		org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
				context.getBean(javax.sql.DataSource.class));
		StringBuilder out = new StringBuilder("Engine rows per finished case (history variable instances, history "
				+ "variable details, runtime variables left):");
		for (var kind : Map.of("ours", List.of(InitialRegistrationProcess.KEY, "application-review"), "bare",
				List.of(BARE_KEY)).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
			String in = String.join(",", java.util.Collections.nCopies(kind.getValue().size(), "?"));
			Object[] keys = kind.getValue().toArray();
			long varinst = jdbc.queryForObject("select count(*) from ACT_HI_VARINST where PROC_DEF_KEY_ in (" + in
					+ ")", Long.class, keys);
			long details = jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where TYPE_ = 'VariableUpdate'"
					+ " and PROC_DEF_KEY_ in (" + in + ")", Long.class, keys);
			long runtime = jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE v join ACT_RE_PROCDEF d"
					+ " on d.ID_ = v.PROC_DEF_ID_ where d.KEY_ in (" + in + ")", Long.class, keys);
			out.append(String.format(Locale.ROOT, "%n  %-5s %6.1f varinst %6.1f details %6.1f runtime", kind.getKey(),
					varinst / (double) finishedPerKind, details / (double) finishedPerKind,
					runtime / (double) finishedPerKind));
		}
		return out.toString();
	}

	private static long certificateMails() {
		return java.util.Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(mail -> Mails.subject(mail).contains("certificate"))
			.count();
	}

	/** Runs {@code count} cases on {@code clients} threads; the clock stops when the last case has ended. */
	private static Result run(String name, int count, int clients, IntConsumer oneCase, LongSupplier finished,
			BenchmarkSupport.Database database) throws Exception {
		long finishedBefore = finished.getAsLong();
		BenchmarkSupport.Counters before = BenchmarkSupport.counters(database);
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			futures.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					oneCase.accept(i);
				}
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (finished.getAsLong() < finishedBefore + count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(name + ": cases not finished after 10 minutes");
			}
			Thread.sleep(50);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.awaitTermination(1, TimeUnit.SECONDS);
		BenchmarkSupport.Counters delta = BenchmarkSupport.counters(database).minus(before);
		System.out.printf(Locale.ROOT, "%s: %d cases in %.1f s%n", name, count, seconds);
		return new Result(name, count, seconds, delta);
	}

	/** Milliseconds per phase of our cases (client side, in the driving thread), to see where the time goes. */
	private static final Map<String, List<Double>> PHASES = new java.util.concurrent.ConcurrentHashMap<>();

	private static void phase(String name, Runnable work) {
		long start = System.nanoTime();
		work.run();
		PHASES.computeIfAbsent(name, key -> new java.util.concurrent.CopyOnWriteArrayList<>())
			.add((System.nanoTime() - start) / 1e6);
	}

	/**
	 * One initial registration, certified to certificate, as the API would drive it: each applicant step in one
	 * transaction, as {@code POST /api/applications/{no}/current-step} runs it ({@code ConcurrentChanges.retrying}:
	 * the access check, the current task and its completion); the uploads and the completion of the upload step are
	 * three requests of their own.
	 */
	private static void registration(CaseDriver driver, org.mmpcase.shared.ConcurrentChanges requests) {
		Application[] application = new Application[1];
		phase("1 certify (case, process, invitation)", () -> application[0] = driver.certify());
		phase("2 confirm profile", () -> request(requests, () -> driver.confirmProfile(application[0])));
		phase("3 choose dispensary", () -> request(requests,
				() -> driver.chooseDispensary(application[0], "DSP-HARTFORD")));
		phase("4 choose document types", () -> request(requests, () -> driver.chooseDocumentTypes(application[0])));
		phase("5 upload 2 documents + complete (checks)", () -> driver.uploadBothDocuments(application[0]));
		phase("6 sign attestations (submit, review task)", () -> request(requests,
				() -> driver.signAttestations(application[0])));
		phase("7 review approved (certificate PDF)", () -> driver.review(application[0],
				CaseVariables.DECISION_APPROVE, Map.of()));
	}

	private static void request(org.mmpcase.shared.ConcurrentChanges requests, Runnable step) {
		requests.retrying("benchmark step", () -> {
			step.run();
			return null;
		});
	}

	/**
	 * The bare process: the same wait states (five applicant tasks, the review task, the asynchronous e-mail step)
	 * and the same number of service tasks (document check, submit, record decision, issue certificate, e-mail), all
	 * no-ops, in one flat process.
	 */
	private static void deployBare(ProcessEngine engine) {
		BpmnModelInstance model = Bpmn.createExecutableProcess(BARE_KEY)
			.camundaHistoryTimeToLive(180)
			.startEvent()
			.userTask("confirm").camundaAssignee("${applicant}")
			.userTask("dispensary").camundaAssignee("${applicant}")
			.userTask("documentTypes").camundaAssignee("${applicant}")
			.userTask("upload").camundaAssignee("${applicant}")
			.serviceTask("check").camundaClass(NoOp.class.getName())
			.userTask("attest").camundaAssignee("${applicant}")
			.serviceTask("submit").camundaClass(NoOp.class.getName())
			.userTask("review").camundaCandidateGroups("reviewers")
			.serviceTask("record").camundaClass(NoOp.class.getName())
			.serviceTask("issue").camundaClass(NoOp.class.getName())
			.serviceTask("email").camundaAsyncBefore().camundaClass(NoOp.class.getName())
			.endEvent()
			.done();
		engine.getRepositoryService().createDeployment().name("benchmark").addModelInstance("bare.bpmn", model)
			.deploy();
	}

	private static void bareCase(ProcessEngine engine, int i) {
		String applicant = "bare-" + i + "-" + System.nanoTime() + "@example.net";
		ProcessInstance instance = engine.getRuntimeService()
			.startProcessInstanceByKey(BARE_KEY, "BARE-" + i + "-" + System.nanoTime(),
					Map.of("applicant", applicant));
		TaskService tasks = engine.getTaskService();
		for (String step : List.of("confirm", "dispensary", "documentTypes", "upload", "attest")) {
			Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskAssignee(applicant)
				.singleResult();
			if (task == null || !step.equals(task.getTaskDefinitionKey())) {
				throw new IllegalStateException("bare case not at " + step);
			}
			tasks.complete(task.getId(), Map.of(step + "Done", true));
		}
		Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("reviewers")
			.singleResult();
		tasks.complete(review.getId(), Map.of("reviewDecision", "approve"));
	}

}
