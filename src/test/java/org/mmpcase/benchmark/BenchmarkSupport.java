package org.mmpcase.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.mmpcase.MmpCaseManagerApplication;
import org.mmpcase.support.TestMailServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the benchmarks share: one PostgreSQL 15 (embedded, with {@code pg_stat_statements} preloaded, or the server
 * named by {@code MMP_BENCH_DATABASE_URL}), the application started on a database of its own, the database's
 * transaction and statement counters, percentiles and the machine line every figure is recorded with.
 */
final class BenchmarkSupport {

	private static EmbeddedPostgres embedded;

	private BenchmarkSupport() {
	}

	/** A database on the benchmark server: JDBC URL, user, password, plus host and port for pgbench. */
	record Database(String name, String url, String username, String password, String host, int port) {

		Connection connect() throws SQLException {
			return DriverManager.getConnection(url, username, password);
		}

	}

	/**
	 * Creates a new, empty database (and pg_stat_statements in it, when the server has it preloaded); or, with
	 * {@code -Dmmp.bench.reuse-database=NAME} and {@code MMP_BENCH_DATABASE_URL}, returns that existing database
	 * as it is (the data a paused run generated, measured again by an application with other settings).
	 */
	static synchronized Database newDatabase(String name) {
		String reuse = System.getProperty("mmp.bench.reuse-database", "");
		String externalUrl = System.getenv("MMP_BENCH_DATABASE_URL");
		String adminUrl;
		String user;
		String password;
		String host;
		int port;
		if (externalUrl != null && !externalUrl.isBlank()) {
			adminUrl = externalUrl;
			user = System.getenv().getOrDefault("MMP_BENCH_DATABASE_USERNAME", "postgres");
			password = System.getenv().getOrDefault("MMP_BENCH_DATABASE_PASSWORD", "");
			java.net.URI uri = java.net.URI.create(externalUrl.substring("jdbc:".length()));
			host = uri.getHost();
			port = uri.getPort() < 0 ? 5432 : uri.getPort();
		}
		else {
			EmbeddedPostgres postgres = embedded();
			adminUrl = postgres.getJdbcUrl("postgres", "postgres");
			user = "postgres";
			password = "";
			host = "localhost";
			port = postgres.getPort();
		}
		if (!reuse.isBlank() && embedded != null) {
			throw new IllegalStateException("-Dmmp.bench.reuse-database needs MMP_BENCH_DATABASE_URL (the server of the "
					+ "paused run)");
		}
		String database = reuse.isBlank() ? name + "_" + ProcessHandle.current().pid() : reuse;
		if (reuse.isBlank()) {
			execute(adminUrl, user, password, "drop database if exists " + database);
			execute(adminUrl, user, password, "create database " + database);
		}
		String base = adminUrl.contains("?") ? adminUrl.substring(0, adminUrl.indexOf('?')) : adminUrl;
		String url = base.substring(0, base.lastIndexOf('/') + 1) + database;
		try {
			execute(url, user, password, "create extension if not exists pg_stat_statements");
		}
		catch (IllegalStateException ex) {
			System.out.println("(pg_stat_statements not available: statements are not counted) " + ex.getMessage());
		}
		return new Database(database, url, user, password, host, port);
	}

