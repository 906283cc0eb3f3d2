package org.barshaga.learner;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.barshaga.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.barshaga.learner.CfmAgeGroup.AGES_2_4;
import static org.barshaga.learner.CfmAgeGroup.AGES_5_17;

class ChildFunctioningTests {

	// The scales are written out again here rather than read from the code, so that a
	// wrong scale in the code fails the tests.
	static final List<String> YES_NO = List.of("true", "false");

	static final List<String> DIFFICULTY = List.of("NO_DIFFICULTY", "SOME_DIFFICULTY", "A_LOT_OF_DIFFICULTY",
			"CANNOT_DO_AT_ALL", "DONT_KNOW", "REFUSED");

	static final List<String> FREQUENCY = List.of("DAILY", "WEEKLY", "MONTHLY", "FEW_TIMES_A_YEAR", "NEVER",
			"DONT_KNOW", "REFUSED");

	static final List<String> COMPARISON = List.of("NOT_AT_ALL", "LESS", "THE_SAME", "MORE", "A_LOT_MORE", "DONT_KNOW",
			"REFUSED");

	static final Map<List<String>, Set<String>> SEVERE = Map.of(DIFFICULTY,
			Set.of("A_LOT_OF_DIFFICULTY", "CANNOT_DO_AT_ALL"), FREQUENCY, Set.of("DAILY"), COMPARISON,
			Set.of("A_LOT_MORE"));

	static final List<String> QUESTIONS_2_4 = List.of("usesGlasses", "seeing", "usesHearingAid", "hearing",
			"usesWalkingEquipment", "walkingWithoutEquipment", "walkingWithEquipment", "walkingComparedToPeers",
			"fineMotor", "understandingYou", "understoodByYou", "learning", "playing", "controllingBehaviour");

	static final List<String> QUESTIONS_5_17 = List.of("usesGlasses", "seeing", "usesHearingAid", "hearing",
			"usesWalkingEquipment", "walking100mWithoutEquipment", "walking500mWithoutEquipment",
			"walking100mWithEquipment", "walking500mWithEquipment", "walking100mComparedToPeers",
			"walking500mComparedToPeers", "selfCare", "communicationInsideHousehold", "communicationOutsideHousehold",
			"learning", "remembering", "concentrating", "acceptingChange", "controllingBehaviour", "makingFriends",
			"anxiety", "depression");

	static final List<String> DOMAINS_2_4 = List.of("seeing", "hearing", "walking", "fineMotor", "communication",
			"learning", "playing", "controllingBehaviour");

	static final List<String> DOMAINS_5_17 = List.of("seeing", "hearing", "walking", "selfCare", "communication",
			"learning", "remembering", "concentrating", "acceptingChange", "controllingBehaviour", "makingFriends",
			"anxiety", "depression");

	static final Map<String, String> NO_CONTEXT = Map.of();

	static final Map<String, String> EQUIPMENT_USER = Map.of("usesWalkingEquipment", "true");

	static final Map<String, String> NOT_AN_EQUIPMENT_USER = Map.of("usesWalkingEquipment", "false");

	/**
	 * Each question that decides a domain, with the other answers under which it does.
	 */
	record DomainQuestion(CfmAgeGroup group, String domain, String question, List<String> scale,
			Map<String, String> context) {

		@Override
		public String toString() {
			return group.label() + " " + domain + " by " + question + (context.isEmpty() ? "" : " when " + context);
		}

	}

