package org.mmpcase.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.review.ApplicationReviewProcess;
import org.mmpcase.support.Http;
import org.mmpcase.support.TestMailServer;
import org.mmpcase.system.EngineTableMigrations;
import org.mmpcase.workspace.ReviewQueueBenchmarkAccess;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Not a test: benchmark 2 of docs/benchmarks.md. Fills the engine with open reviews (initial registrations started
 * at the review call activity through the public API, so each has the real review subprocess, task listener, due
 * date and SLA timers; due dates spread over 10 days past to 21 days ahead, one in twenty assigned to the reviewer)
 * and with finished cases in history (the same start, then ended), next to ten patients registered over HTTP. Up
 * to {@code -Dmmp.bench.templates} (1,000) of each kind are made through the API, the rest are SQL copies of those
 * ({@link CaseCloner}). Then times the Tasklist filter requests ({@code POST /engine-rest/filter/{id}/list} and
 * {@code /count} as the reviewer) and the patient status page ({@code GET /api/applications/{no}}, signed in with a
 * session), against hand-written SQL on the same data; with the migrations on the engine's tables
 * ({@code system/EngineTableMigrations}: due date index, planner statistics) and (4th argument, default for up to
 * 5,000 open reviews) first without the due date index. Arguments: open reviews, finished cases, generating threads, compare.
 * <p>
 * Then the reviewer workspace ({@code /review/api}) on the same data, signed in with sessions as the page is: each
 * queue view's first page of 25, its (capped) count and a page after a row about 10,000 deep, each against the SQL
 * that {@code QueueQueries} builds, run over JDBC; the case screen's facts over many different cases; the first page
 * images of scanned 10 MB PDFs (the residency proofs of the first {@code -Dmmp.bench.scans} portal patients, 4),
 * cold and cached; the queue's table sizes and plans. So that every view has data, 1 in 50 open templates is
 * escalated (the review's SLA timer fired) and 1 in 50 waits on the applicant (information requested) before they
 * are copied; the copies are made behind the engine's back, so the queue is rebuilt from the engine
 * ({@code ReviewQueueRebuild}, timed) before anything is measured. {@code -Dmmp.bench.tasklist=false} and
 * {@code -Dmmp.bench.workspace=false} leave out either half; {@code -Dmmp.bench.tasklist-cap-seconds=N} gives up (and
 * cancels) a Tasklist request after N s; {@code -Dmmp.bench.drop-task-authorizations=true} first deletes the engine's
 * per-task authorizations (what a provider that writes none would leave), to measure without them.
 * <p>
 * {@code -Dmmp.bench.pause-seconds} pauses after generating (ended early by the file
 * {@code -Dmmp.bench.resume-file}); {@code -Dmmp.bench.reuse-database=NAME} with {@code MMP_BENCH_DATABASE_URL}
 * measures the database a paused run left, with this build's application (with {@code -Dmmp.bench.files-dir}, the
 * documents folder the paused run printed; {@code -Dmmp.bench.rebuild=true} rebuilds the queue again). Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.mmpcase.benchmark.ReviewerQueueBenchmark -Dexec.args="100000 500000 2 false"}
 */
public final class ReviewerQueueBenchmark {

	private static final int WARM_UP = 20;

	private static final int RUNS = 200;

	private static final int PAGE = 15;

	private static final String DUE_DATE_INDEX = "mmp_ix_task_due_date";

	private static final String DUE_DATE_MIGRATION = "/db/engine/common/V1__task_due_date_index.sql";

	private ReviewerQueueBenchmark() {
	}

	private interface Timed {

		void run() throws Exception;

	}

	/** p50/p95 in ms; {@code calls} counts the warm-up runs too (for the statements per request). */
	private record Row(String name, double p50, double p95, int calls) {
	}

