package org.mmpcase.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmpcase.support.TestDatabase;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two requests of one browser at once, both adding the same session attribute (each loaded the session before the
 * other saved it): on the session tables of our migration (V13), on PostgreSQL and on H2.
 */
class SessionAttributeUpsertsTests {

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void twoRequestsAddingTheSameAttributeAtOnceBothSucceedAndTheLastOneWins(String database) throws IOException {
		SessionRepository<Session> sessions = repository(dataSource(database), true);
		TwoRequests requests = TwoRequests.on(sessions);

		sessions.save(requests.first());
		sessions.save(requests.second());

		assertThat((String) sessions.findById(requests.sessionId()).getAttribute("queueCounts")).isEqualTo("second");
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void withoutTheUpsertTheSecondRequestFails(String database) throws IOException {
		SessionRepository<Session> sessions = repository(dataSource(database), false);
		TwoRequests requests = TwoRequests.on(sessions);

		sessions.save(requests.first());

		assertThatThrownBy(() -> sessions.save(requests.second())).isInstanceOf(DuplicateKeyException.class);
	}

	/** One session, loaded by two requests before either saved it, each adding the same new attribute. */
	private record TwoRequests(String sessionId, Session first, Session second) {

		static TwoRequests on(SessionRepository<Session> sessions) {
			String id = newSession(sessions);
			Session first = sessions.findById(id);
			Session second = sessions.findById(id);
			first.setAttribute("queueCounts", "first");
			second.setAttribute("queueCounts", "second");
			return new TwoRequests(id, first, second);
		}

	}

	private static String newSession(SessionRepository<Session> sessions) {
		Session session = sessions.createSession();
		session.setAttribute("signedIn", "yes");
		sessions.save(session);
		return session.getId();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static SessionRepository<Session> repository(DataSource dataSource, boolean upsert) throws IOException {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		try (InputStream schema = SessionAttributeUpsertsTests.class
			.getResourceAsStream("/db/migration/V13__spring_session.sql")) {
			for (String statement : new String(schema.readAllBytes(), StandardCharsets.UTF_8)
				.replaceAll("(?m)--.*$", "")
				.split(";")) {
				if (!statement.isBlank()) {
					jdbc.execute(statement);
				}
			}
		}
		JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		if (upsert) {
			new SessionAttributeUpserts().sessionAttributeUpsert(dataSource).customize(repository);
		}
		return (SessionRepository) repository;
	}

	private static DataSource dataSource(String database) {
		if (database.equals("h2")) {
			return DataSourceBuilder.create()
				.url("jdbc:h2:mem:sessions-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")
				.username("sa")
				.build();
		}
		TestDatabase.Database postgres = TestDatabase.newDatabase();
		return DataSourceBuilder.create()
			.url(postgres.url())
			.username(postgres.username())
			.password(postgres.password())
			.build();
	}

}
