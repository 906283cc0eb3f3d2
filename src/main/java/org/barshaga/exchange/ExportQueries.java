package org.barshaga.exchange;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.barshaga.kernel.DataScope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an export query as a cursor (a read-only transaction with a fetch size), so that a
 * register of millions of rows streams to the file instead of filling the memory.
 */
@Component
class ExportQueries {

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	ExportQueries(JdbcTemplate template, TransactionTemplate transactions) {
		JdbcTemplate streaming = new JdbcTemplate(template.getDataSource());
		streaming.setFetchSize(2000);
		this.jdbc = new NamedParameterJdbcTemplate(streaming);
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
		this.transactions.setReadOnly(true);
	}

	/** Runs the query with the scope bound as its parameter. */
	void stream(String sql, DataScope scope, RowCallbackHandler rows) {
		transactions.executeWithoutResult(t -> jdbc.query(sql, scope.bind(new MapSqlParameterSource()), rows));
	}

	/**
	 * Runs a query that asks {@link HealthSight#sql} too, with both the scope and the
	 * health rule bound.
	 */
	void stream(String sql, DataScope scope, HealthSight health, RowCallbackHandler rows) {
		transactions
			.executeWithoutResult(t -> jdbc.query(sql, health.bind(scope.bind(new MapSqlParameterSource())), rows));
	}

	/**
	 * Weekly hours per specialist in the file's form
	 * ({@code SPEECH_THERAPIST:2|TUTOR:1.5}) by owner id, from a query of owner id,
	 * specialist and hours ordered by both.
	 */
	Map<Long, String> services(String sql, DataScope scope) {
		Map<Long, String> services = new HashMap<>();
		stream(sql, scope,
				rs -> services.merge(rs.getLong(1),
						rs.getString(2) + ":" + rs.getBigDecimal(3).stripTrailingZeros().toPlainString(),
						(a, b) -> a + "|" + b));
		return services;
	}

	static String date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? "" : date.toLocalDate().toString();
	}

	static String text(ResultSet rs, String column) throws SQLException {
		String text = rs.getString(column);
		return text == null ? "" : text.strip();
	}

	static String number(ResultSet rs, String column) throws SQLException {
		BigDecimal number = rs.getBigDecimal(column);
		return number == null ? "" : number.stripTrailingZeros().toPlainString();
	}

	static String bool(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? "" : String.valueOf(value);
	}

	/** A stored list ({@code A,B}) in the file's list form ({@code A|B}). */
	static String list(ResultSet rs, String column) throws SQLException {
		String text = rs.getString(column);
		return text == null ? "" : text.replace(',', '|');
	}

}
