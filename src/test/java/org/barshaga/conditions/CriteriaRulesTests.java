package org.barshaga.conditions;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule language, every default rule and the SDG 4.a.1(d) rule. */
class CriteriaRulesTests {

	static final String KZ_DEFAULT = """
			step_free_entrance: item.STEP_FREE_ENTRANCE >= 1
			accessible_toilet: item.ACCESSIBLE_TOILET >= 1
			support_staff: support_fte_per_10_learners >= 1 when learners_with_sen > 0
			trained_teachers: trained_teacher_share >= 0.3
			support_room: item.INCLUSION_SUPPORT_ROOM >= 1 when learners_with_sen > 0
			adapted_materials: any(BRAILLE_TEXTBOOKS, ENLARGED_PRINT, AUDIO_MATERIALS, TACTILE_MATERIALS, AAC, ADAPTED_COMPUTERS, SIGN_LANGUAGE_SUPPORT)""";

	static final String SDG = """
			adapted_infrastructure: all(STEP_FREE_ENTRANCE, DOOR_WIDTHS, LIFT_OR_PLATFORM, ACCESSIBLE_TOILET, STAIR_HANDRAILS)
			adapted_materials: any(BRAILLE_TEXTBOOKS, ENLARGED_PRINT, AUDIO_MATERIALS, SIGN_LANGUAGE_SUPPORT, AAC, ADAPTED_COMPUTERS)""";

	@Test
	void aSchoolWithEverythingMeetsTheDefaultSetAndEachMissingThingFailsItsOwnRule() {
		assertThat(failed(KZ_DEFAULT, complete())).isEmpty();
		assertThat(failed(KZ_DEFAULT, complete().with(ConditionItem.STEP_FREE_ENTRANCE, ItemStatus.PARTIAL)))
			.containsExactly("step_free_entrance");
		assertThat(failed(KZ_DEFAULT, complete().with(ConditionItem.ACCESSIBLE_TOILET, ItemStatus.ABSENT)))
			.containsExactly("accessible_toilet");
		assertThat(failed(KZ_DEFAULT, complete().staff("0.9", 10))).containsExactly("support_staff");
		assertThat(failed(KZ_DEFAULT, complete().staff("1.0", 10))).isEmpty();
		assertThat(failed(KZ_DEFAULT, complete().teachers(10, 2))).containsExactly("trained_teachers");
		assertThat(failed(KZ_DEFAULT, complete().teachers(10, 3))).isEmpty();
		assertThat(failed(KZ_DEFAULT, complete().with(ConditionItem.INCLUSION_SUPPORT_ROOM, ItemStatus.ABSENT)))
			.containsExactly("support_room");
		Facts noMaterials = complete();
		for (ConditionItem item : ConditionItem.of(ConditionCategory.MATERIALS)) {
			noMaterials = noMaterials.with(item, ItemStatus.ABSENT);
		}
		assertThat(failed(KZ_DEFAULT, noMaterials)).containsExactly("adapted_materials");
		assertThat(failed(KZ_DEFAULT, noMaterials.with(ConditionItem.AAC, ItemStatus.PRESENT))).isEmpty();
	}

	@Test
	void rulesWithAConditionApplyOnlyToSchoolsWithLearnersWithSen() {
		Facts noLearners = complete().staff("0", 0).with(ConditionItem.INCLUSION_SUPPORT_ROOM, ItemStatus.ABSENT);
		assertThat(failed(KZ_DEFAULT, noLearners)).isEmpty();
	}

	@Test
	void missingDataFailsWithNoValueAndNoTeachersFailsTheTrainingRule() {
		List<CriteriaRules.Failure> failures = CriteriaRules.failures(CriteriaRules.parse(KZ_DEFAULT),
				new SchoolFacts(Map.of(), 5, BigDecimal.ONE, 0, 0));
		assertThat(failures).extracting(CriteriaRules.Failure::rule)
			.containsExactly("step_free_entrance", "accessible_toilet", "trained_teachers", "support_room",
					"adapted_materials");
		assertThat(failures.get(0).value()).isNull();
		assertThat(failures.get(0).threshold()).isEqualTo(BigDecimal.ONE);
		assertThat(failures.get(0).requirement()).isEqualTo("item.STEP_FREE_ENTRANCE >= 1");
	}

