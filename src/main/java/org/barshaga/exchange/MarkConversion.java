package org.barshaga.exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The national conversion of a term percentage to the five-point mark, read from
 * {@code term_mark_band} for the school year (the bands in force from the latest year not
 * after it). Grades 0 and 1 get no marks.
 */
final class MarkConversion {

	/** The highest grade that gets no marks. */
	static final int UNMARKED_TO_GRADE = 1;

	private record Band(int mark, double from) {
	}

	private final JdbcClient jdbc;

	private final Map<Integer, List<Band>> years = new HashMap<>();

	MarkConversion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The mark of the percentage in the school year, or null where no bands apply. */
	Integer mark(int schoolYear, double percentage) {
		Integer mark = null;
		for (Band band : years.computeIfAbsent(schoolYear, this::bands)) {
			if (percentage >= band.from()) {
				mark = band.mark();
			}
		}
		return mark;
	}

	private List<Band> bands(int schoolYear) {
		return jdbc.sql("""
				SELECT mark, min_percent FROM term_mark_band
				WHERE from_year = (SELECT MAX(from_year) FROM term_mark_band WHERE from_year <= ?)
				ORDER BY min_percent""")
			.param(schoolYear)
			.query((rs, n) -> new Band(rs.getInt(1), rs.getDouble(2)))
			.list();
	}

}