	static final List<DomainQuestion> DOMAIN_QUESTIONS = List.of(
			new DomainQuestion(AGES_2_4, "seeing", "seeing", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_2_4, "seeing", "seeing", DIFFICULTY, Map.of("usesGlasses", "true")),
			new DomainQuestion(AGES_2_4, "hearing", "hearing", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_2_4, "hearing", "hearing", DIFFICULTY, Map.of("usesHearingAid", "true")),
			new DomainQuestion(AGES_2_4, "walking", "walkingWithoutEquipment", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_2_4, "walking", "walkingWithoutEquipment", DIFFICULTY, EQUIPMENT_USER),
			new DomainQuestion(AGES_2_4, "walking", "walkingWithEquipment", DIFFICULTY, EQUIPMENT_USER),
			new DomainQuestion(AGES_2_4, "walking", "walkingWithEquipment", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_2_4, "walking", "walkingComparedToPeers", DIFFICULTY, NOT_AN_EQUIPMENT_USER),
			new DomainQuestion(AGES_2_4, "walking", "walkingComparedToPeers", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_2_4, "fineMotor", "fineMotor", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_2_4, "communication", "understandingYou", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_2_4, "communication", "understoodByYou", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_2_4, "learning", "learning", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_2_4, "playing", "playing", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_2_4, "controllingBehaviour", "controllingBehaviour", COMPARISON, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "seeing", "seeing", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "seeing", "seeing", DIFFICULTY, Map.of("usesGlasses", "true")),
			new DomainQuestion(AGES_5_17, "hearing", "hearing", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "hearing", "hearing", DIFFICULTY, Map.of("usesHearingAid", "true")),
			new DomainQuestion(AGES_5_17, "walking", "walking100mWithoutEquipment", DIFFICULTY, EQUIPMENT_USER),
			new DomainQuestion(AGES_5_17, "walking", "walking500mWithoutEquipment", DIFFICULTY, EQUIPMENT_USER),
			new DomainQuestion(AGES_5_17, "walking", "walking100mComparedToPeers", DIFFICULTY, NOT_AN_EQUIPMENT_USER),
			new DomainQuestion(AGES_5_17, "walking", "walking500mComparedToPeers", DIFFICULTY, NOT_AN_EQUIPMENT_USER),
			new DomainQuestion(AGES_5_17, "walking", "walking100mComparedToPeers", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "walking", "walking500mComparedToPeers", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "selfCare", "selfCare", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "communication", "communicationInsideHousehold", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "communication", "communicationOutsideHousehold", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "learning", "learning", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "remembering", "remembering", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "concentrating", "concentrating", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "acceptingChange", "acceptingChange", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "controllingBehaviour", "controllingBehaviour", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "makingFriends", "makingFriends", DIFFICULTY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "anxiety", "anxiety", FREQUENCY, NO_CONTEXT),
			new DomainQuestion(AGES_5_17, "depression", "depression", FREQUENCY, NO_CONTEXT));

	static Stream<Arguments> severeAnswers() {
		return DOMAIN_QUESTIONS.stream()
			.flatMap((dq) -> dq.scale()
				.stream()
				.filter(SEVERE.get(dq.scale())::contains)
				.map((a) -> Arguments.of(dq, a)));
	}