	@Test
	void sdgNeedsAdaptedInfrastructureAndAdaptedMaterials() {
		assertThat(failed(SDG, complete())).isEmpty();
		assertThat(failed(SDG, complete().with(ConditionItem.LIFT_OR_PLATFORM, ItemStatus.NOT_APPLICABLE)))
			.as("a one-storey school needs no lift")
			.isEmpty();
		List<CriteriaRules.Failure> failures = CriteriaRules.failures(CriteriaRules.parse(SDG),
				complete().with(ConditionItem.DOOR_WIDTHS, ItemStatus.PARTIAL)
					.with(ConditionItem.STAIR_HANDRAILS, ItemStatus.ABSENT)
					.facts());
		assertThat(failures).hasSize(1);
		assertThat(failures.get(0).rule()).isEqualTo("adapted_infrastructure");
		assertThat(failures.get(0).value()).isEqualTo(List.of("DOOR_WIDTHS", "STAIR_HANDRAILS"));
		Facts onlyTactile = complete();
		for (ConditionItem item : ConditionItem.of(ConditionCategory.MATERIALS)) {
			onlyTactile = onlyTactile.with(item, ItemStatus.ABSENT);
		}
		onlyTactile = onlyTactile.with(ConditionItem.TACTILE_MATERIALS, ItemStatus.PRESENT);
		assertThat(failed(SDG, onlyTactile)).as("tactile materials are not among the SDG formats")
			.containsExactly("adapted_materials");
	}

	@Test
	void badRulesAreRefusedWithTheLineAndWhatIsWrong() {
		assertThatThrownBy(() -> CriteriaRules.parse("""
				ok: teachers >= 1
				unknown: item.ELEVATOR >= 1
				bad field: x >= 1
				threshold: teachers >= many
				ok: support_fte > 0
				list: any(NOTHING)
				""")).isInstanceOfSatisfying(InvalidInputException.class,
				invalid -> assertThat(invalid.problems())
					.extracting(InvalidInputException.Problem::messageKey, p -> p.arguments().get(0))
					.containsExactly(org.assertj.core.groups.Tuple.tuple("validation.criteria.field", 2),
							org.assertj.core.groups.Tuple.tuple("validation.criteria.syntax", 3),
							org.assertj.core.groups.Tuple.tuple("validation.criteria.threshold", 4),
							org.assertj.core.groups.Tuple.tuple("validation.criteria.duplicate", 5),
							org.assertj.core.groups.Tuple.tuple("validation.criteria.item", 6),
							org.assertj.core.groups.Tuple.tuple("validation.criteria.syntax", 6)));
		assertThatThrownBy(() -> CriteriaRules.parse("# only a comment")).isInstanceOf(InvalidInputException.class);
	}

	private static List<String> failed(String rules, Facts facts) {
		return CriteriaRules.failures(CriteriaRules.parse(rules), facts.facts())
			.stream()
			.map(CriteriaRules.Failure::rule)
			.toList();
	}

	private static Facts complete() {
		Map<ConditionItem, ItemStatus> items = new EnumMap<>(ConditionItem.class);
		for (ConditionItem item : ConditionItem.values()) {
			items.put(item, ItemStatus.PRESENT);
		}
		return new Facts(items, 10, new BigDecimal("2"), 20, 10);
	}

	/** Facts of a school built up in a test. */
	record Facts(Map<ConditionItem, ItemStatus> items, long learners, BigDecimal supportFte, long teachers,
			long trained) {

		Facts with(ConditionItem item, ItemStatus status) {
			Map<ConditionItem, ItemStatus> copy = new EnumMap<>(items);
			copy.put(item, status);
			return new Facts(copy, learners, supportFte, teachers, trained);
		}

		Facts staff(String fte, long learnersWithSen) {
			return new Facts(items, learnersWithSen, new BigDecimal(fte), teachers, trained);
		}

		Facts teachers(long all, long trainedOnes) {
			return new Facts(items, learners, supportFte, all, trainedOnes);
		}

		SchoolFacts facts() {
			return new SchoolFacts(items, learners, supportFte, teachers, trained);
		}

	}

}
