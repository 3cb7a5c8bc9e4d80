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

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.mmpcase.registration.CaseVariables;
import org.mmpcase.registration.InitialRegistrationProcess;
import org.mmpcase.support.Http;
import org.mmpcase.support.TestMailServer;
import org.mmpcase.system.EngineTableMigrations;
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
 * {@code -Dmmp.bench.pause-seconds} pauses after generating (ended early by the file
 * {@code -Dmmp.bench.resume-file}); {@code -Dmmp.bench.reuse-database=NAME} with {@code MMP_BENCH_DATABASE_URL}
 * measures the database a paused run left, with this build's application. Run:
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

	private record Row(String name, double p50, double p95) {
	}

	public static void main(String[] args) throws Exception {
		int open = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int finished = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
		int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
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
				for (int i = 0; i < 10; i++) {
					// each patient signs in once and sends its session cookie, as the portal does
					patients.add(new PortalPatient(new Http(port), recorder, "queue", true).register());
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
				try (Connection connection = database.connect()) {
					if (open > openTemplates) {
						CaseCloner.copy(connection, "BQ-", false, open / openTemplates - 1);
					}
					if (finished > finishedTemplates) {
						CaseCloner.copy(connection, "BQ-", true, finished / finishedTemplates - 1);
					}
					CaseCloner.caseRows(connection, "BQ-");
				}
				double copying = (System.nanoTime() - start) / 1e9;
				analyze(database);
				System.out.println(tableSizes(database));
				System.out.printf(Locale.ROOT, "copied in SQL to %d open reviews and %d finished cases in %.0f s%n",
						open / openTemplates * openTemplates, finished / Math.max(1, finishedTemplates) * finishedTemplates,
						copying);

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
			List<Row> after = measure(database, client, base, filters, patients, http, recorder);
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

	private static int restList(HttpClient client, String base, String filterId) throws Exception {
		HttpResponse<String> response = client.send(post(base + "/engine-rest/filter/" + filterId
				+ "/list?firstResult=0&maxResults=" + PAGE, "application/hal+json"), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("filter list: HTTP " + response.statusCode() + " " + response.body());
		}
		return response.body().split("\"taskDefinitionKey\"", -1).length - 1;
	}

	private static long restCount(HttpClient client, String base, String filterId) throws Exception {
		HttpResponse<String> response = client.send(post(base + "/engine-rest/filter/" + filterId + "/count",
				"application/json"), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("filter count: HTTP " + response.statusCode() + " " + response.body());
		}
		return Long.parseLong(response.body().replaceAll("\\D", ""));
	}

	private static HttpRequest post(String url, String accept) {
		return HttpRequest.newBuilder(URI.create(url))
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

	/** p50/p95 of {@link #RUNS} runs after {@link #WARM_UP}; fewer (at least 5) when they take over 30 s. */
	private static Row time(String name, Timed timed) throws Exception {
		long budget = System.nanoTime() + 30_000_000_000L;
		for (int i = 0; i < WARM_UP && System.nanoTime() < budget - 20_000_000_000L; i++) {
			timed.run();
		}
		List<Double> values = new ArrayList<>();
		for (int i = 0; i < RUNS && (i < 5 || System.nanoTime() < budget); i++) {
			long start = System.nanoTime();
			timed.run();
			values.add((System.nanoTime() - start) / 1e6);
		}
		return new Row(name + (values.size() < RUNS ? " [" + values.size() + " runs]" : ""),
				BenchmarkSupport.percentile(values, 0.5), BenchmarkSupport.percentile(values, 0.95));
	}

}
