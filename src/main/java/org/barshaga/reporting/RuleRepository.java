package org.barshaga.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.barshaga.kernel.LocalizedName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rules and their versions; a version once written is never changed. */
@Repository
class RuleRepository {

	private static final String SELECT = """
			SELECT r.id, r.code, r.product_default, v.version, v.left_side, v.operator, v.right_side, v.importance,
				v.missing_values, v.message_kk, v.message_ru, v.message_en, v.active, v.created_at, v.created_by
			FROM validation_rule r JOIN validation_rule_version v ON v.rule_id = r.id
			""";

	private final JdbcClient jdbc;

	RuleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ValidationRule> all() {
		return group(jdbc.sql(SELECT + " ORDER BY r.code, v.version DESC").query(this::row).list());
	}

	Optional<ValidationRule> find(String code) {
		return group(jdbc.sql(SELECT + " WHERE r.code = :code ORDER BY v.version DESC")
			.param("code", code)
			.query(this::row)
			.list()).stream().findFirst();
	}

	long create(String code) {
		jdbc.sql("INSERT INTO validation_rule (code, product_default) VALUES (:code, FALSE)")
			.param("code", code)
			.update();
		return id(code);
	}

	long id(String code) {
		return jdbc.sql("SELECT id FROM validation_rule WHERE code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	/**
	 * Adds a version; the unique version number makes a second writer of the same one
	 * fail.
	 */
	void insertVersion(long ruleId, ValidationRule.Version version) {
		jdbc.sql("""
				INSERT INTO validation_rule_version (rule_id, version, left_side, operator, right_side, importance,
					missing_values, message_kk, message_ru, message_en, active, created_at, created_by)
				VALUES (:rule, :version, :left, :operator, :right, :importance, :missing, :kk, :ru, :en, :active,
					:createdAt, :createdBy)""")
			.param("rule", ruleId)
			.param("version", version.version())
			.param("left", version.left())
			.param("operator", version.operator().name())
			.param("right", version.right())
			.param("importance", version.importance().name())
			.param("missing", version.missing().name())
			.param("kk", version.message().kk())
			.param("ru", version.message().ru())
			.param("en", version.message().en())
			.param("active", version.active())
			.param("createdAt", Timestamp.from(version.createdAt()))
			.param("createdBy", version.createdBy())
			.update();
	}

	private record Row(String code, boolean productDefault, ValidationRule.Version version) {
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		Instant created = rs.getTimestamp("created_at").toInstant();
		return new Row(rs.getString("code"), rs.getBoolean("product_default"),
				new ValidationRule.Version(rs.getInt("version"), rs.getString("left_side"),
						Operator.valueOf(rs.getString("operator")), rs.getString("right_side"),
						Importance.valueOf(rs.getString("importance")),
						MissingValues.valueOf(rs.getString("missing_values")),
						new LocalizedName(rs.getString("message_kk"), rs.getString("message_ru"),
								rs.getString("message_en")),
						rs.getBoolean("active"), created, rs.getString("created_by")));
	}

	private static List<ValidationRule> group(List<Row> rows) {
		Map<String, List<ValidationRule.Version>> versions = new LinkedHashMap<>();
		Map<String, Boolean> defaults = new LinkedHashMap<>();
		for (Row row : rows) {
			versions.computeIfAbsent(row.code(), k -> new ArrayList<>()).add(row.version());
			defaults.put(row.code(), row.productDefault());
		}
		List<ValidationRule> rules = new ArrayList<>();
		versions.forEach((code, list) -> rules.add(new ValidationRule(code, defaults.get(code), List.copyOf(list))));
		return rules;
	}

}
