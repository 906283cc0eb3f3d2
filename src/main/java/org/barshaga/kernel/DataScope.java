package org.barshaga.kernel;

import java.io.Serializable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * A subtree of the administrative hierarchy, as a materialised-path prefix such as
 * {@code /KZ/KZ-61/KZ-61-D08/}. Every query over scoped data filters with
 * {@link #sql(String)} and {@link #bind(StatementSpec)}, so the database never returns a
 * row outside the scope.
 */
public record DataScope(String pathPrefix) implements Serializable {

	public static final DataScope NATION = new DataScope("/KZ/");

	private static final String PARAMETER = "scopePathPattern";

	public DataScope {
		if (pathPrefix == null || !pathPrefix.startsWith("/") || !pathPrefix.endsWith("/")) {
			throw new IllegalArgumentException("A scope path starts and ends with '/': " + pathPrefix);
		}
	}

	/** The SQL condition that keeps the rows whose path column lies inside this scope. */
	public String sql(String pathColumn) {
		return pathColumn + " LIKE :" + PARAMETER + " ESCAPE '!'";
	}

	public StatementSpec bind(StatementSpec statement) {
		return statement.param(PARAMETER, likePattern());
	}

	public MapSqlParameterSource bind(MapSqlParameterSource parameters) {
		return parameters.addValue(PARAMETER, likePattern());
	}

	String likePattern() {
		return pathPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	public boolean contains(String path) {
		return path != null && path.startsWith(pathPrefix);
	}

	public boolean contains(DataScope other) {
		return contains(other.pathPrefix);
	}

}
