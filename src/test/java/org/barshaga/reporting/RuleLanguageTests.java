package org.barshaga.reporting;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.barshaga.indicators.Dimension;
import org.barshaga.indicators.Measure;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.LocalizedName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The language of the rules' sides: reading, the order of operations, evaluation, missing
 * figures, every operator and every refusal with the position it names.
 */
class RuleLanguageTests {

	@Test
	void readsMeasuresConstantsAndTheOrderOfOperations() {
		assertThat(value("2 + 3 * 4", Map.of())).isEqualTo(14.0);
		assertThat(value("(2 + 3) * 4", Map.of())).isEqualTo(20.0);
		assertThat(value("10 - 4 - 3", Map.of())).isEqualTo(3.0);
		assertThat(value("12 / 3 / 2", Map.of())).isEqualTo(2.0);
		assertThat(value("-3 + 5", Map.of())).isEqualTo(2.0);
		assertThat(value("0.2 × SEN_LEARNERS", Map.of(Measure.SEN_LEARNERS, 50.0))).isEqualTo(10.0);
		assertThat(value("PUPILS ÷ TEACHERS − 1", Map.of(Measure.PUPILS, 300.0, Measure.TEACHERS, 20.0)))
			.isEqualTo(14.0);
		assertThat(value("sen_pupils", Map.of(Measure.SEN_PUPILS, 7.0))).as("measure names in any case").isEqualTo(7.0);
	}

	@Test
	void writesTheExpressionBackSoThatItReadsTheSame() {
		for (String text : List.of("SEN_PUPILS", "3 * SPECIALIST_FTE_NEEDED", "(PUPILS - SEN_PUPILS) / TEACHERS",
				"PUPILS - (TEACHERS - 1)", "-(PUPILS + 1)", "0.25 * PLANS",
				"SEN_PUPILS[FORM=INCLUSIVE_CLASS|SPECIAL_CLASS;SEX=FEMALE] + 1")) {
			Expression read = RuleLanguage.parse(text, "left");
			assertThat(RuleLanguage.parse(read.text(), "left")).as(text).isEqualTo(read);
		}
		assertThat(RuleLanguage.parse("3×SPECIALIST_FTE_NEEDED", "left").text()).isEqualTo("3 * SPECIALIST_FTE_NEEDED");
	}

	@Test
	void filtersKeepTheValuesOfADimension() {
		Expression.Term term = (Expression.Term) RuleLanguage.parse("SEN_PUPILS[FORM=HOME_BASED|HOSPITAL; SEX=MALE]",
				"left");
		assertThat(term.measure()).isEqualTo(Measure.SEN_PUPILS);
		assertThat(term.filters()).hasSize(2);
		assertThat(term.filters().get(0).dimension()).isEqualTo(Dimension.FORM);
		assertThat(term.filters().get(0).values()).containsExactlyInAnyOrder("HOME_BASED", "HOSPITAL");
		assertThat(term.filters().get(1).values()).containsExactly("MALE");
	}

	@Test
	void eachRefusalNamesTheSideAndThePosition() {
		assertProblem("", "validation.rule.empty");
		assertProblem("PUPILS +", "validation.rule.end", 9);
		assertProblem("PUPILS + * 3", "validation.rule.syntax", "*", 10);
		assertProblem("(PUPILS + 3", "validation.rule.unclosed", 1);
		assertProblem("PUPILS 3", "validation.rule.syntax", "3", 8);
		assertProblem("PUPILS + ELEVATORS", "validation.rule.measure", "ELEVATORS", 10);
		assertProblem("PUPILS / 0", "validation.rule.divisionByZero", 8);
		assertProblem("PUPILS / (2 - 2)", "validation.rule.divisionByZero", 8);
		assertProblem("PUPILS / 0.0", "validation.rule.divisionByZero", 8);
		assertProblem("1.2.3", "validation.rule.number", "1.2.3", 1);
		assertProblem("PUPILS[SEX=MALE]", "validation.rule.dimension", "SEX", "PUPILS", 8);
		assertProblem("SEN_PUPILS[COLOUR=RED]", "validation.rule.dimension", "COLOUR", "SEN_PUPILS", 12);
		assertProblem("SEN_PUPILS[FORM=CIRCUS]", "validation.rule.value", "CIRCUS", "FORM", 17);
		assertProblem("SEN_PUPILS[FORM=HOME_BASED", "validation.rule.end", 27);
		assertProblem("PUPILS $ 2", "validation.rule.syntax", "$", 8);
		assertThat(RuleLanguage.parse("PUPILS / TEACHERS", "left")).as("a figure may be zero: no refusal").isNotNull();
	}

