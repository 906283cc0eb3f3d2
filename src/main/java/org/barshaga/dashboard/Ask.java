package org.barshaga.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.barshaga.indicators.Dimension;

/**
 * What a table shows.
 *
 * @param longLayout the indicators one below the other with an indicator column, instead
 * of side by side
 */
record Ask(List<String> codes, String unit, View view, Dimension by, boolean longLayout) {

	Ask {
		codes = List.copyOf(codes);
	}

	static Ask of(String code, String unit, View view) {
		return new Ask(List.of(code), unit, view, null, false);
	}

	Ask by(Dimension dimension) {
		return new Ask(codes, unit, view, dimension, longLayout);
	}

	Ask inLong() {
		return new Ask(codes, unit, view, by, true);
	}

	/**
	 * @param year the query of the school year and the figures chosen
	 */
	String query(String year) {
		StringBuilder query = new StringBuilder();
		query.append("indicator=").append(encode(String.join(",", codes)));
		query.append("&unit=").append(encode(unit));
		query.append('&').append(year);
		query.append("&level=").append(view.name().toLowerCase(Locale.ROOT));
		if (by != null) {
			query.append("&by=").append(by.name());
		}
		if (longLayout) {
			query.append("&layout=long");
		}
		return query.toString();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
