package org.barshaga.backup;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database a backup is taken from or restored into: its connections, and the settings
 * the PostgreSQL client programs need to reach the same database.
 */
record Database(DataSource dataSource, String url, String user, String password) {

	enum Vendor {

		H2, POSTGRESQL

	}

	static Database of(String url, String user, String password) {
		return new Database(new DriverManagerDataSource(url, user, password == null ? "" : password), url, user,
				password);
	}

	Vendor vendor() {
		if (url.startsWith("jdbc:h2:")) {
			return Vendor.H2;
		}
		if (url.startsWith("jdbc:postgresql:")) {
			return Vendor.POSTGRESQL;
		}
		throw new BackupFailure("Backup knows H2 and PostgreSQL databases only, not " + url.split("[;?]")[0]);
	}

	/**
	 * The host, port and database of a PostgreSQL URL
	 * ({@code jdbc:postgresql://host:port/database?...}), for {@code pg_dump} and
	 * {@code pg_restore}. One host only; the defaults are those of libpq.
	 */
	Map<String, String> clientSettings() {
		URI uri = URI.create(url.substring("jdbc:".length()));
		if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
			throw new BackupFailure("Cannot read the host and database of " + url.split("\\?")[0]
					+ ": give BARSHAGA_DB_URL as jdbc:postgresql://HOST:PORT/DATABASE");
		}
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("--host", uri.getHost());
		settings.put("--port", uri.getPort() < 0 ? "5432" : String.valueOf(uri.getPort()));
		settings.put("--username", user);
		settings.put("--dbname", uri.getPath().substring(1));
		return settings;
	}

}