	@Test
	void aDivisionByAZeroFigureLeavesNoValue() {
		assertThat(value("PUPILS / TEACHERS", Map.of(Measure.PUPILS, 5.0))).isNull();
		assertThat(value("1 + PUPILS / TEACHERS", Map.of(Measure.PUPILS, 5.0))).isNull();
	}

	@Test
	void everyOperatorComparesTheSides() {
		Map<Measure, Double> figures = Map.of(Measure.SEN_PUPILS, 10.0, Measure.PUPILS, 10.0, Measure.TEACHERS, 3.0);
		assertThat(outcome("SEN_PUPILS", Operator.EQUAL, "PUPILS", figures)).isEqualTo(Check.Outcome.PASSED);
		assertThat(outcome("SEN_PUPILS", Operator.EQUAL, "TEACHERS", figures)).isEqualTo(Check.Outcome.VIOLATED);
		assertThat(outcome("SEN_PUPILS", Operator.NOT_EQUAL, "TEACHERS", figures)).isEqualTo(Check.Outcome.PASSED);
		assertThat(outcome("SEN_PUPILS", Operator.NOT_EQUAL, "PUPILS", figures)).isEqualTo(Check.Outcome.VIOLATED);
		assertThat(outcome("TEACHERS", Operator.LESS, "PUPILS", figures)).isEqualTo(Check.Outcome.PASSED);
		assertThat(outcome("SEN_PUPILS", Operator.LESS, "PUPILS", figures)).isEqualTo(Check.Outcome.VIOLATED);
		assertThat(outcome("SEN_PUPILS", Operator.LESS_OR_EQUAL, "PUPILS", figures)).isEqualTo(Check.Outcome.PASSED);
		assertThat(outcome("SEN_PUPILS + 1", Operator.LESS_OR_EQUAL, "PUPILS", figures))
			.isEqualTo(Check.Outcome.VIOLATED);
		assertThat(outcome("PUPILS", Operator.GREATER, "TEACHERS", figures)).isEqualTo(Check.Outcome.PASSED);
		assertThat(outcome("PUPILS", Operator.GREATER, "SEN_PUPILS", figures)).isEqualTo(Check.Outcome.VIOLATED);
		assertThat(outcome("PUPILS", Operator.GREATER_OR_EQUAL, "SEN_PUPILS", figures)).isEqualTo(Check.Outcome.PASSED);
		assertThat(outcome("TEACHERS", Operator.GREATER_OR_EQUAL, "PUPILS", figures)).isEqualTo(Check.Outcome.VIOLATED);
		assertThat(outcome("0.1 * 3", Operator.EQUAL, "0.3", figures)).as("rounding is not disagreement")
			.isEqualTo(Check.Outcome.PASSED);
	}

