package org.barshaga.indicators;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.learner.ErasureBasis;
import org.barshaga.learner.Erasures;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicators of an ended school year are the same after a child's record is erased:
 * the facts are computed from the registers' rows, so without what the erasure keeps of
 * them they would change, as the current year's do.
 */
@BarshagaTest
@Transactional
class ErasureIndicatorTests {

	static final Actor ADMIN = new Actor(0, "admin", "Administrator", Role.ADMIN, DataScope.NATION);

	@Autowired
	Indicators indicators;

	@Autowired
	FactCache cache;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Erasures erasures;

	@AfterEach
	void forgetTheRolledBackFixture() {
		cache.forget();
	}

	@Test
	void everyIndicatorOfAnEndedYearIsUnchangedAfterAnErasureWhileTheCurrentYearLosesTheChild() {
		IndicatorFixture fixture = new IndicatorFixture(jdbc, indicators.currentYear());
		fixture.create();
		cache.forget();
		long girl = jdbc.sql("""
				SELECT MIN(l.id) FROM learner l JOIN enrolment e ON e.learner_id = l.id
				JOIN organisation o ON o.id = e.organisation_id WHERE o.code = :school AND l.sex = 'FEMALE'""")
			.param("school", IndicatorFixture.SCHOOL_A)
			.query(Long.class)
			.single();
		Map<String, String> endedBefore = everyIndicator(fixture.year);
		String currentBefore = total("SEN_BY_FORM", indicators.currentYear());
		assertThat(endedBefore.get("SEN_BY_FORM")).as("the fixture's year counts its four children").startsWith("4/");

		erasures.erase(ADMIN, new Erasures.Request(String.valueOf(girl), ErasureBasis.CONSENT_WITHDRAWN,
				"the mother withdrew her consent in writing"));
		cache.forget();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM learner WHERE id = :id").param("id", girl).query(Long.class).single())
			.isZero();
		assertThat(everyIndicator(fixture.year)).isEqualTo(endedBefore);
		assertThat(total("SEN_BY_FORM", indicators.currentYear()))
			.as("the current year is computed from the registers, without the child")
			.isEqualTo(minusOne(currentBefore));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM indicator_erased_fact WHERE school_year = :year")
			.param("year", fixture.year)
			.query(Long.class)
			.single()).isPositive();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM indicator_erased_fact WHERE school_year = :year")
			.param("year", indicators.currentYear())
			.query(Long.class)
			.single()).isZero();
	}

	private Map<String, String> everyIndicator(int year) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Indicator indicator : indicators.catalogue()) {
			values.put(indicator.code(), total(indicator.code(), year));
		}
		return values;
	}

	private String total(String code, int year) {
		IndicatorValue value = indicators
			.values(IndicatorTests.MINISTRY, code, IndicatorFixture.DISTRICT, year, Level.SELF, List.of())
			.total();
		if (value == null) {
			return "none";
		}
		return plain(value.numerator()) + "/" + plain(value.denominator()) + "=" + plain(value.value());
	}

	private static String minusOne(String total) {
		BigDecimal numerator = new BigDecimal(total.substring(0, total.indexOf('/')));
		return plain(numerator.subtract(BigDecimal.ONE)) + total.substring(total.indexOf('/'), total.indexOf('=')) + "="
				+ plain(numerator.subtract(BigDecimal.ONE));
	}

	private static String plain(BigDecimal number) {
		return number == null ? "-" : number.stripTrailingZeros().toPlainString();
	}

}
