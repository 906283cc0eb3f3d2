package org.barshaga.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.barshaga.support.BarshagaTest;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health reports DOWN when the embedded database has been closed under open connections,
 * as H2 does when it runs out of memory: the connection still says it is valid while
 * every query fails. The shared test database is never closed: each test closes a
 * database of its own.
 */
@BarshagaTest
class DatabaseHealthTests {

	@Autowired
	ApplicationContext context;

	@Test
	void theApplicationsDatabaseHealthAsksTheDatabase() {
		assertThat(context.getBean("dbHealthContributor")).isInstanceOfSatisfying(DataSourceHealthIndicator.class,
				indicator -> assertThat(indicator.getQuery()).isEqualTo(DatabaseHealth.QUERY));
	}

	@Test
	void aDatabaseClosedUnderItsConnectionsIsDown() throws SQLException {
		try (Connection connection = DriverManager
			.getConnection("jdbc:h2:mem:health-closed-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
			DataSourceHealthIndicator health = DatabaseHealth.indicator(dataSource);
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);

			SessionLocal session = (SessionLocal) ((JdbcConnection) connection).getSession();
			session.getDatabase().getStore().getMvStore().closeImmediately();

			assertThat(connection.isValid(1)).as("the driver still calls the connection valid").isTrue();
			assertThat(new DataSourceHealthIndicator(dataSource).health().getStatus())
				.as("so a check of validity alone says UP")
				.isEqualTo(Status.UP);
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		}
	}

}