	public static void main(String[] args) throws Exception {
		int open = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int finished = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
		int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
		double rebuildSeconds = Double.NaN;
		BenchmarkSupport.Database database = BenchmarkSupport.newDatabase("mmp_bench_queue");
		ConfigurableApplicationContext context = BenchmarkSupport.startApplication(database, true);
		try {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			ProcessEngine engine = context.getBean(ProcessEngine.class);
			System.out.println("Machine at start: " + BenchmarkSupport.machine(database));
			boolean compare = args.length > 3 ? Boolean.parseBoolean(args[3]) : open <= 5_000;
			EngineTableMigrations engineMigrations = context.getBean(EngineTableMigrations.class);

			PortalPatient.Recorder recorder = new PortalPatient.Recorder();
			Http http = new Http(port);
			List<PortalPatient> patients = new ArrayList<>();
			boolean reuse = !System.getProperty("mmp.bench.reuse-database", "").isBlank();
			if (reuse) {
				// the data of an earlier (paused) run, measured by this application and its settings
				patients.addAll(registeredPatients(database, port, recorder));
				System.out.println("measuring the existing database " + database.name() + ": " + tableSizes(database));
			}
			else {
				// a few patients send a scanned PDF just under the upload limit as their residency proof (previews)
				int scans = Integer.getInteger("mmp.bench.scans", 4);
				byte[] scan = scans > 0 ? scannedPdfUnderLimit() : null;
				for (int i = 0; i < 10; i++) {
					// each patient signs in once and sends its session cookie, as the portal does
					PortalPatient patient = new PortalPatient(new Http(port), recorder, "queue", true);
					if (i < scans) {
						patient.residency("scanned-lease.pdf", scan);
					}
					patients.add(patient.register());
				}

				// templates through the public API, then copied in SQL (CaseCloner) up to the sizes asked for
				int templates = Integer.getInteger("mmp.bench.templates", 1_000);
				int openTemplates = Math.min(open, templates);
				int finishedTemplates = Math.min(finished, templates);
				long start = System.nanoTime();
				generate(engine, openTemplates, finishedTemplates, threads);
				double generation = (System.nanoTime() - start) / 1e9;
				System.out.printf(Locale.ROOT, "%d open and %d finished template cases through the API in %.0f s (%d threads)%n",
						openTemplates, finishedTemplates, generation, threads);
				start = System.nanoTime();
				escalationsAndRequests(engine, database, openTemplates);
				System.out.printf(Locale.ROOT, "escalations and requests for information on the templates in %.0f s%n",
						(System.nanoTime() - start) / 1e9);
				start = System.nanoTime();
				try (Connection connection = database.connect()) {
					if (open > openTemplates) {
						CaseCloner.copy(connection, "BQ-", false, open / openTemplates - 1);
					}
					if (finished > finishedTemplates) {
						CaseCloner.copy(connection, "BQ-", true, finished / finishedTemplates - 1);
					}
					CaseCloner.caseRows(connection, "BQ-");
					System.out.println("  review records copied: " + CaseCloner.reviewRecords(connection, "BQ-"));
				}
				double copying = (System.nanoTime() - start) / 1e9;
				analyze(database);
				System.out.println(tableSizes(database));
				System.out.printf(Locale.ROOT, "copied in SQL to %d open reviews and %d finished cases in %.0f s%n",
						open / openTemplates * openTemplates, finished / Math.max(1, finishedTemplates) * finishedTemplates,
						copying);
			}
			if (!reuse || Boolean.getBoolean("mmp.bench.rebuild")) {
				// the copies were made behind the engine's back: the queue projection is written anew from the engine
				System.out.println("rebuilding the reviewers' queue, load " + BenchmarkSupport.loadAverage());
				long start = System.nanoTime();
				int queued = ReviewQueueBenchmarkAccess.rebuild(context);
				rebuildSeconds = (System.nanoTime() - start) / 1e9;
				System.out.printf(Locale.ROOT, "ReviewQueueRebuild.rebuild(): %d tasks in %.1f s (load %s)%n", queued,
						rebuildSeconds, BenchmarkSupport.loadAverage());
				BenchmarkSupport.execute(database.url(), database.username(), database.password(),
						"analyze review_queue, review_queue_group");
			}
			System.out.println(queueData(database, engine));
			if (!reuse) {
				long pause = Long.getLong("mmp.bench.pause-seconds", 0);
				if (pause > 0) {
					// ends early when the file named by mmp.bench.resume-file appears
					java.nio.file.Path resume = java.nio.file.Path.of(System.getProperty("mmp.bench.resume-file", "resume"));
					System.out.println("pausing " + pause + " s (or until " + resume.toAbsolutePath() + " exists) for a look at "
							+ database.url() + ", application on port " + port);
					long until = System.currentTimeMillis() + pause * 1000;
					while (System.currentTimeMillis() < until && !java.nio.file.Files.exists(resume)) {
						Thread.sleep(1000);
					}
				}
			}
			Map<String, String> filters = filterIds(engine);
			HttpClient client = HttpClient.newHttpClient();
			String base = "http://localhost:" + port;
			PasswordEncoder passwords = context.getBean(PasswordEncoder.class);
			String hash = passwords.encode(PortalPatient.PATIENT_PASSWORD);

			List<Row> before = null;
			if (compare) {
				// without the due date index (db/engine/common/V1); the planner statistics (V2) stay: without them a
				// filter's count compares every task with every authorization row, hours at 100,000 open reviews
				BenchmarkSupport.execute(database.url(), database.username(), database.password(),
						"drop index if exists " + DUE_DATE_INDEX);
				analyze(database);
				before = measure(database, client, base, filters, patients, http, recorder);
			}
			long indexStart = System.nanoTime();
			if (compare) {
				BenchmarkSupport.execute(database.url(), database.username(), database.password(), new String(
						ReviewerQueueBenchmark.class.getResourceAsStream(DUE_DATE_MIGRATION).readAllBytes(),
						StandardCharsets.UTF_8));
			}
			engineMigrations.migrate();
			analyze(database);
			double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
			capDatabase = database;
			if (Boolean.getBoolean("mmp.bench.drop-task-authorizations")) {
				// what a provider that grants no per-task authorizations would leave: the reviewers and supervisors
				// keep their tasks through READ_TASK on the review process definition (system/StaffAuthorizations)
				try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
					int dropped = statement.executeUpdate("delete from act_ru_authorization where resource_type_ = 7 "
							+ "and resource_id_ <> '*'");
					statement.execute("analyze act_ru_authorization");
					System.out.println("per-task authorizations deleted (-Dmmp.bench.drop-task-authorizations): " + dropped);
				}
			}
			boolean tasklist = Boolean.parseBoolean(System.getProperty("mmp.bench.tasklist", "true"));
			System.out.println("Tasklist measurement from " + Instant.now() + ", load " + BenchmarkSupport.loadAverage());
			List<Row> after = tasklist ? measure(database, client, base, filters, patients, http, recorder) : List.of();
			// the reviewer workspace (/review/api) on the same data, signed in with sessions
			System.out.println("Workspace measurement from " + Instant.now() + ", load " + BenchmarkSupport.loadAverage());
			StringBuilder workspace = new StringBuilder();
			List<String> workspaceErrors = new ArrayList<>();
			List<String> statements = new ArrayList<>();
			if (Boolean.parseBoolean(System.getProperty("mmp.bench.workspace", "true"))) {
				BenchmarkSupport.resetStatements(database);
				section(workspaceErrors, "queue", () -> workspace.append(queue(database, port, engine)));
				section(workspaceErrors, "case facts", () -> workspace.append(caseFacts(database, port)));
				statements.addAll(BenchmarkSupport.topStatementsByTime(database, 25));
				section(workspaceErrors, "previews", () -> workspace.append(previews(database, port)));
				section(workspaceErrors, "explain", () -> workspace.append(explain(database)));
			}
			System.out.println("Workspace measurement until " + Instant.now() + ", load " + BenchmarkSupport.loadAverage());
			List<Double> bcrypt = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				long t = System.nanoTime();
				passwords.matches(PortalPatient.PATIENT_PASSWORD, hash);
				bcrypt.add((System.nanoTime() - t) / 1e6);
			}

