package org.barshaga.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LocalizedName;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the result pages read besides the scale statistics: places by code or path, the
 * answers item by item, and the free texts with their redaction.
 */
@Repository
class RoundResultRepository {

	record PlaceRow(String code, String path, LocalizedName name, boolean school) {
	}

	record AnswerCount(String item, Answer.Kind kind, BigDecimal value, long count) {
	}

	record TextRow(long id, String item, String text) {
	}

	private static final String PLACES = """
			SELECT code, path, name_kk, name_ru, name_en, FALSE AS school FROM org_unit WHERE %1$s
			UNION ALL SELECT code, path, name_kk, name_ru, name_en, TRUE AS school FROM organisation WHERE %1$s""";

	private final JdbcClient jdbc;

	RoundResultRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	JdbcClient jdbc() {
		return jdbc;
	}

	Optional<PlaceRow> place(String code) {
		return jdbc.sql(PLACES.formatted("code = :code"))
			.param("code", code)
			.query((rs, row) -> place(rs))
			.stream()
			.findFirst();
	}

	List<PlaceRow> places(Collection<String> paths) {
		if (paths.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(PLACES.formatted("path IN (:paths)"))
			.param("paths", new ArrayList<>(paths))
			.query((rs, row) -> place(rs))
			.list();
	}

	/** Answers item by item in a place, itself inside the caller's scope. */
	List<AnswerCount> answers(long round, DataScope place) {
		return place.bind(jdbc.sql("""
				SELECT a.item_code, a.kind, a.answer_value, COUNT(*) FROM quality_response_answer a
				JOIN quality_response r ON r.id = a.response_id
				WHERE a.round_id = :round AND %s
				GROUP BY a.item_code, a.kind, a.answer_value""".formatted(place.sql("r.path"))))
			.param("round", round)
			.query((rs, row) -> new AnswerCount(rs.getString(1), Answer.Kind.valueOf(rs.getString(2)),
					rs.getBigDecimal(3), rs.getLong(4)))
			.list();
	}

	List<TextRow> texts(long round, DataScope place, boolean redacted) {
		return place
			.bind(jdbc.sql("""
					SELECT id, item_code, %s FROM quality_response_text
					WHERE round_id = :round AND status = :status AND %s ORDER BY id"""
				.formatted(redacted ? "redacted" : "original", place.sql("path"))))
			.param("round", round)
			.param("status", redacted ? "REDACTED" : "PENDING")
			.query((rs, row) -> new TextRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Replaces a pending text by its redacted form; the original is not kept. */
	boolean redact(long round, long id, DataScope scope, String text, String by) {
		return scope.bind(jdbc.sql("""
				UPDATE quality_response_text SET redacted = :text, original = NULL, status = 'REDACTED',
					reviewed_by = :by
				WHERE id = :id AND round_id = :round AND status = 'PENDING' AND %s""".formatted(scope.sql("path"))))
			.param("text", text)
			.param("by", by)
			.param("id", id)
			.param("round", round)
			.update() == 1;
	}

	private static PlaceRow place(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new PlaceRow(rs.getString("code"), rs.getString("path"),
				new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
				rs.getBoolean("school"));
	}

}