	static Stream<Arguments> milderAnswers() {
		return DOMAIN_QUESTIONS.stream()
			.flatMap((dq) -> dq.scale()
				.stream()
				.filter((a) -> !SEVERE.get(dq.scale()).contains(a))
				.map((a) -> Arguments.of(dq, a)));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("severeAnswers")
	void aSevereAnswerFlagsItsDomainOnly(DomainQuestion dq, String answer) {
		FunctioningResult result = evaluate(dq.group(), dq.context(), dq.question(), answer);
		assertThat(flagged(result)).containsExactly(dq.domain());
		assertThat(result.functionalDifficulty()).isTrue();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("milderAnswers")
	void aMilderAnswerFlagsNothing(DomainQuestion dq, String answer) {
		FunctioningResult result = evaluate(dq.group(), dq.context(), dq.question(), answer);
		assertThat(flagged(result)).isEmpty();
		assertThat(result.functionalDifficulty()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(CfmAgeGroup.class)
	void theCasesAboveCoverEveryDomainAndEveryQuestionThatCounts(CfmAgeGroup group) {
		List<DomainQuestion> cases = DOMAIN_QUESTIONS.stream().filter((dq) -> dq.group() == group).toList();
		assertThat(cases.stream().map(DomainQuestion::domain).distinct()).containsExactlyElementsOf(domains(group));
		Set<String> covered = new LinkedHashSet<>(List.of("usesGlasses", "usesHearingAid", "usesWalkingEquipment"));
		if (group == AGES_5_17) {
			// These are asked but never count; see the walking tests below.
			covered.addAll(List.of("walking100mWithEquipment", "walking500mWithEquipment"));
		}
		cases.forEach((dq) -> covered.add(dq.question()));
		assertThat(covered).containsExactlyInAnyOrderElementsOf(questions(group));
	}

	@Test
	void eachAgeGroupHasItsQuestionsAndDomainsInOrder() {
		assertThat(ChildFunctioning.questions(AGES_2_4)).containsExactlyElementsOf(QUESTIONS_2_4);
		assertThat(ChildFunctioning.questions(AGES_5_17)).containsExactlyElementsOf(QUESTIONS_5_17);
		assertThat(ChildFunctioning.domains(AGES_2_4)).containsExactlyElementsOf(DOMAINS_2_4);
		assertThat(ChildFunctioning.domains(AGES_5_17)).containsExactlyElementsOf(DOMAINS_5_17);
	}

	@ParameterizedTest
	@EnumSource(CfmAgeGroup.class)
	void eachQuestionHasItsAnswerScale(CfmAgeGroup group) {
		for (String question : questions(group)) {
			assertThat(ChildFunctioning.answers(group, question)).as(question)
				.containsExactlyElementsOf(expectedScale(group, question));
		}
	}

	@Test
	void answersAreOnlyForTheQuestionsOfTheAgeGroup() {
		assertThatThrownBy(() -> ChildFunctioning.answers(AGES_5_17, "fineMotor"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ChildFunctioning.answers(AGES_2_4, "anxiety"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ChildFunctioning.answers(AGES_2_4, "swimming"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ChildFunctioning.answers(AGES_2_4, null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theListsCannotBeChanged() {
		assertThatThrownBy(() -> ChildFunctioning.questions(AGES_2_4).add("x"))
			.isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> ChildFunctioning.domains(AGES_2_4).add("x"))
			.isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> ChildFunctioning.answers(AGES_2_4, "seeing").add("x"))
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void ageGroupsAreFoundByTheirLabels() {
		assertThat(CfmAgeGroup.AGES_2_4.label()).isEqualTo("2-4");
		assertThat(CfmAgeGroup.AGES_5_17.label()).isEqualTo("5-17");
		assertThat(CfmAgeGroup.fromLabel("2-4")).isEqualTo(AGES_2_4);
		assertThat(CfmAgeGroup.fromLabel("5-17")).isEqualTo(AGES_5_17);
		assertThat(CfmAgeGroup.fromLabel(" 5-17 ")).isEqualTo(AGES_5_17);
		assertThat(CfmAgeGroup.fromLabel("0-1")).isNull();
		assertThat(CfmAgeGroup.fromLabel("AGES_2_4")).isNull();
		assertThat(CfmAgeGroup.fromLabel("")).isNull();
		assertThat(CfmAgeGroup.fromLabel(null)).isNull();
	}

	// Walking at 5-17

	@ParameterizedTest
	@ValueSource(strings = { "walking100mWithoutEquipment", "walking500mWithoutEquipment" })
	void walkingWithoutEquipmentCountsOnlyForEquipmentUsers(String question) {
		assertThat(walking(EQUIPMENT_USER, question, "CANNOT_DO_AT_ALL")).isTrue();
		assertThat(walking(NOT_AN_EQUIPMENT_USER, question, "CANNOT_DO_AT_ALL")).isFalse();
		assertThat(walking(NO_CONTEXT, question, "CANNOT_DO_AT_ALL")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "walking100mComparedToPeers", "walking500mComparedToPeers" })
	void walkingComparedToPeersCountsOnlyForChildrenWithoutEquipment(String question) {
		assertThat(walking(NOT_AN_EQUIPMENT_USER, question, "A_LOT_OF_DIFFICULTY")).isTrue();
		assertThat(walking(NO_CONTEXT, question, "A_LOT_OF_DIFFICULTY")).isTrue();
		assertThat(walking(EQUIPMENT_USER, question, "A_LOT_OF_DIFFICULTY")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "walking100mWithEquipment", "walking500mWithEquipment" })
	void walkingWithEquipmentNeverCounts(String question) {
		for (Map<String, String> context : List.of(EQUIPMENT_USER, NOT_AN_EQUIPMENT_USER, NO_CONTEXT)) {
			for (String answer : DIFFICULTY) {
				FunctioningResult result = evaluate(AGES_5_17, context, question, answer);
				assertThat(result.functionalDifficulty()).as(context + " " + answer).isFalse();
			}
		}
	}

	@Test
	void anEquipmentUserWhoWalksWellWithoutHelpHasNoDifficultyWhateverElseWasRecorded() {
		Map<String, String> answers = Map.of("usesWalkingEquipment", "true", "walking100mWithoutEquipment",
				"SOME_DIFFICULTY", "walking500mWithoutEquipment", "NO_DIFFICULTY", "walking100mWithEquipment",
				"CANNOT_DO_AT_ALL", "walking500mWithEquipment", "CANNOT_DO_AT_ALL", "walking100mComparedToPeers",
				"CANNOT_DO_AT_ALL", "walking500mComparedToPeers", "CANNOT_DO_AT_ALL");
		assertThat(ChildFunctioning.evaluate(AGES_5_17, answers).functionalDifficulty()).isFalse();
	}

	@Test
	void aChildWithoutEquipmentWhoWalksLikePeersHasNoDifficultyWhateverElseWasRecorded() {
		Map<String, String> answers = Map.of("usesWalkingEquipment", "false", "walking100mWithoutEquipment",
				"CANNOT_DO_AT_ALL", "walking500mWithoutEquipment", "CANNOT_DO_AT_ALL", "walking100mWithEquipment",
				"CANNOT_DO_AT_ALL", "walking500mWithEquipment", "CANNOT_DO_AT_ALL", "walking100mComparedToPeers",
				"NO_DIFFICULTY", "walking500mComparedToPeers", "SOME_DIFFICULTY");
		assertThat(ChildFunctioning.evaluate(AGES_5_17, answers).functionalDifficulty()).isFalse();
	}

	// Missing and unusable answers

	@ParameterizedTest
	@EnumSource(CfmAgeGroup.class)
	void noAnswersMeanNoDifficultyInAnyDomain(CfmAgeGroup group) {
		for (Map<String, String> answers : Arrays.asList(null, Map.<String, String>of())) {
			FunctioningResult result = ChildFunctioning.evaluate(group, answers);
			assertThat(result.domains().keySet()).containsExactlyElementsOf(domains(group));
			assertThat(result.domains().values()).containsOnly(false);
			assertThat(result.functionalDifficulty()).isFalse();
		}
	}

	@ParameterizedTest
	@EnumSource(CfmAgeGroup.class)
	void nullAnswersAreMissing(CfmAgeGroup group) {
		Map<String, String> answers = new HashMap<>();
		questions(group).forEach((question) -> answers.put(question, null));
		answers.put(null, "CANNOT_DO_AT_ALL");
		FunctioningResult result = ChildFunctioning.evaluate(group, answers);
		assertThat(result.domains().values()).containsOnly(false);
		assertThat(result.functionalDifficulty()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "DONT_KNOW", "REFUSED" })
	void dontKnowAndRefusedAreNoDifficulty(String answer) {
		for (CfmAgeGroup group : CfmAgeGroup.values()) {
			for (String usesEquipment : YES_NO) {
				Map<String, String> answers = new HashMap<>();
				questions(group)
					.forEach((question) -> answers.put(question, question.startsWith("uses") ? usesEquipment : answer));
				FunctioningResult result = ChildFunctioning.evaluate(group, answers);
				assertThat(result.domains().keySet()).containsExactlyElementsOf(domains(group));
				assertThat(result.domains().values()).as(group + " " + usesEquipment).containsOnly(false);
				assertThat(result.functionalDifficulty()).isFalse();
			}
		}
	}

	@ParameterizedTest
	@EnumSource(CfmAgeGroup.class)
	void usingGlassesHearingAidsOrWalkingEquipmentIsNoDifficulty(CfmAgeGroup group) {
		FunctioningResult result = ChildFunctioning.evaluate(group,
				Map.of("usesGlasses", "true", "usesHearingAid", "true", "usesWalkingEquipment", "true"));
		assertThat(result.domains().values()).containsOnly(false);
		assertThat(result.functionalDifficulty()).isFalse();
	}

	// Overall

	@Test
	void severalDomainsAreFlaggedTogether() {
		FunctioningResult result = ChildFunctioning.evaluate(AGES_5_17,
				Map.of("seeing", "A_LOT_OF_DIFFICULTY", "hearing", "SOME_DIFFICULTY", "communicationOutsideHousehold",
						"CANNOT_DO_AT_ALL", "anxiety", "DAILY", "depression", "WEEKLY"));
		assertThat(flagged(result)).containsExactly("seeing", "communication", "anxiety");
		assertThat(result.functionalDifficulty()).isTrue();
	}

	@Test
	void aChildWithOnlyMildAnswersHasNoFunctionalDifficulty() {
		FunctioningResult result = ChildFunctioning.evaluate(AGES_2_4,
				Map.of("usesGlasses", "true", "seeing", "SOME_DIFFICULTY", "hearing", "NO_DIFFICULTY",
						"walkingComparedToPeers", "SOME_DIFFICULTY", "fineMotor", "SOME_DIFFICULTY", "understandingYou",
						"SOME_DIFFICULTY", "understoodByYou", "NO_DIFFICULTY", "learning", "DONT_KNOW", "playing",
						"REFUSED", "controllingBehaviour", "MORE"));
		assertThat(result.domains().keySet()).containsExactlyElementsOf(DOMAINS_2_4);
		assertThat(result.domains().values()).containsOnly(false);
		assertThat(result.functionalDifficulty()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(CfmAgeGroup.class)
	void theMostSevereAnswersFlagEveryDomain(CfmAgeGroup group) {
		Map<String, String> answers = new HashMap<>();
		for (String question : questions(group)) {
			List<String> scale = expectedScale(group, question);
			answers.put(question, (scale == YES_NO) ? "true" : SEVERE.get(scale).iterator().next());
		}
		FunctioningResult result = ChildFunctioning.evaluate(group, answers);
		assertThat(flagged(result)).containsExactlyElementsOf(domains(group));
		assertThat(result.functionalDifficulty()).isTrue();
	}

	@Test
	void aResultKeepsTheDomainOrderAndCannotBeChanged() {
		Map<String, Boolean> domains = new LinkedHashMap<>();
		domains.put("walking", true);
		domains.put("seeing", false);
		FunctioningResult result = new FunctioningResult(domains, true);
		domains.put("hearing", true);
		assertThat(result.domains().keySet()).containsExactly("walking", "seeing");
		assertThatThrownBy(() -> result.domains().put("hearing", true))
			.isInstanceOf(UnsupportedOperationException.class);
		FunctioningResult evaluated = ChildFunctioning.evaluate(AGES_2_4, Map.of());
		assertThatThrownBy(() -> evaluated.domains().put("seeing", true))
			.isInstanceOf(UnsupportedOperationException.class);
	}

	// Validation

	@Test
	void anUnknownQuestionIsNamed() {
		assertProblems(AGES_5_17, Map.of("swimming", "NO_DIFFICULTY"),
				tuple("answers.swimming", "validation.functioning.question", List.of("swimming")));
	}

	@Test
	void aQuestionOfTheOtherAgeGroupIsUnknown() {
		assertProblems(AGES_5_17, Map.of("fineMotor", "NO_DIFFICULTY"),
				tuple("answers.fineMotor", "validation.functioning.question", List.of("fineMotor")));
		assertProblems(AGES_5_17, Map.of("walkingComparedToPeers", "CANNOT_DO_AT_ALL"),
				tuple("answers.walkingComparedToPeers", "validation.functioning.question",
						List.of("walkingComparedToPeers")));
		assertProblems(AGES_2_4, Map.of("anxiety", "DAILY"),
				tuple("answers.anxiety", "validation.functioning.question", List.of("anxiety")));
	}

	@Test
	void anAnswerFromAnotherScaleIsNamed() {
		assertProblems(AGES_5_17, Map.of("seeing", "DAILY"),
				tuple("answers.seeing", "validation.functioning.answer", List.of("seeing", "DAILY")));
		assertProblems(AGES_5_17, Map.of("controllingBehaviour", "A_LOT_MORE"), tuple("answers.controllingBehaviour",
				"validation.functioning.answer", List.of("controllingBehaviour", "A_LOT_MORE")));
		assertProblems(AGES_2_4, Map.of("controllingBehaviour", "A_LOT_OF_DIFFICULTY"),
				tuple("answers.controllingBehaviour", "validation.functioning.answer",
						List.of("controllingBehaviour", "A_LOT_OF_DIFFICULTY")));
		assertProblems(AGES_5_17, Map.of("anxiety", "CANNOT_DO_AT_ALL"),
				tuple("answers.anxiety", "validation.functioning.answer", List.of("anxiety", "CANNOT_DO_AT_ALL")));
		assertProblems(AGES_2_4, Map.of("usesGlasses", "DONT_KNOW"),
				tuple("answers.usesGlasses", "validation.functioning.answer", List.of("usesGlasses", "DONT_KNOW")));
		assertProblems(AGES_2_4, Map.of("hearing", "true"),
				tuple("answers.hearing", "validation.functioning.answer", List.of("hearing", "true")));
	}

	@Test
	void answerCodesAreExact() {
		assertProblems(AGES_5_17, Map.of("seeing", "a_lot_of_difficulty"),
				tuple("answers.seeing", "validation.functioning.answer", List.of("seeing", "a_lot_of_difficulty")));
		assertProblems(AGES_5_17, Map.of("usesGlasses", "yes"),
				tuple("answers.usesGlasses", "validation.functioning.answer", List.of("usesGlasses", "yes")));
		assertProblems(AGES_5_17, Map.of("learning", ""),
				tuple("answers.learning", "validation.functioning.answer", List.of("learning", "")));
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("seeing", "CANNOT_DO_AT_ALL");
		answers.put("swimming", "NO_DIFFICULTY");
		answers.put("anxiety", "A_LOT_MORE");
		answers.put("usesWalkingEquipment", "maybe");
		answers.put("hearing", null);
		assertProblems(AGES_5_17, answers,
				tuple("answers.swimming", "validation.functioning.question", List.of("swimming")),
				tuple("answers.anxiety", "validation.functioning.answer", List.of("anxiety", "A_LOT_MORE")),
				tuple("answers.usesWalkingEquipment", "validation.functioning.answer",
						List.of("usesWalkingEquipment", "maybe")));
	}

	@Test
	void anUnknownAgeGroupIsNamed() {
		assertProblems(null, Map.of("seeing", "CANNOT_DO_AT_ALL"),
				tuple("ageGroup", "validation.functioning.ageGroup", List.of()));
		assertProblems(null, null, tuple("ageGroup", "validation.functioning.ageGroup", List.of()));
		assertProblems(CfmAgeGroup.fromLabel("0-1"), Map.of(),
				tuple("ageGroup", "validation.functioning.ageGroup", List.of()));
	}

	// Helpers

	static FunctioningResult evaluate(CfmAgeGroup group, Map<String, String> context, String question, String answer) {
		Map<String, String> answers = new HashMap<>(context);
		answers.put(question, answer);
		return ChildFunctioning.evaluate(group, answers);
	}

	static boolean walking(Map<String, String> context, String question, String answer) {
		return evaluate(AGES_5_17, context, question, answer).domains().get("walking");
	}

	static List<String> flagged(FunctioningResult result) {
		return result.domains().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
	}

	static List<String> questions(CfmAgeGroup group) {
		return (group == AGES_2_4) ? QUESTIONS_2_4 : QUESTIONS_5_17;
	}

	static List<String> domains(CfmAgeGroup group) {
		return (group == AGES_2_4) ? DOMAINS_2_4 : DOMAINS_5_17;
	}

	static List<String> expectedScale(CfmAgeGroup group, String question) {
		if (question.startsWith("uses")) {
			return YES_NO;
		}
		if (group == AGES_5_17 && (question.equals("anxiety") || question.equals("depression"))) {
			return FREQUENCY;
		}
		if (group == AGES_2_4 && question.equals("controllingBehaviour")) {
			return COMPARISON;
		}
		return DIFFICULTY;
	}

	static void assertProblems(CfmAgeGroup group, Map<String, String> answers, Tuple... problems) {
		assertThatThrownBy(() -> ChildFunctioning.evaluate(group, answers))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.problems()).extracting(InvalidInputException.Problem::field,
							InvalidInputException.Problem::messageKey, InvalidInputException.Problem::arguments)
						.containsExactlyInAnyOrder(problems));
	}

}
