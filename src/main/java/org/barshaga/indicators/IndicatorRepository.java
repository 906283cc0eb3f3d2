package org.barshaga.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.LocalizedName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IndicatorRepository {

	private final JdbcClient jdbc;

	IndicatorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Indicator> all() {
		return jdbc.sql("SELECT * FROM indicator ORDER BY position, code").query(IndicatorRepository::map).list();
	}

	boolean exists(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM indicator WHERE code = :code")
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	void insert(Indicator indicator, Instant at, String by) {
		jdbc.sql("""
				INSERT INTO indicator (code, name_kk, name_ru, name_en, description_kk, description_ru, description_en,
					unit, numerator, numerator_filter, denominator, denominator_filter, disaggregations, better,
					position, product_default, created_at, created_by)
				VALUES (:code, :nameKk, :nameRu, :nameEn, :descriptionKk, :descriptionRu, :descriptionEn, :unit,
					:numerator, :numeratorFilter, :denominator, :denominatorFilter, :disaggregations, :better,
					(SELECT COALESCE(MAX(position), 0) + 10 FROM indicator), FALSE, :at, :by)""")
			.param("code", indicator.code())
			.param("nameKk", indicator.name().kk())
			.param("nameRu", indicator.name().ru())
			.param("nameEn", indicator.name().en())
			.param("descriptionKk", indicator.description().kk())
			.param("descriptionRu", indicator.description().ru())
			.param("descriptionEn", indicator.description().en())
			.param("unit", indicator.unit().name())
			.param("numerator", indicator.numerator().name())
			.param("numeratorFilter", indicator.numeratorFilterText())
			.param("denominator", indicator.denominator() == null ? null : indicator.denominator().name())
			.param("denominatorFilter", indicator.denominatorFilterText())
			.param("disaggregations",
					String.join(",", indicator.disaggregations().stream().map(Dimension::name).toList()))
			.param("better", indicator.better().name())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	List<Target> targets() {
		return jdbc.sql("SELECT * FROM indicator_target ORDER BY indicator_code, school_year, unit_code")
			.query((rs, row) -> new Target(rs.getString("indicator_code"), rs.getInt("school_year"),
					rs.getString("unit_code"), rs.getBigDecimal("target")))
			.list();
	}

	/**
	 * Sets a target, replacing one for the same indicator, year and unit; none removes
	 * it.
	 */
	void target(Target target, Instant at, String by) {
		jdbc.sql(
				"DELETE FROM indicator_target WHERE indicator_code = :code AND school_year = :year AND unit_code = :unit")
			.param("code", target.indicator())
			.param("year", target.year())
			.param("unit", target.unitCode())
			.update();
		if (target.value() != null) {
			jdbc.sql(
					"""
							INSERT INTO indicator_target (indicator_code, school_year, unit_code, target, updated_at, updated_by)
							VALUES (:code, :year, :unit, :target, :at, :by)""")
				.param("code", target.indicator())
				.param("year", target.year())
				.param("unit", target.unitCode())
				.param("target", target.value())
				.param("at", Timestamp.from(at))
				.param("by", by)
				.update();
		}
	}

	private static Indicator map(ResultSet rs, int row) throws SQLException {
		InvalidInputException.Collector ignored = new InvalidInputException.Collector();
		String denominator = rs.getString("denominator");
		List<Dimension> dimensions = new ArrayList<>();
		Arrays.stream(rs.getString("disaggregations").split(","))
			.filter(d -> !d.isBlank())
			.forEach(d -> dimensions.add(Dimension.valueOf(d.strip())));
		return new Indicator(rs.getString("code"),
				new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
				new LocalizedName(rs.getString("description_kk"), rs.getString("description_ru"),
						rs.getString("description_en")),
				IndicatorUnit.valueOf(rs.getString("unit")), Measure.valueOf(rs.getString("numerator")),
				Filter.parse(rs.getString("numerator_filter"), "numeratorFilter", ignored),
				denominator == null ? null : Measure.valueOf(denominator),
				Filter.parse(rs.getString("denominator_filter"), "denominatorFilter", ignored), dimensions,
				Better.valueOf(rs.getString("better")), rs.getInt("position"), rs.getBoolean("product_default"));
	}

}
