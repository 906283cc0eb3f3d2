package org.barshaga.kernel;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads one {@link PersonalDataSection} with SQL: the columns are the statement's, each
 * named by its label; a column given a code list shows the label of each code it holds
 * (several codes are written with commas).
 */
public final class PersonalDataQuery {

	private final String key;

	private final String sql;

	private final Map<String, Object> parameters = new HashMap<>();

	private final Map<String, Class<? extends Enum<?>>> codes = new HashMap<>();

	private PersonalDataQuery(String key, String sql) {
		this.key = key;
		this.sql = sql;
	}

	public static PersonalDataQuery section(String key, String sql) {
		return new PersonalDataQuery(key, sql);
	}

	public PersonalDataQuery param(String name, Object value) {
		parameters.put(name, value);
		return this;
	}

	/** The column holds codes of this list. */
	public PersonalDataQuery codes(String column, Class<? extends Enum<?>> type) {
		codes.put(column, type);
		return this;
	}

	public PersonalDataSection read(JdbcClient jdbc) {
		List<String> columns = new ArrayList<>();
		List<List<Object>> rows = new ArrayList<>();
		jdbc.sql(sql).params(parameters).query((ResultSet rs) -> {
			ResultSetMetaData meta = rs.getMetaData();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
			}
			while (rs.next()) {
				List<Object> row = new ArrayList<>();
				for (int i = 1; i <= columns.size(); i++) {
					row.add(cell(rs, i, columns.get(i - 1)));
				}
				rows.add(row);
			}
			return rows;
		});
		return new PersonalDataSection(key, columns, rows);
	}

	private Object cell(ResultSet rs, int index, String column) throws SQLException {
		Object value = rs.getObject(index);
		if (value == null) {
			return null;
		}
		Class<? extends Enum<?>> type = codes.get(column);
		if (type != null) {
			List<Object> parsed = new ArrayList<>();
			for (String code : value.toString().split(",")) {
				parsed.add(constant(type, code.strip()));
			}
			return parsed.size() == 1 ? parsed.get(0) : parsed;
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate();
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
		}
		if (value instanceof java.time.OffsetDateTime time) {
			return time.toLocalDate();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().toPlainString();
		}
		if (value instanceof String text) {
			return text.strip();
		}
		return value;
	}

	private static Object constant(Class<? extends Enum<?>> type, String code) {
		for (Enum<?> constant : type.getEnumConstants()) {
			if (constant.name().equals(code)) {
				return constant;
			}
		}
		return code;
	}

}