	@Test
	void bothPresentOrBothAbsentLooksOnlyAtWhetherEachSideHasAFigure() {
		Operator pair = Operator.COMPULSORY_PAIR;
		assertThat(outcome("LEARNERS_WITH_SERVICES", pair, "DELIVERED_HOURS",
				Map.of(Measure.LEARNERS_WITH_SERVICES, 4.0, Measure.DELIVERED_HOURS, 1.5)))
			.isEqualTo(Check.Outcome.PASSED);
		assertThat(outcome("LEARNERS_WITH_SERVICES", pair, "DELIVERED_HOURS", Map.of()))
			.isEqualTo(Check.Outcome.PASSED);
		assertThat(
				outcome("LEARNERS_WITH_SERVICES", pair, "DELIVERED_HOURS", Map.of(Measure.LEARNERS_WITH_SERVICES, 4.0)))
			.isEqualTo(Check.Outcome.VIOLATED);
		assertThat(outcome("LEARNERS_WITH_SERVICES", pair, "DELIVERED_HOURS", Map.of(Measure.DELIVERED_HOURS, 2.0)))
			.isEqualTo(Check.Outcome.VIOLATED);
		assertThat(
				outcome("LEARNERS_WITH_SERVICES + 0 * PUPILS", pair, "DELIVERED_HOURS", Map.of(Measure.PUPILS, 100.0)))
			.as("a side has a figure where any of its measures counts something")
			.isEqualTo(Check.Outcome.VIOLATED);
	}

	@Test
	void missingFiguresCountAsZeroOrSkipTheRuleAsItSays() {
		Map<Measure, Double> noTeachers = Map.of(Measure.PUPILS, 500.0);
		assertThat(check("PUPILS", Operator.LESS_OR_EQUAL, "40 * TEACHERS", MissingValues.COUNT_AS_ZERO, noTeachers)
			.outcome()).isEqualTo(Check.Outcome.VIOLATED);
		Check.Result skipped = check("PUPILS", Operator.LESS_OR_EQUAL, "40 * TEACHERS", MissingValues.SKIP, noTeachers);
		assertThat(skipped.outcome()).isEqualTo(Check.Outcome.SKIPPED);
		assertThat(skipped.left()).isEqualTo(500.0);
		assertThat(skipped.right()).isNull();
		assertThat(check("SCHOOLS_SURVEYED", Operator.EQUAL, "1", MissingValues.SKIP, Map.of()).outcome())
			.as("a side of constants always has a figure; the measure side has none")
			.isEqualTo(Check.Outcome.SKIPPED);
		assertThat(check("SCHOOLS_SURVEYED", Operator.EQUAL, "1", MissingValues.COUNT_AS_ZERO, Map.of()).outcome())
			.isEqualTo(Check.Outcome.VIOLATED);
		assertThat(check("PUPILS / TEACHERS", Operator.LESS_OR_EQUAL, "40", MissingValues.COUNT_AS_ZERO, noTeachers)
			.outcome()).as("a division by a zero figure cannot be checked").isEqualTo(Check.Outcome.SKIPPED);
	}

	private static Double value(String text, Map<Measure, Double> figures) {
		return RuleLanguage.parse(text, "left").evaluate(figures(figures));
	}

	private static Expression.Figures figures(Map<Measure, Double> figures) {
		Map<Measure, Double> all = new EnumMap<>(Measure.class);
		all.putAll(figures);
		return term -> all.getOrDefault(term.measure(), 0.0);
	}

	private static Check.Outcome outcome(String left, Operator operator, String right, Map<Measure, Double> figures) {
		return check(left, operator, right, MissingValues.COUNT_AS_ZERO, figures).outcome();
	}

	private static Check.Result check(String left, Operator operator, String right, MissingValues missing,
			Map<Measure, Double> figures) {
		Check check = Check.of("TEST", new ValidationRule.Version(1, left, operator, right, Importance.HIGH, missing,
				new LocalizedName("kk", "ru", "en"), true, java.time.Instant.EPOCH, "test"));
		return check.check(figures(figures));
	}

	private static void assertProblem(String text, String key, Object... arguments) {
		assertThatThrownBy(() -> RuleLanguage.parse(text, "right")).isInstanceOfSatisfying(InvalidInputException.class,
				invalid -> {
					assertThat(invalid.problems()).hasSize(1);
					InvalidInputException.Problem problem = invalid.problems().get(0);
					assertThat(problem.field()).isEqualTo("right");
					assertThat(problem.messageKey()).as(text).isEqualTo(key);
					assertThat(problem.arguments()).as(text).containsExactly(arguments);
				});
	}

}