			System.out.println();
			System.out.printf(Locale.ROOT,
					"Reviewer queue: %d open reviews, %d finished cases; %d runs each after %d warm-up, one client%n",
					open, finished, RUNS, WARM_UP);
			System.out.printf(Locale.ROOT, "%-66s %25s %21s%n", "", "without due date index", "with it");
			System.out.printf(Locale.ROOT, "%-66s %10s %10s %10s %10s%n", "request", "p50 ms", "p95 ms", "p50 ms",
					"p95 ms");
			for (int i = 0; i < after.size(); i++) {
				System.out.printf(Locale.ROOT, "%-66s %10s %10s %10.1f %10.1f%n", after.get(i).name(),
						before == null ? "-" : String.format(Locale.ROOT, "%.1f", before.get(i).p50()),
						before == null ? "-" : String.format(Locale.ROOT, "%.1f", before.get(i).p95()),
						after.get(i).p50(), after.get(i).p95());
			}
			System.out.println("ratios (with the due date index), engine over HTTP / hand-written SQL over JDBC, p50:");
			for (int i = 0; i + 1 < after.size(); i += 2) {
				System.out.printf(Locale.ROOT, "  %-56s %6.1fx%n", after.get(i).name(),
						after.get(i).p50() / after.get(i + 1).p50());
			}
			System.out.printf(Locale.ROOT, "due date index (when compared) and analyze in %.1f s; bcrypt check of a patient password: p50 %.1f ms%n",
					indexSeconds, BenchmarkSupport.percentile(bcrypt, 0.5));
			System.out.println();
			System.out.println("Reviewer workspace (/review/api), same data, same run:");
			if (!Double.isNaN(rebuildSeconds)) {
				System.out.printf(Locale.ROOT, "queue rebuilt from the engine (ReviewQueueRebuild.rebuild()) in %.1f s%n",
						rebuildSeconds);
			}
			System.out.print(workspace);
			System.out.println("statements with the most execution time during the queue and case measurements:");
			statements.forEach(line -> System.out.println("  " + line));
			System.out.println("workspace errors: " + workspaceErrors.size());
			workspaceErrors.forEach(error -> System.out.println("  error: " + error));
			System.out.println("errors: " + recorder.errors.size());
			recorder.errors.stream().limit(10).forEach(error -> System.out.println("  error: " + error));
			System.out.println(tableSizes(database));
			System.out.println("Machine at end: " + BenchmarkSupport.machine(database));
		}
		finally {
			context.close();
			TestMailServer.get().stop();
			BenchmarkSupport.stopEmbedded();
		}
		System.exit(0);
	}

	/** The patients of the run that generated the database (not the copied cases), each signed in anew. */
	private static List<PortalPatient> registeredPatients(BenchmarkSupport.Database database, int port,
			PortalPatient.Recorder recorder) throws SQLException {
		List<PortalPatient> patients = new ArrayList<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select p.email, a.application_number from application a "
						+ "join person p on p.id = a.applicant_id where a.application_number not like 'BQ-%' "
						+ "order by a.id limit 10")) {
			while (rs.next()) {
				patients.add(PortalPatient.signedIn(new Http(port), recorder, rs.getString(1), rs.getString(2)));
			}
		}
		if (patients.isEmpty()) {
			throw new IllegalStateException("no registered patients in " + database.name());
		}
		return patients;
	}

	private static void analyze(BenchmarkSupport.Database database) {
		BenchmarkSupport.execute(database.url(), database.username(), database.password(), "analyze");
	}

	private static String tableSizes(BenchmarkSupport.Database database) throws SQLException {
		StringBuilder out = new StringBuilder("rows:");
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (String table : List.of("act_ru_task", "act_ru_execution", "act_ru_variable", "act_ru_job",
					"act_ru_identitylink", "act_hi_procinst", "act_hi_actinst", "act_hi_varinst", "act_hi_detail",
					"act_hi_taskinst", "application")) {
				try (ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
					rs.next();
					out.append(' ').append(table).append('=').append(rs.getLong(1));
				}
			}
			try (ResultSet rs = statement.executeQuery(
					"select pg_size_pretty(pg_database_size(current_database()))")) {
				rs.next();
				out.append(", database size ").append(rs.getString(1));
			}
			out.append("; largest tables with their indexes:");
			try (ResultSet rs = statement.executeQuery("select relname, pg_size_pretty(pg_total_relation_size(oid)) "
					+ "from pg_class where relkind = 'r' and relnamespace = current_schema()::regnamespace "
					+ "order by pg_total_relation_size(oid) desc limit 8")) {
				while (rs.next()) {
					out.append(' ').append(rs.getString(1)).append('=').append(rs.getString(2));
				}
			}
		}
		return out.toString();
	}

	/** Open reviews and finished cases, on {@code threads} threads, each case in its own transactions. */
	private static void generate(ProcessEngine engine, int open, int finished, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicLong next = new AtomicLong();
		AtomicLong done = new AtomicLong();
		long total = (long) open + finished;
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			futures.add(pool.submit(() -> {
				for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
					boolean stillOpen = i < open;
					startAtReview(engine, i, stillOpen);
					long count = done.incrementAndGet();
					if (count % 10_000 == 0) {
						double seconds = (System.nanoTime() - start) / 1e9;
						System.out.printf(Locale.ROOT, "  %d of %d cases in %.0f s (%.0f/s), load %s%n", count, total,
								seconds, count / seconds, BenchmarkSupport.loadAverage());
					}
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
	}

	private static void startAtReview(ProcessEngine engine, long i, boolean stillOpen) {
		RuntimeService runtime = engine.getRuntimeService();
		String number = String.format(Locale.ROOT, "BQ-%09d", i);
		String applicant = "bench-" + i + "@example.net";
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseVariables.APPLICATION_NUMBER, number);
		variables.put(CaseVariables.APPLICANT, applicant);
		variables.put(CaseVariables.APPLICANT_NAME, "Jordan Rivera");
		variables.put(CaseVariables.APPLICANT_ROLE, "patient");
		variables.put(CaseVariables.APPLICATION_KIND, "initial");
		variables.put(CaseVariables.PROVIDER, "provider@example.org");
		variables.put(CaseVariables.CERTIFICATION_DATE, LocalDate.now().minusDays(20).toString());
		variables.put(CaseVariables.CERTIFICATION_TERM_MONTHS, 12);
		variables.put(CaseVariables.CERTIFICATION_EXPIRES_AT, Date.from(Instant.now().plus(340, ChronoUnit.DAYS)));
		variables.put(CaseVariables.FIRST_NAME, "Jordan");
		variables.put(CaseVariables.LAST_NAME, "Rivera");
		variables.put(CaseVariables.DATE_OF_BIRTH, "1980-05-17");
		variables.put(CaseVariables.EMAIL, applicant);
		variables.put(CaseVariables.STREET, "12 Elm Street");
		variables.put(CaseVariables.CITY, "Hartford");
		variables.put(CaseVariables.ZIP, "06106");
		variables.put(CaseVariables.DISPENSARY_CODE, "DSP-HARTFORD");
		variables.put(CaseVariables.IDENTITY_DOCUMENT_TYPE, "drivers-license");
		variables.put(CaseVariables.RESIDENCY_DOCUMENT_TYPE, "utility-bill");
		variables.put(CaseVariables.FEE, 0);
		ProcessInstance instance = runtime.createProcessInstanceByKey(InitialRegistrationProcess.KEY)
			.businessKey(number)
			.setVariables(variables)
			.startBeforeActivity("CallActivity_Review")
			.execute();
		if (!stillOpen) {
			runtime.deleteProcessInstance(instance.getId(), "benchmark: finished case", true, true);
			return;
		}
		TaskService tasks = engine.getTaskService();
		Task review = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
		// due dates from 10 days past to 21 days ahead, as a queue that has been running for a while
		long minutes = Math.floorMod(i * 7919L, 31L * 24 * 60) - 10L * 24 * 60;
		tasks.setDueDate(review.getId(), Date.from(Instant.now().plus(minutes, ChronoUnit.MINUTES)));
		if (i % 20 == 0) {
			tasks.setAssignee(review.getId(), "reviewer");
		}
	}

	private static Map<String, String> filterIds(ProcessEngine engine) {
		FilterService filterService = engine.getFilterService();
		Map<String, String> ids = new LinkedHashMap<>();
		for (Filter filter : filterService.createFilterQuery().orderByFilterName().asc().list()) {
			ids.put(filter.getName(), filter.getId());
		}
		return ids;
	}

	/** Each filter's list and count (over HTTP and in SQL), then the status page (over HTTP and in SQL). */
	private static List<Row> measure(BenchmarkSupport.Database database, HttpClient client, String base,
			Map<String, String> filters, List<PortalPatient> patients, Http http, PortalPatient.Recorder recorder)
			throws Exception {
		List<Row> rows = new ArrayList<>();
		try (Connection connection = database.connect()) {
			for (Map.Entry<String, String> filter : filters.entrySet()) {
				String sql = handWritten(filter.getKey());
				if (sql == null) {
					continue;
				}
				String name = filter.getKey();
				int[] size = new int[1];
				rows.add(time("list  " + name + " (REST, HAL)", () -> size[0] = restList(client, base,
						filter.getValue())));
				rows.add(time("list  " + name + " (SQL)", () -> query(connection, sql + " limit " + PAGE)));
				long[] count = new long[1];
				rows.add(time("count " + name + " (REST)", () -> count[0] = restCount(client, base,
						filter.getValue())));
				long[] sqlCount = new long[1];
				rows.add(time("count " + name + " (SQL)", () -> sqlCount[0] = countOf(connection, sql)));
				System.out.printf(Locale.ROOT, "  %s: %d listed, count %d (SQL %d)%n", name, size[0], count[0],
						sqlCount[0]);
			}
			int[] which = new int[1];
			rows.add(time("status page GET /api/applications/{no} (HTTP)",
					() -> patients.get(which[0]++ % patients.size()).status()));
			rows.add(time("status page (SQL: case, applicant, open review)",
					() -> statusSql(connection, patients.get(which[0]++ % patients.size()).applicationNumber)));
		}
		return rows;
	}

	/**
	 * The filters' queries as one would write them by hand for a reviewer in the group reviewers (no authorization
	 * check: the reviewers may read every review task). Only the filters the reviewer sees.
	 */
	private static String handWritten(String filter) {
		String candidate = "exists (select 1 from act_ru_identitylink i where i.task_id_ = t.id_ "
				+ "and i.type_ = 'candidate' and i.group_id_ in ('reviewers'))";
		String review = "t.task_def_key_ = 'Task_ReviewApplication'";
		return switch (filter) {
			case "My tasks" -> "select t.id_, t.name_, t.due_date_ from act_ru_task t where t.assignee_ = 'reviewer' "
					+ "order by t.due_date_";
			case "Reviews - unassigned, by due date" -> "select t.id_, t.name_, t.due_date_ from act_ru_task t where "
					+ review + " and t.assignee_ is null and " + candidate + " order by t.due_date_";
			case "Reviews due within 3 days" -> "select t.id_, t.name_, t.due_date_ from act_ru_task t where " + review
					+ " and " + candidate + " and t.due_date_ < now() + interval '3 days' order by t.due_date_";
			case "Reviews past their SLA" -> "select t.id_, t.name_, t.due_date_ from act_ru_task t where " + review
					+ " and " + candidate + " and t.due_date_ < now() order by t.due_date_";
			case "Waiting on the applicant" -> "select t.id_, t.name_, t.due_date_ from act_ru_task t where "
					+ "t.task_def_key_ = 'Task_ProvideInformation' order by t.create_time_";
			default -> null;
		};
	}

	/**
	 * {@code -Dmmp.bench.tasklist-cap-seconds=N}: a Tasklist request that has not answered after N seconds is given
	 * up, its query in PostgreSQL cancelled, and its row reported as over N s.
	 */
	private static final long TASKLIST_CAP_SECONDS = Long.getLong("mmp.bench.tasklist-cap-seconds", 0);

	/** The benchmark's database, for cancelling a Tasklist query over the cap. */
	private static BenchmarkSupport.Database capDatabase;

	/** A request over {@link #TASKLIST_CAP_SECONDS}: its row gets no times. */
	private static final class CapExceeded extends Exception {

		CapExceeded(String message) {
			super(message);
		}

	}

	private static HttpResponse<String> sendCapped(HttpClient client, HttpRequest request) throws Exception {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.net.http.HttpTimeoutException ex) {
			// the engine's thread still runs the query: cancel it, so it does not hold a core for an hour
			int cancelled = 0;
			try (Connection connection = capDatabase.connect(); Statement statement = connection.createStatement()) {
				for (int i = 0; i < 60; i++) {
					int now = 0;
					try (ResultSet rs = statement.executeQuery("select pg_cancel_backend(pid) from pg_stat_activity "
							+ "where datname = current_database() and pid <> pg_backend_pid() and state = 'active' "
							+ "and query ilike '%from ACT_RU_TASK RES%'")) {
						while (rs.next()) {
							now++;
						}
					}
					cancelled += now;
					if (now == 0 && i > 2) {
						break;
					}
					Thread.sleep(500);
				}
			}
			throw new CapExceeded(request.uri() + " not answered within " + TASKLIST_CAP_SECONDS + " s ("
					+ cancelled + " queries cancelled)");
		}
	}

	private static int restList(HttpClient client, String base, String filterId) throws Exception {
		HttpResponse<String> response = sendCapped(client, post(base + "/engine-rest/filter/" + filterId
				+ "/list?firstResult=0&maxResults=" + PAGE, "application/hal+json"));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("filter list: HTTP " + response.statusCode() + " " + response.body());
		}
		return response.body().split("\"taskDefinitionKey\"", -1).length - 1;
	}

	private static long restCount(HttpClient client, String base, String filterId) throws Exception {
		HttpResponse<String> response = sendCapped(client, post(base + "/engine-rest/filter/" + filterId + "/count",
				"application/json"));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("filter count: HTTP " + response.statusCode() + " " + response.body());
		}
		return Long.parseLong(response.body().replaceAll("\\D", ""));
	}

	private static HttpRequest post(String url, String accept) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
		if (TASKLIST_CAP_SECONDS > 0) {
			builder.timeout(Duration.ofSeconds(TASKLIST_CAP_SECONDS));
		}
		return builder
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("reviewer:reviewer".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
	}

	private static int query(Connection connection, String sql) throws SQLException {
		int rows = 0;
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows++;
			}
		}
		return rows;
	}

	private static long countOf(Connection connection, String sql) throws SQLException {
		String count = "select count(*) from (" + sql.substring(0, sql.lastIndexOf(" order by")) + ") q";
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(count)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** What the status page shows, in two hand-written queries: the case with its applicant, the open review. */
	private static void statusSql(Connection connection, String number) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"select a.application_number, a.status, a.submitted_at, p.email from application a "
						+ "join person p on p.id = a.applicant_id where a.application_number = ?")) {
			statement.setString(1, number);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("no case " + number);
				}
			}
		}
		try (PreparedStatement statement = connection.prepareStatement(
				"select t.task_def_key_, t.name_, t.due_date_, t.assignee_ from act_ru_task t "
						+ "join act_ru_execution e on e.id_ = t.proc_inst_id_ where e.business_key_ = ?")) {
			statement.setString(1, number);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rs.getTimestamp(3);
				}
			}
		}
	}

	/**
	 * p50/p95 of {@link #RUNS} runs after {@link #WARM_UP}; fewer (at least 5, or 2 when one warm-up run took over
	 * 10 s) when they take over 30 s. A row whose request is over the Tasklist cap has no times.
	 */
	private static Row time(String name, Timed timed) throws Exception {
		long budget = System.nanoTime() + 30_000_000_000L;
		int warmUps = 0;
		int minimum = 5;
		List<Double> values = new ArrayList<>();
		try {
			for (int i = 0; i < WARM_UP && System.nanoTime() < budget - 20_000_000_000L; i++) {
				long start = System.nanoTime();
				timed.run();
				warmUps++;
				if (System.nanoTime() - start > 10_000_000_000L) {
					minimum = 2;
				}
			}
			for (int i = 0; i < RUNS && (i < minimum || System.nanoTime() < budget); i++) {
				long start = System.nanoTime();
				timed.run();
				values.add((System.nanoTime() - start) / 1e6);
			}
		}
		catch (CapExceeded ex) {
			System.out.println("  " + ex.getMessage());
			return new Row(name + " [over " + TASKLIST_CAP_SECONDS + " s, cancelled]", Double.NaN, Double.NaN,
					warmUps + values.size() + 1);
		}
		return new Row(name + (values.size() < RUNS ? " [" + values.size() + " runs]" : ""),
				BenchmarkSupport.percentile(values, 0.5), BenchmarkSupport.percentile(values, 0.95),
				warmUps + values.size());
	}

	// ---------------------------------------------------------------------------------------------------------------
	// The reviewer workspace

	private static final String API = "/review/api";

	/** The upload limit (spring.servlet.multipart.max-file-size and mmp.documents.max-size: 10MB). */
	private static final int UPLOAD_LIMIT = 10 * 1024 * 1024;

	/** Cases with an escalation (the review's SLA timer fired) and cases waiting on the applicant: 1 in 50 each. */
	private static final int ONE_IN = 50;

	private interface Section {

		void run() throws Exception;

	}

	/** A part of the workspace measurement; a failure is reported and the next part runs. */
	private static void section(List<String> errors, String name, Section section) {
		try {
			section.run();
		}
		catch (Exception | AssertionError ex) {
			ex.printStackTrace(System.out);
			errors.add(name + ": " + ex);
		}
	}

	/** {@code DocumentCheckBenchmark.scannedPdf} (3 pages, a JPEG each), made just under the upload limit. */
	private static byte[] scannedPdfUnderLimit() throws java.io.IOException {
		int target = UPLOAD_LIMIT - 200 * 1024;
		for (int i = 0; i < 5; i++) {
			byte[] pdf = org.mmpcase.documents.DocumentCheckBenchmark.scannedPdf(target);
			if (pdf.length < UPLOAD_LIMIT - 16 * 1024) {
				System.out.printf(Locale.ROOT, "scanned PDF for the residency proofs: %d bytes (limit %d)%n", pdf.length,
						UPLOAD_LIMIT);
				return pdf;
			}
			target -= pdf.length - (UPLOAD_LIMIT - 200 * 1024);
		}
		throw new IllegalStateException("could not make a scanned PDF under " + UPLOAD_LIMIT + " bytes");
	}

	/**
	 * Gives every view data before the templates are copied: the case tables for the templates (the decision's
	 * delegates need the application), then in 1 of {@link #ONE_IN} open templates the review's SLA timer fires (an
	 * escalation for the supervisors; the review stays, its due date in the past), and in another 1 of
	 * {@link #ONE_IN} the reviewer asks for information (the e-mail job runs, the applicant's task waits).
	 */
	private static void escalationsAndRequests(ProcessEngine engine, BenchmarkSupport.Database database, int open)
			throws Exception {
		try (Connection connection = database.connect()) {
			CaseCloner.caseRows(connection, "BQ-");
		}
		TaskService tasks = engine.getTaskService();
		org.camunda.bpm.engine.ManagementService management = engine.getManagementService();
		int escalated = 0;
		int asked = 0;
		for (int i = 0; i < open; i++) {
			if (i % ONE_IN != 1 && i % ONE_IN != 2) {
				continue;
			}
			String number = String.format(Locale.ROOT, "BQ-%09d", i);
			Task review = tasks.createTaskQuery()
				.processInstanceBusinessKey(number)
				.taskDefinitionKey(ApplicationReviewProcess.TASK_REVIEW_APPLICATION)
				.singleResult();
			if (i % ONE_IN == 1) {
				// overdue by 1 to 9 days, and its SLA timer fired
				tasks.setDueDate(review.getId(), Date.from(Instant.now().minus(1 + i % 9, ChronoUnit.DAYS)));
				org.camunda.bpm.engine.runtime.Job timer = management.createJobQuery()
					.processInstanceId(review.getProcessInstanceId())
					.activityId(ApplicationReviewProcess.TIMER_REVIEW_SLA_BREACHED)
					.timers()
					.singleResult();
				management.executeJob(timer.getId());
				escalated++;
			}
			else {
				tasks.complete(review.getId(), Map.of(CaseVariables.REVIEW_DECISION,
						CaseVariables.DECISION_REQUEST_INFORMATION, CaseVariables.INFORMATION_REQUEST,
						"A utility bill from the last three months, please: the lease shows another address."));
				asked++;
			}
		}
		// the e-mail step is asynchronous: the job executor runs it, then the applicant's task exists
		long deadline = System.nanoTime() + 180_000_000_000L;
		long waiting = 0;
		while (System.nanoTime() < deadline) {
			waiting = tasks.createTaskQuery().taskDefinitionKey(ApplicationReviewProcess.TASK_PROVIDE_INFORMATION).count();
			if (waiting >= asked) {
				break;
			}
			Thread.sleep(500);
		}
		long escalations = tasks.createTaskQuery().taskDefinitionKey(ApplicationReviewProcess.TASK_HANDLE_ESCALATION)
			.count();
		System.out.printf(Locale.ROOT, "templates: %d escalated (%d escalation tasks), %d asked for information "
				+ "(%d waiting on the applicant)%n", escalated, escalations, asked, waiting);
		if (waiting < asked || escalations < escalated) {
			throw new IllegalStateException("the views' template cases are not all there");
		}
	}

	/** Rows of the queue by kind against the engine's open tasks, and each view's exact size for its user. */
	private static String queueData(BenchmarkSupport.Database database, ProcessEngine engine) throws SQLException {
		StringBuilder out = new StringBuilder("queue data:");
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select task_kind, count(*), count(assignee), "
					+ "count(*) filter (where application_kind is null) from review_queue group by task_kind order by 1")) {
				while (rs.next()) {
					out.append(String.format(Locale.ROOT, " %s %d (assigned %d, without case %d);", rs.getString(1),
							rs.getLong(2), rs.getLong(3), rs.getLong(4)));
				}
			}
			out.append(" engine's open tasks:");
			try (ResultSet rs = statement.executeQuery(
					"select task_def_key_, count(*) from act_ru_task group by task_def_key_ order by 1")) {
				while (rs.next()) {
					out.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2));
				}
			}
			try (ResultSet rs = statement.executeQuery("select group_id, count(*) from review_queue_group group by 1 order by 1")) {
				out.append("; queue groups:");
				while (rs.next()) {
					out.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2));
				}
			}
			out.append("\nviews (exact sizes, SQL):");
			for (View view : views(engine)) {
				QueueSql condition = condition(view, Instant.now());
				try (PreparedStatement count = connection.prepareStatement(
						"select count(*) from review_queue q where " + condition.sql())) {
					bind(count, condition.params());
					try (ResultSet rs = count.executeQuery()) {
						rs.next();
						out.append(String.format(Locale.ROOT, " %s (%s) %d;", view.id(), view.user(), rs.getLong(1)));
					}
				}
			}
		}
		return out.toString();
	}

	/** A view as one user sees it, with that user's groups (as the workspace reads them from the engine). */
	private record View(String id, String user, List<String> groups) {
	}

	private static List<View> views(ProcessEngine engine) {
		List<String> reviewer = groupsOf(engine, "reviewer");
		List<View> views = new ArrayList<>();
		for (String id : List.of("unassigned", "mine", "due-soon", "past-sla", "waiting")) {
			views.add(new View(id, "reviewer", reviewer));
		}
		views.add(new View("escalations", "supervisor", groupsOf(engine, "supervisor")));
		return views;
	}

	private static List<String> groupsOf(ProcessEngine engine, String user) {
		return engine.getIdentityService()
			.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(org.camunda.bpm.engine.identity.Group::getId)
			.toList();
	}

	/** SQL with its parameters in order. */
	private record QueueSql(String sql, List<Object> params) {
	}

	/** The columns QueueQueries reads. */
	private static final String QUEUE_COLUMNS = "q.task_id, q.task_kind, q.application_number, q.applicant_name, "
			+ "q.application_kind, q.applicant_role, q.submitted_at, q.document_summary, q.assignee, q.created_at, "
			+ "q.due_at, q.sort_at, q.priority";

	/** The condition QueueQueries.condition builds for this view and user, copied (JDBC parameters in order). */
	private static QueueSql condition(View view, Instant now) {
		List<Object> params = new ArrayList<>();
		String sql = switch (view.id()) {
			case "unassigned" -> "q.task_kind = 'REVIEW' and q.assignee is null and " + inGroups(view, params);
			case "mine" -> {
				params.add(view.user());
				yield "q.task_kind in ('REVIEW', 'ESCALATION') and q.assignee = ?";
			}
			case "due-soon", "past-sla" -> {
				params.add(Timestamp.from("due-soon".equals(view.id()) ? now.plus(Duration.ofDays(3)) : now));
				yield "q.task_kind = 'REVIEW' and q.sort_at < ? and " + inPrincipals(view, params);
			}
			case "waiting" -> "q.task_kind = 'WAITING' and " + inGroups(view, params);
			case "escalations" -> "q.task_kind = 'ESCALATION' and " + inPrincipals(view, params);
			default -> throw new IllegalArgumentException(view.id());
		};
		return new QueueSql(sql, params);
	}

	/** The user's groups and the user as the assignee ("user:id"), as QueueQueries.visible asks. */
	private static String inPrincipals(View view, List<Object> params) {
		params.addAll(view.groups());
		params.add("user:" + view.user());
		return "exists (select 1 from review_queue_group g where g.task_id = q.task_id and g.group_id in ("
				+ String.join(", ", java.util.Collections.nCopies(view.groups().size() + 1, "?")) + "))";
	}

	private static String inGroups(View view, List<Object> params) {
		params.addAll(view.groups());
		return "exists (select 1 from review_queue_group g where g.task_id = q.task_id and g.group_id in ("
				+ String.join(", ", java.util.Collections.nCopies(view.groups().size(), "?")) + "))";
	}

	/** QueueQueries.page: the page of {@code size} rows the controller asks for (its page size + 1). */
	private static QueueSql pageSql(View view, Instant now, Timestamp afterSort, String afterTask, int size) {
		QueueSql condition = condition(view, now);
		List<Object> params = new ArrayList<>(condition.params());
		StringBuilder sql = new StringBuilder("select ").append(QUEUE_COLUMNS)
			.append(" from review_queue q where ")
			.append(condition.sql());
		if (afterSort != null) {
			sql.append(" and (q.sort_at, q.task_id) > (?, ?)");
			params.add(afterSort);
			params.add(afterTask);
		}
		sql.append(" order by q.sort_at, q.task_id limit ").append(size);
		return new QueueSql(sql.toString(), params);
	}

	/** QueueQueries.count: capped at 1,000 (1,001 rows read at most). */
	private static QueueSql countSql(View view, Instant now) {
		QueueSql condition = condition(view, now);
		return new QueueSql("select count(*) from (select 1 from review_queue q where " + condition.sql()
				+ " limit 1001) capped", condition.params());
	}

	private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
		for (int i = 0; i < params.size(); i++) {
			Object param = params.get(i);
			if (param instanceof Timestamp timestamp) {
				statement.setTimestamp(i + 1, timestamp);
			}
			else {
				statement.setString(i + 1, (String) param);
			}
		}
	}

	/** Runs the query, reading every column of every row as the row mapper does; returns the task ids. */
	private static List<String> rows(Connection connection, QueueSql query) throws SQLException {
		List<String> ids = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
			bind(statement, query.params());
			try (ResultSet rs = statement.executeQuery()) {
				int columns = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					for (int c = 1; c <= columns; c++) {
						rs.getObject(c);
					}
					ids.add(rs.getString(1));
				}
			}
		}
		return ids;
	}

	private static long single(Connection connection, QueueSql query) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
			bind(statement, query.params());
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/** Signed in to the workspace as the page does: the CSRF cookie, then the session with the header. */
	private static Http staffSession(int port, String user) {
		Http http = new Http(port);
		http.get(API + "/session", null, null);
		http.post(API + "/session", Map.of("username", user, "password", user), null, null).expect(200);
		return http;
	}

	/** What one timed request costs the database: statements and their execution time, per request. */
	private record DbCost(double statements, double millis) {

		static DbCost of(BenchmarkSupport.Counters before, BenchmarkSupport.Counters after, int requests) {
			BenchmarkSupport.Counters delta = after.minus(before);
			return new DbCost(delta.statements() / (double) requests, delta.executionMillis() / requests);
		}

	}

	private static String cell(Row row) {
		return String.format(Locale.ROOT, "%.1f / %.1f", row.p50(), row.p95());
	}

	/**
	 * Each view's first page of 25, its count and a deep page (after the row about 10,000 deep, or half way for a
	 * shorter view), over HTTP as the view's user, then the same SQL over JDBC on the same data.
	 */
	private static String queue(BenchmarkSupport.Database database, int port, ProcessEngine engine) throws Exception {
		Map<String, Http> sessions = new HashMap<>();
		sessions.put("reviewer", staffSession(port, "reviewer"));
		sessions.put("supervisor", staffSession(port, "supervisor"));
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
				"%n| request (view, user) | rows in view | HTTP p50 / p95 ms | SQL over JDBC p50 / p95 ms | ratio p50 | statements / HTTP request | DB ms / HTTP request |%n"
						+ "| --- | --- | --- | --- | --- | --- | --- |%n"));
		try (Connection connection = database.connect()) {
			try (Statement statement = connection.createStatement()) {
				// as the application's pool (hikari connection-init-sql of the postgres profile)
				statement.execute("set plan_cache_mode = force_custom_plan");
			}
			for (View view : views(engine)) {
				Http http = sessions.get(view.user());
				String path = API + "/queue/" + view.id();
				long total = single(connection, new QueueSql("select count(*) from review_queue q where "
						+ condition(view, Instant.now()).sql(), condition(view, Instant.now()).params()));

				// the same rows and count over HTTP and in SQL
				JsonNode first = http.get(path + "?size=25", null, null).expect(200).body();
				List<String> sqlFirst = rows(connection, pageSql(view, Instant.now(), null, null, 26));
				check(view + " first page", taskIds(first), sqlFirst.subList(0, Math.min(25, sqlFirst.size())));
				long httpCount = http.get(path + "/count", null, null).expect(200).body().path("count").asLong();
				long sqlCount = single(connection, countSql(view, Instant.now()));
				check(view + " count", List.of(String.valueOf(httpCount)), List.of(String.valueOf(Math.min(sqlCount, 1000))));

				BenchmarkSupport.Counters c0 = BenchmarkSupport.counters(database);
				Row page = time(view.id() + " page (HTTP)", () -> http.get(path + "?size=25", null, null).expect(200));
				BenchmarkSupport.Counters c1 = BenchmarkSupport.counters(database);
				Row pageSql = time(view.id() + " page (SQL)", () -> rows(connection, pageSql(view, Instant.now(), null, null, 26)));
				BenchmarkSupport.Counters c2 = BenchmarkSupport.counters(database);
				Row count = time(view.id() + " count (HTTP)", () -> http.get(path + "/count", null, null).expect(200));
				BenchmarkSupport.Counters c3 = BenchmarkSupport.counters(database);
				Row countSql = time(view.id() + " count (SQL)", () -> single(connection, countSql(view, Instant.now())));
				out.append(line(view.id() + " page of 25 (" + view.user() + ")", total, page, pageSql,
						DbCost.of(c0, c1, page.calls())));
				out.append(line(view.id() + " count (" + view.user() + ")", total, count, countSql,
						DbCost.of(c2, c3, count.calls())));

				// a deep page: after the row about 10,000 deep (half way in a shorter view)
				long depth = Math.min(10_000, Math.max(1, total / 2));
				QueueSql condition = condition(view, Instant.now());
				Timestamp afterSort;
				String afterTask;
				try (PreparedStatement statement = connection.prepareStatement("select q.sort_at, q.task_id from "
						+ "review_queue q where " + condition.sql() + " order by q.sort_at, q.task_id offset "
						+ (depth - 1) + " limit 1")) {
					bind(statement, condition.params());
					try (ResultSet rs = statement.executeQuery()) {
						if (!rs.next()) {
							out.append("| ").append(view.id()).append(" deep page | ").append(total)
								.append(" | (view empty) | | | | |\n");
							continue;
						}
						afterSort = rs.getTimestamp(1);
						afterTask = rs.getString(2);
					}
				}
				// the cursor as QueueQueries.Cursor writes it: the sort time as an instant, the task id
				String cursor = Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString((afterSort.toInstant() + "|" + afterTask).getBytes(StandardCharsets.UTF_8));
				String deepPath = path + "?size=25&after=" + cursor;
				JsonNode deep = http.get(deepPath, null, null).expect(200).body();
				List<String> sqlDeep = rows(connection, pageSql(view, Instant.now(), afterSort, afterTask, 26));
				check(view + " deep page", taskIds(deep), sqlDeep.subList(0, Math.min(25, sqlDeep.size())));
				BenchmarkSupport.Counters c4 = BenchmarkSupport.counters(database);
				Row deepPage = time(view.id() + " deep page (HTTP)", () -> http.get(deepPath, null, null).expect(200));
				BenchmarkSupport.Counters c5 = BenchmarkSupport.counters(database);
				Row deepSql = time(view.id() + " deep page (SQL)",
						() -> rows(connection, pageSql(view, Instant.now(), afterSort, afterTask, 26)));
				out.append(line(view.id() + " page of 25 after row " + depth + " (" + view.user() + ")", total, deepPage,
						deepSql, DbCost.of(c4, c5, deepPage.calls())));
			}
		}
		return out.toString();
	}

	private static String line(String name, long total, Row http, Row sql, DbCost cost) {
		return String.format(Locale.ROOT, "| %s | %,d | %s%s | %s | %.0fx | %.1f | %.2f |%n", name, total, cell(http),
				http.calls() < WARM_UP + RUNS ? " (" + http.calls() + " calls)" : "", cell(sql), http.p50() / sql.p50(),
				cost.statements(), cost.millis());
	}

	private static List<String> taskIds(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.path("rows").forEach(row -> ids.add(row.path("taskId").asText()));
		return ids;
	}

	private static void check(String what, List<String> http, List<String> sql) {
		if (!http.equals(sql)) {
			throw new IllegalStateException(what + ": HTTP " + http + " but SQL " + sql);
		}
	}

	/**
	 * The case screen's facts: as the supervisor (may open any case) over many different open cases, and as the
	 * reviewer over cases of the reviewer's queue; each request a case not asked for before.
	 */
	private static String caseFacts(BenchmarkSupport.Database database, int port) throws Exception {
		List<String> any = new ArrayList<>();
		List<String> reviews = new ArrayList<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select application_number from (select distinct "
					+ "application_number from review_queue) q order by md5(application_number) limit "
					+ (WARM_UP + RUNS))) {
				while (rs.next()) {
					any.add(rs.getString(1));
				}
			}
			try (ResultSet rs = statement.executeQuery("select distinct application_number from review_queue q "
					+ "where task_kind = 'REVIEW' and exists (select 1 from review_queue_group g where g.task_id = "
					+ "q.task_id and g.group_id = 'reviewers') and application_number not in (select application_number "
					+ "from (select distinct application_number from review_queue) a order by md5(application_number) "
					+ "limit " + (WARM_UP + RUNS) + ") order by application_number desc limit " + (WARM_UP + RUNS))) {
				while (rs.next()) {
					reviews.add(rs.getString(1));
				}
			}
		}
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
				"%n| case screen facts `GET /review/api/cases/{no}` | cases | p50 / p95 ms | statements / request | DB ms / request |%n"
						+ "| --- | --- | --- | --- | --- |%n"));
		for (String user : List.of("supervisor", "reviewer")) {
			Http http = staffSession(port, user);
			List<String> numbers = "supervisor".equals(user) ? any : reviews;
			int[] next = new int[1];
			int[] kinds = new int[3];
			BenchmarkSupport.Counters before = BenchmarkSupport.counters(database);
			Row row = time("facts (" + user + ")", () -> {
				JsonNode facts = http.get(API + "/cases/" + numbers.get(next[0]++ % numbers.size()), null, null)
					.expect(200)
					.body();
				kinds[Math.min(2, facts.path("tasks").size())]++;
			});
			BenchmarkSupport.Counters after = BenchmarkSupport.counters(database);
			DbCost cost = DbCost.of(before, after, row.calls());
			out.append(String.format(Locale.ROOT, "| as %s | %d different | %s | %.1f | %.2f |%n", user,
					Math.min(row.calls(), numbers.size()), cell(row), cost.statements(), cost.millis()));
			System.out.printf(Locale.ROOT, "  facts as %s: cases with 0 / 1 / 2+ tasks shown: %d / %d / %d%n", user,
					kinds[0], kinds[1], kinds[2]);
		}
		return out.toString();
	}

	/**
	 * The scanned PDFs (residency proofs of the first portal patients) as the supervisor: the preview (page count)
	 * and page 1, each the first request for that document in this application (cold), then again (cached), and
	 * page 2 cold.
	 */
	private static String previews(BenchmarkSupport.Database database, int port) throws Exception {
		List<String[]> documents = new ArrayList<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select a.application_number, d.id, d.size_bytes from document d "
						+ "join application a on a.id = d.application_id where d.size_bytes > 5000000 and "
						+ "d.current_version order by d.id")) {
			while (rs.next()) {
				documents.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
			}
		}
		Http http = staffSession(port, "supervisor");
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
				"%n| scanned PDF (size) | preview, cold ms | page 1, cold ms | first page image (both), cold ms | page 2, cold ms | page 1 image |%n"
						+ "| --- | --- | --- | --- | --- | --- |%n"));
		List<Double> cachedPage = new ArrayList<>();
		List<Double> cachedPreview = new ArrayList<>();
		for (String[] document : documents) {
			String base = API + "/cases/" + document[0] + "/documents/" + document[1];
			long t0 = System.nanoTime();
			JsonNode preview = http.get(base + "/preview", null, null).expect(200).body();
			long t1 = System.nanoTime();
			Http.Bytes page1 = http.bytes(base + "/pages/1");
			long t2 = System.nanoTime();
			Http.Bytes page2 = http.bytes(base + "/pages/2");
			long t3 = System.nanoTime();
			if (page1.status() != 200 || page2.status() != 200 || !preview.path("available").asBoolean()) {
				throw new IllegalStateException("preview of " + base + ": " + preview + ", pages HTTP " + page1.status()
						+ " " + page2.status());
			}
			for (int i = 0; i < 20; i++) {
				long start = System.nanoTime();
				if (http.bytes(base + "/pages/1").status() != 200) {
					throw new IllegalStateException("cached page 1 of " + base);
				}
				cachedPage.add((System.nanoTime() - start) / 1e6);
				start = System.nanoTime();
				http.get(base + "/preview", null, null).expect(200);
				cachedPreview.add((System.nanoTime() - start) / 1e6);
			}
			out.append(String.format(Locale.ROOT, "| %s doc %s (%,d bytes, %d pages) | %.0f | %.0f | **%.0f** | %.0f | %s, %,d bytes |%n",
					document[0], document[1], Long.parseLong(document[2]), preview.path("pages").asInt(), (t1 - t0) / 1e6,
					(t2 - t1) / 1e6, (t2 - t0) / 1e6, (t3 - t2) / 1e6, page1.header("Content-Type"), page1.body().length));
		}
		out.append(String.format(Locale.ROOT, "cached (repeated 20 times per document): page 1 p50 %.1f / p95 %.1f ms, "
				+ "preview p50 %.1f / p95 %.1f ms%n", BenchmarkSupport.percentile(cachedPage, 0.5),
				BenchmarkSupport.percentile(cachedPage, 0.95), BenchmarkSupport.percentile(cachedPreview, 0.5),
				BenchmarkSupport.percentile(cachedPreview, 0.95)));
		return out.toString();
	}

	/**
	 * The queue's tables and plans: the unassigned page (first and deep) and count, the due-soon page and count (the
	 * reviewer), the escalations page (the supervisor).
	 */
	private static String explain(BenchmarkSupport.Database database) throws SQLException {
		StringBuilder out = new StringBuilder("\nqueue tables:");
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (String table : List.of("review_queue", "review_queue_group")) {
				try (ResultSet rs = statement.executeQuery("select count(*), pg_size_pretty(pg_relation_size('" + table
						+ "')), pg_size_pretty(pg_indexes_size('" + table + "')), pg_size_pretty(pg_total_relation_size('"
						+ table + "')) from " + table)) {
					rs.next();
					out.append(String.format(Locale.ROOT, " %s %,d rows, table %s, indexes %s, total %s;", table,
							rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
				}
			}
			String unassigned = "q.task_kind = 'REVIEW' and q.assignee is null and exists (select 1 from "
					+ "review_queue_group g where g.task_id = q.task_id and g.group_id in ('reviewers'))";
			String deep = "";
			long depth;
			try (ResultSet rs = statement.executeQuery("select count(*) from review_queue q where " + unassigned)) {
				rs.next();
				depth = Math.min(10_000, Math.max(1, rs.getLong(1) / 2));
			}
			try (ResultSet rs = statement.executeQuery("select q.sort_at, q.task_id from review_queue q where "
					+ unassigned + " order by q.sort_at, q.task_id offset " + (depth - 1) + " limit 1")) {
				if (rs.next()) {
					deep = " and (q.sort_at, q.task_id) > ('" + rs.getTimestamp(1) + "', '" + rs.getString(2) + "')";
				}
			}
			Map<String, String> queries = new LinkedHashMap<>();
			queries.put("unassigned page (reviewer)", "select " + QUEUE_COLUMNS + " from review_queue q where "
					+ unassigned + " order by q.sort_at, q.task_id limit 26");
			queries.put("unassigned count (reviewer)", "select count(*) from (select 1 from review_queue q where "
					+ unassigned + " limit 1001) capped");
			queries.put("unassigned page after row " + depth + " (reviewer)", "select " + QUEUE_COLUMNS
					+ " from review_queue q where " + unassigned + deep + " order by q.sort_at, q.task_id limit 26");
			// a view whose rows are the user's own or their groups' (one lookup of the task's principals)
			String dueSoon = "q.task_kind = 'REVIEW' and q.sort_at < localtimestamp + interval '3 days' and "
					+ "exists (select 1 from review_queue_group g where g.task_id = q.task_id "
					+ "and g.group_id in ('reviewers', 'user:reviewer'))";
			queries.put("due-soon page (reviewer)", "select " + QUEUE_COLUMNS + " from review_queue q where " + dueSoon
					+ " order by q.sort_at, q.task_id limit 26");
			queries.put("due-soon count (reviewer)", "select count(*) from (select 1 from review_queue q where "
					+ dueSoon + " limit 1001) capped");
			queries.put("escalations page (supervisor)", "select " + QUEUE_COLUMNS + " from review_queue q where "
					+ "q.task_kind = 'ESCALATION' and exists (select 1 from review_queue_group g where g.task_id = "
					+ "q.task_id and g.group_id in ('supervisors', 'reviewers', 'user:supervisor')) "
					+ "order by q.sort_at, q.task_id limit 26");
			for (Map.Entry<String, String> query : queries.entrySet()) {
				out.append("\nEXPLAIN (ANALYZE, BUFFERS) ").append(query.getKey()).append(":\n");
				try (ResultSet rs = statement.executeQuery("explain (analyze, buffers) " + query.getValue())) {
					while (rs.next()) {
						out.append("    ").append(rs.getString(1)).append('\n');
					}
				}
			}
		}
		return out.toString();
	}

}
