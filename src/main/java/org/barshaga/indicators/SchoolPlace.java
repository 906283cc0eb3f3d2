package org.barshaga.indicators;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import org.barshaga.kernel.LocalizedName;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An organisation as the facts of learners, outcomes, cohorts and surveys place their
 * rows: its path, its settlement, and the place a figure of it is named by.
 */
record SchoolPlace(String path, String settlement, YearFacts.Place place) {

	/** The organisations the condition selects (SQL over {@code organisation}), by id. */
	static Map<Long, SchoolPlace> read(JdbcClient jdbc, String condition) {
		Map<Long, SchoolPlace> places = new HashMap<>();
		jdbc.sql("SELECT id, code, path, settlement, name_kk, name_ru, name_en FROM organisation WHERE " + condition)
			.query((ResultSet rs) -> {
				YearFacts.Place place = new YearFacts.Place(rs.getString("code"), rs.getString("path"),
						new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
						true);
				places.put(rs.getLong("id"), new SchoolPlace(rs.getString("path"), rs.getString("settlement"), place));
			});
		return places;
	}

}
