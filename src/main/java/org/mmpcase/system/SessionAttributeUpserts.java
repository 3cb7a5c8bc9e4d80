package org.mmpcase.system;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session JDBC adds a new session attribute with a plain INSERT. Two requests of one browser at once that both
 * add the same attribute (the workspace asks for its six queue counts in parallel; the portal loads a page and its
 * session state together) then collide on the attributes' primary key: a DuplicateKeyException, a 500 for the second
 * request. On our two databases the insert becomes an upsert: on PostgreSQL Spring Session's own query for it (the one
 * of its {@code PostgreSqlJdbcIndexedSessionRepositoryCustomizer}), on H2 (the embedded default) H2's
 * {@code MERGE ... KEY}. The last writer wins, as with the UPDATE that Spring Session uses for an attribute it knows.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
class SessionAttributeUpserts {

	static final String POSTGRESQL_UPSERT = """
			INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			VALUES (?, ?, ?)
			ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
			""";

	static final String H2_UPSERT = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			VALUES (?, ?, ?)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeUpsert(DataSource dataSource) {
		String query = upsertFor(databaseOf(dataSource));
		return repository -> {
			if (query != null) {
				repository.setCreateSessionAttributeQuery(query);
			}
		};
	}

	static String upsertFor(DatabaseDriver database) {
		return switch (database) {
			case POSTGRESQL -> POSTGRESQL_UPSERT;
			case H2 -> H2_UPSERT;
			default -> null;
		};
	}

	private static DatabaseDriver databaseOf(DataSource dataSource) {
		try {
			String url = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getURL());
			return DatabaseDriver.fromJdbcUrl(url);
		}
		catch (MetaDataAccessException e) {
			throw new IllegalStateException("Cannot tell which database keeps the sessions: " + e.getMessage(), e);
		}
	}

}