	private static EmbeddedPostgres embedded() {
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder()
					.setServerConfig("max_connections", "300")
					.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
					// -Dmmp.bench.explain-ms=N: the plan of every statement slower than N ms goes to the log
					.setServerConfig("auto_explain.log_min_duration", System.getProperty("mmp.bench.explain-ms", "-1"))
					.setServerConfig("pg_stat_statements.max", "10000")
					.setServerConfig("shared_buffers", "512MB")
					.setRegisterShutdownHook(true)
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
			}
		}
		return embedded;
	}

	/**
	 * Stops the embedded PostgreSQL, if one was started: also when the benchmark failed, since exec:java does not
	 * always run its shutdown hook and the server (with its data directory under the temp folder) outlived it.
	 */
	static synchronized void stopEmbedded() {
		if (embedded != null) {
			try {
				embedded.close();
			}
			catch (IOException ex) {
				System.out.println("could not stop the embedded PostgreSQL: " + ex.getMessage());
			}
			embedded = null;
		}
	}

	/** The application (as in production: job executor on) on the given database, mail to the GreenMail server. */
	static ConfigurableApplicationContext startApplication(Database database, boolean web, Class<?>... extraSources) {
		Path files;
		try {
			// -Dmmp.bench.files-dir: the folder of a paused run, so a later run on its database finds its documents
			String given = System.getProperty("mmp.bench.files-dir", "");
			files = given.isBlank() ? Files.createTempDirectory("mmp-bench-")
					: Files.createDirectories(Path.of(given));
			System.out.println("documents and outbox under " + files);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Object> properties = productionProperties(database, files.resolve("documents"),
				files.resolve("outbox"));
		properties.put("server.port", web ? "0" : "-1");
		List<Class<?>> sources = new ArrayList<>();
		sources.add(MmpCaseManagerApplication.class);
		sources.addAll(Arrays.asList(extraSources));
		// as command-line arguments: they win over application.yaml (default properties would not)
		String[] args = properties.entrySet()
			.stream()
			.map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(args);
	}

	/**
	 * The application's production settings on the given database (also for a node process of its own,
	 * {@link ClusterPortalLoadBenchmark}): job executor on, mail to the GreenMail server, the documents and the outbox
	 * in these folders, quiet logs.
	 */
	static Map<String, Object> productionProperties(Database database, Path documents, Path outbox) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", database.url());
		properties.put("spring.datasource.username", database.username());
		properties.put("spring.datasource.password", database.password());
		properties.put("spring.mail.host", "localhost");
		properties.put("spring.mail.port", TestMailServer.port());
		properties.put("mmp.documents.storage-dir", documents.toString());
		properties.put("mmp.mail.outbox", outbox.toString());
		// the production settings for PostgreSQL (application.yaml's postgres profile), with the demo users
		properties.put("spring.profiles.active", "postgres");
		properties.put("mmp.demo-data", "true");
		// the clients speak plain http to localhost: cookies without the Secure flag the postgres profile sets
		properties.put("mmp.portal.secure-cookies", "false");
		properties.put("camunda.bpm.job-execution.enabled", "true");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.org.mmpcase", "WARN");
		// the certificate PDF's font fallback warns once per certificate
		properties.put("logging.level.org.apache.pdfbox", "ERROR");
		return properties;
	}

	/** Transactions committed in this database and statements executed in it (-1 without pg_stat_statements). */
	record Counters(long commits, long statements, double executionMillis) {

		Counters minus(Counters before) {
			return new Counters(commits - before.commits,
					statements < 0 || before.statements < 0 ? -1 : statements - before.statements,
					executionMillis - before.executionMillis);
		}

	}

	static Counters counters(Database database) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			// statistics reach the shared counters up to a second after the transaction: let them settle
			Thread.sleep(1500);
			statement.execute("select pg_stat_clear_snapshot()");
			long commits;
			try (ResultSet rs = statement.executeQuery(
					"select xact_commit from pg_stat_database where datname = current_database()")) {
				rs.next();
				commits = rs.getLong(1);
			}
			long statements = -1;
			double millis = 0;
			try (ResultSet rs = statement.executeQuery(
					"select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) from pg_stat_statements s "
							+ "join pg_database d on d.oid = s.dbid where d.datname = current_database()")) {
				rs.next();
				statements = rs.getLong(1);
				millis = rs.getDouble(2);
			}
			catch (SQLException ex) {
				// not preloaded on this server
			}
			return new Counters(commits, statements, millis);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Starts pg_stat_statements afresh (when it is there), so {@link #topStatements} covers what follows. */
	static void resetStatements(Database database) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("select pg_stat_statements_reset()");
		}
		catch (SQLException ex) {
			// not preloaded on this server
		}
	}

	/** The statements run most often since the last reset, per case: where the database work goes. */
	static List<String> topStatements(Database database, int limit, int cases) {
		List<String> lines = new ArrayList<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"select calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements s"
								+ " join pg_database d on d.oid = s.dbid where d.datname = current_database()"
								+ " order by calls desc limit " + limit)) {
			while (rs.next()) {
				String query = rs.getString(3);
				lines.add(String.format(Locale.ROOT, "%7.2f/case %8.1f ms total  %s", rs.getLong(1) / (double) cases,
						rs.getDouble(2), query.length() > 110 ? query.substring(0, 110) + "..." : query));
			}
		}
		catch (SQLException ex) {
			lines.add("(pg_stat_statements not available)");
		}
		return lines;
	}

	/** The statements that took the most execution time since the last reset: calls, total and mean ms, the text. */
	static List<String> topStatementsByTime(Database database, int limit) {
		List<String> lines = new ArrayList<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"select calls, total_exec_time, mean_exec_time, regexp_replace(query, '\\s+', ' ', 'g') "
								+ "from pg_stat_statements s join pg_database d on d.oid = s.dbid "
								+ "where d.datname = current_database() order by total_exec_time desc limit " + limit)) {
			while (rs.next()) {
				String query = rs.getString(4);
				lines.add(String.format(Locale.ROOT, "%8d calls %9.1f ms total %8.3f ms mean  %s", rs.getLong(1),
						rs.getDouble(2), rs.getDouble(3), query.length() > 160 ? query.substring(0, 160) + "..." : query));
			}
		}
		catch (SQLException ex) {
			lines.add("(pg_stat_statements not available)");
		}
		return lines;
	}

	static void execute(String url, String user, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/** The q-quantile (0..1) of the values, nearest-rank. */
	static double percentile(List<Double> values, double q) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int rank = (int) Math.ceil(q * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	/** nproc, RAM, JDK, PostgreSQL and the load average: the machine line every figure goes with. */
	static String machine(Database database) {
		String pg;
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_setting('server_version') || ', fsync '"
						+ " || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit')")) {
			rs.next();
			pg = rs.getString(1);
		}
		catch (SQLException ex) {
			pg = "?";
		}
		return String.format(Locale.ROOT, "%d cores, %s RAM, Java %s (%s), PostgreSQL %s, load average %s",
				Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"),
				System.getProperty("java.vm.name"), pg, loadAverage());
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return String.format(Locale.ROOT, "%.2f",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private static String memTotal() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					long kb = Long.parseLong(line.replaceAll("\\D", ""));
					return String.format(Locale.ROOT, "%.1f GB", kb / 1024.0 / 1024.0);
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return "?";
	}

	/** Heap in use after a full collection, in MB. */
	static double heapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
	}

	/** Runs pgbench (-i, then -c clients for the given seconds) on a database of its own on the same server. */
	static String pgbench(int clients, int seconds) {
		Database database = newDatabase("pgbench");
		try {
			run(List.of("pgbench", "-i", "-q", "-s", "10", "-h", database.host(), "-p",
					String.valueOf(database.port()), "-U", database.username(), database.name()), database);
			String out = run(List.of("pgbench", "-c", String.valueOf(clients), "-j", "2", "-T",
					String.valueOf(seconds), "-h", database.host(), "-p", String.valueOf(database.port()), "-U",
					database.username(), database.name()), database);
			return out.lines().filter(line -> line.startsWith("tps") || line.startsWith("latency average"))
				.reduce((a, b) -> a + "; " + b).orElse(out);
		}
		catch (IOException ex) {
			return "pgbench not run: " + ex.getMessage();
		}
	}

	private static String run(List<String> command, Database database) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (!database.password().isEmpty()) {
			builder.environment().put("PGPASSWORD", database.password());
		}
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes());
		try {
			if (process.waitFor() != 0) {
				throw new IOException(String.join(" ", command) + " failed: " + out);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		return out;
	}

}
