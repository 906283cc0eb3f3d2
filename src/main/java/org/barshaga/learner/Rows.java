package org.barshaga.learner;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.barshaga.kernel.LocalizedName;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Row mapping shared by the learner register's repositories. */
final class Rows {

	private Rows() {
	}

	static long insert(JdbcClient jdbc, String sql, MapSqlParameterSource parameters, String by, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(sql)
			.paramSource(parameters.addValue("now", Timestamp.from(now)).addValue("by", by))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	static String encode(Set<? extends Enum<?>> values) {
		return values == null ? "" : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	static <E extends Enum<E>> Set<E> decode(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(text.split(",")).map(v -> Enum.valueOf(type, v)).collect(Collectors.toUnmodifiableSet());
	}

	static LocalizedName name(ResultSet rs) throws SQLException {
		return new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

}
