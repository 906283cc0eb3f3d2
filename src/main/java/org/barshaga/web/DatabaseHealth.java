package org.barshaga.web;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database's health asks the database a question. The default check asks the driver
 * whether a pooled connection is valid, and the embedded H2 answers yes for a connection
 * whose database has been closed under it (after running out of memory, for example),
 * while every query fails: health said UP while nobody could sign in. A query reaches the
 * database itself, so a closed database reports DOWN.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealth {

	static final String QUERY = "SELECT 1";

	/** Named as Spring Boot's own, which it replaces: the component stays {@code db}. */
	@Bean
	DataSourceHealthIndicator dbHealthContributor(DataSource dataSource) {
		return indicator(dataSource);
	}

	static DataSourceHealthIndicator indicator(DataSource dataSource) {
		return new DataSourceHealthIndicator(dataSource, QUERY);
	}

}
