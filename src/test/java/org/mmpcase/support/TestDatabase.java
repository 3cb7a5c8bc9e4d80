package org.mmpcase.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the tests run on: the one named by {@code MMP_TEST_DATABASE_URL} (with
 * {@code MMP_TEST_DATABASE_USERNAME}/{@code _PASSWORD}) when given, otherwise an embedded PostgreSQL 15 started once
 * per JVM. Each Spring test context gets a database of its own, so contexts (and their job executors) never see each
 * other's cases.
 */
public final class TestDatabase {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final long SHUTDOWN_GRACE_MILLIS = 5_000;

	private static EmbeddedPostgres embedded;

	private TestDatabase() {
	}

	public record Database(String url, String username, String password) {
	}

	/** Creates a new, empty database and returns how to reach it. */
	public static synchronized Database newDatabase() {
		String name = "mmp_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
		String externalUrl = System.getenv("MMP_TEST_DATABASE_URL");
		if (externalUrl != null && !externalUrl.isBlank()) {
			String user = System.getenv().getOrDefault("MMP_TEST_DATABASE_USERNAME", "postgres");
			String password = System.getenv().getOrDefault("MMP_TEST_DATABASE_PASSWORD", "");
			execute(externalUrl, user, password, "create database " + name);
			return new Database(replaceDatabase(externalUrl, name), user, password);
		}
		EmbeddedPostgres postgres = embedded();
		execute(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "create database " + name);
		return new Database(postgres.getJdbcUrl("postgres", name), "postgres", "");
	}

	private static EmbeddedPostgres embedded() {
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder()
					.setServerConfig("max_connections", "200")
					.setRegisterShutdownHook(false)
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
			}
			// the Spring test contexts close in shutdown hooks of their own; stopping the database under them would leave
			// their job executors waiting for connections, so it stops last
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					Thread.sleep(SHUTDOWN_GRACE_MILLIS);
					embedded.close();
				}
				catch (IOException | InterruptedException ignored) {
					// the JVM is going away
				}
			}));
		}
		return embedded;
	}

	static String replaceDatabase(String url, String database) {
		int query = url.indexOf('?');
		String base = query < 0 ? url : url.substring(0, query);
		String params = query < 0 ? "" : url.substring(query);
		return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
	}

	private static void execute(String url, String user, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the test database: " + ex.getMessage(), ex);
		}
	}

}
