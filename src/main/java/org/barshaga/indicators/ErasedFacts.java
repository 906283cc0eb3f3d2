package org.barshaga.indicators;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.barshaga.kernel.Erasure;
import org.barshaga.kernel.LearnerEraser;
import org.barshaga.kernel.SchoolYear;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the indicators of ended school years as they were when a child's record is
 * erased. The facts are computed from the registers' rows, the learner's included, so
 * removing them would change last year's figures. Before the erasure the facts of every
 * ended school year the child appears in are computed; after it, once more; what differs
 * is stored at the grain of the facts (a place and the values of the dimensions, nothing
 * that names or points to a child) and added back whenever those years' facts are
 * computed. The current school year is not kept: the child is gone from it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErasedFacts implements LearnerEraser {

	private static final String BEFORE = "indicators.factsBefore";

	private final JdbcClient jdbc;

	private final FactLoader loader;

	private final Clock clock;

	ErasedFacts(JdbcClient jdbc, FactLoader loader, Clock clock) {
		this.jdbc = jdbc;
		this.loader = loader;
		this.clock = clock;
	}

	@Override
	public void beforeErasure(Erasure erasure) {
		Map<Integer, YearFacts> before = new HashMap<>();
		for (int year : endedYearsOf(erasure)) {
			before.put(year, loader.load(year, -1));
		}
		erasure.note(BEFORE, before);
	}

	@Override
	public void erase(Erasure erasure) {
		// The rows are the other modules'; this module keeps only what they counted for.
	}

	@Override
	public void afterErasure(Erasure erasure) {
		Map<Integer, YearFacts> before = erasure.noted(BEFORE);
		Instant now = Instant.now(clock);
		for (Map.Entry<Integer, YearFacts> year : before.entrySet()) {
			YearFacts after = loader.load(year.getKey(), -1);
			for (Measure.Scope grain : Measure.Scope.values()) {
				for (Difference difference : differences(year.getValue(), after, grain)) {
					jdbc.sql("""
							INSERT INTO indicator_erased_fact (school_year, grain, path, organisation, dimensions,
								measure_values, recorded_at)
							VALUES (:year, :grain, :path, :organisation, :dimensions, :values, :now)""")
						.param("year", year.getKey())
						.param("grain", grain.name())
						.param("path", difference.row().path())
						.param("organisation", difference.row().organisation())
						.param("dimensions", dimensionsText(difference.row().dimensions()))
						.param("values", valuesText(grain, difference.values()))
						.param("now", Timestamp.from(now))
						.update();
				}
			}
		}
	}

	/**
	 * The school years that have ended, from the first in which the child left a trace in
	 * a register the facts are read from.
	 */
	private List<Integer> endedYearsOf(Erasure erasure) {
		int lastEnded = SchoolYear.of(LocalDate.now(clock)).startYear() - 1;
		Integer first = null;
		for (String dates : List.of("SELECT MIN(concluded_on) FROM conclusion WHERE learner_id = :id",
				"SELECT MIN(started_on) FROM enrolment WHERE learner_id = :id",
				"SELECT MIN(held_on) FROM support_session WHERE learner_id = :id")) {
			for (LocalDate day : jdbc.sql(dates)
				.param("id", erasure.child().learnerId())
				.query(LocalDate.class)
				.list()) {
				first = earlier(first, day == null ? null : SchoolYear.of(day).startYear());
			}
		}
		if (erasure.child().iin() != null) {
			for (String years : List.of("SELECT MIN(school_year) FROM enrolment_extract WHERE iin = :iin",
					"SELECT MIN(school_year) FROM term_result WHERE iin = :number",
					"SELECT MIN(school_year) FROM term_attendance WHERE iin = :number")) {
				for (Integer year : jdbc.sql(years)
					.param("iin", erasure.child().iin())
					.param("number", erasure.child().iinNumber())
					.query(Integer.class)
					.list()) {
					first = earlier(first, year);
				}
			}
		}
		List<Integer> years = new ArrayList<>();
		if (first != null) {
			for (int year = first; year <= lastEnded; year++) {
				years.add(year);
			}
		}
		return years;
	}

	private static Integer earlier(Integer first, Integer year) {
		return year == null ? first : first == null ? year : Math.min(first, year);
	}

	/**
	 * Adds back what erased children counted for in the year, before facts are derived.
	 */
	static void addTo(JdbcClient jdbc, YearFacts facts) {
		jdbc.sql("""
				SELECT grain, path, organisation, dimensions, measure_values FROM indicator_erased_fact
				WHERE school_year = :year ORDER BY id""").param("year", facts.year).query((ResultSet rs) -> {
			Measure.Scope grain = Measure.Scope.valueOf(rs.getString("grain"));
			facts.add(rs.getString("path"), rs.getBoolean("organisation"), dimensions(rs.getString("dimensions")),
					grain, values(grain, rs.getString("measure_values")));
		});
	}

	private record Difference(YearFacts.Row row, double[] values) {
	}

	private static List<Difference> differences(YearFacts before, YearFacts after, Measure.Scope grain) {
		Map<String, YearFacts.Row> remaining = new HashMap<>();
		for (YearFacts.Row row : after.rows(grain, "")) {
			remaining.put(key(row), row);
		}
		List<Difference> differences = new ArrayList<>();
		for (YearFacts.Row row : before.rows(grain, "")) {
			YearFacts.Row now = remaining.get(key(row));
			double[] values = row.values().clone();
			boolean differs = false;
			for (int i = 0; i < values.length; i++) {
				values[i] -= now == null ? 0 : now.values()[i];
				differs |= values[i] != 0;
			}
			if (differs) {
				differences.add(new Difference(row, values));
			}
		}
		return differences;
	}

	private static String key(YearFacts.Row row) {
		return row.path() + '|' + dimensionsText(row.dimensions());
	}

	static String dimensionsText(byte[] dimensions) {
		StringJoiner text = new StringJoiner(";");
		for (Dimension dimension : Dimension.values()) {
			byte index = dimensions[dimension.ordinal()];
			if (index != YearFacts.NONE) {
				text.add(dimension.name() + "=" + dimension.codes().get(index));
			}
		}
		return text.toString();
	}

	static byte[] dimensions(String text) {
		byte[] dimensions = YearFacts.noDimensions();
		if (!text.isEmpty()) {
			for (String pair : text.split(";")) {
				String[] parts = pair.split("=", 2);
				Dimension dimension = Dimension.valueOf(parts[0]);
				dimensions[dimension.ordinal()] = (byte) dimension.index(parts[1]);
			}
		}
		return dimensions;
	}

	static String valuesText(Measure.Scope grain, double[] values) {
		StringJoiner text = new StringJoiner(";");
		for (Measure measure : Measure.values()) {
			if (measure.scope() == grain && values[measure.column()] != 0) {
				text.add(measure.name() + "=" + values[measure.column()]);
			}
		}
		return text.toString();
	}

	static double[] values(Measure.Scope grain, String text) {
		double[] values = new double[Measure.columns(grain)];
		for (String pair : text.split(";")) {
			String[] parts = pair.split("=", 2);
			values[Measure.valueOf(parts[0]).column()] = Double.parseDouble(parts[1]);
		}
		return values;
	}

}
