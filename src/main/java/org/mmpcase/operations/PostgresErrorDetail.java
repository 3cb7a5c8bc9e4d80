package org.mmpcase.operations;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL puts the values behind an error into its message ("Key (username)=(jordan@example.net) already
 * exists"), and that message travels into every log line and stored job failure that quotes the exception. The
 * driver leaves them out with {@code logServerErrorDetail=false}; set here for any PostgreSQL URL, whatever the
 * deployment's URL says (H2 would refuse the unknown setting, so only there).
 */
@Component
class PostgresErrorDetail implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
				&& hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			hikari.addDataSourceProperty("logServerErrorDetail", "false");
		}
		return bean;
	}

}
