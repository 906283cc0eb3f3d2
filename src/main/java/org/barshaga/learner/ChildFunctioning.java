package org.barshaga.learner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.barshaga.kernel.InvalidInputException;

/**
 * Evaluates the UNICEF / Washington Group Child Functioning Module (CFM) with the
 * tabulation used for MICS6: a domain is a functional difficulty when one of its
 * questions has a severe answer ("a lot of difficulty", "cannot do at all"; "daily" for
 * anxiety and depression; "a lot more" for controlling behaviour at 2-4), and a child has
 * a functional difficulty when at least one domain is one. Missing, "don't know" and
 * "refused" answers count as no difficulty, so a partial interview never invents one.
 */
public final class ChildFunctioning {

	private static final String USES_WALKING_EQUIPMENT = "usesWalkingEquipment";

	/** Each answer scale with the answers that make a question count as a difficulty. */
	private enum Scale {

		// Glasses, hearing aid and walking equipment only say how a question was asked.
		YES_NO(List.of("true", "false"), Set.of()),

		DIFFICULTY(List.of("NO_DIFFICULTY", "SOME_DIFFICULTY", "A_LOT_OF_DIFFICULTY", "CANNOT_DO_AT_ALL", "DONT_KNOW",
				"REFUSED"), Set.of("A_LOT_OF_DIFFICULTY", "CANNOT_DO_AT_ALL")),

		FREQUENCY(List.of("DAILY", "WEEKLY", "MONTHLY", "FEW_TIMES_A_YEAR", "NEVER", "DONT_KNOW", "REFUSED"),
				Set.of("DAILY")),

		COMPARISON(List.of("NOT_AT_ALL", "LESS", "THE_SAME", "MORE", "A_LOT_MORE", "DONT_KNOW", "REFUSED"),
				Set.of("A_LOT_MORE"));

		private final List<String> answers;

		private final Set<String> severe;

		Scale(List<String> answers, Set<String> severe) {
			this.answers = answers;
			this.severe = severe;
		}

		boolean isSevere(String answer) {
			// A missing answer is no difficulty (and Set.of rejects null even here).
			return answer != null && severe.contains(answer);
		}

	}

	/**
	 * A domain and the questions that decide it. Only walking at 5-17 asks different
	 * questions of children who use walking equipment; for every other domain both lists
	 * are the same.
	 */
	private record Domain(String key, List<String> questions, List<String> questionsForEquipmentUsers) {

		static Domain of(String key, String... questions) {
			return new Domain(key, List.of(questions), List.of(questions));
		}

		List<String> questions(boolean usesWalkingEquipment) {
			return usesWalkingEquipment ? questionsForEquipmentUsers : questions;
		}

	}

	private record Question(String key, Scale scale) {

	}

	/**
	 * One age version of the module: its questions in order, and its domains in order.
	 */
	private record Module(Map<String, Scale> questions, List<Domain> domains) {

		static Module of(List<Question> questions, List<Domain> domains) {
			Map<String, Scale> scales = new LinkedHashMap<>();
			questions.forEach((question) -> scales.put(question.key(), question.scale()));
			return new Module(Collections.unmodifiableMap(scales), domains);
		}

	}

	private static final Module AGES_2_4 = Module.of(
			List.of(yesNo("usesGlasses"), difficulty("seeing"), yesNo("usesHearingAid"), difficulty("hearing"),
					yesNo(USES_WALKING_EQUIPMENT), difficulty("walkingWithoutEquipment"),
					difficulty("walkingWithEquipment"), difficulty("walkingComparedToPeers"), difficulty("fineMotor"),
					difficulty("understandingYou"), difficulty("understoodByYou"), difficulty("learning"),
					difficulty("playing"), new Question("controllingBehaviour", Scale.COMPARISON)),
			List.of(Domain.of("seeing", "seeing"), Domain.of("hearing", "hearing"),
					// The questionnaire skips the walking questions that do not apply, so
					// any answered one may show the difficulty.
					Domain.of("walking", "walkingWithoutEquipment", "walkingWithEquipment", "walkingComparedToPeers"),
					Domain.of("fineMotor", "fineMotor"),
					Domain.of("communication", "understandingYou", "understoodByYou"),
					Domain.of("learning", "learning"), Domain.of("playing", "playing"),
					Domain.of("controllingBehaviour", "controllingBehaviour")));

	private static final Module AGES_5_17 = Module.of(
			List.of(yesNo("usesGlasses"), difficulty("seeing"), yesNo("usesHearingAid"), difficulty("hearing"),
					yesNo(USES_WALKING_EQUIPMENT), difficulty("walking100mWithoutEquipment"),
					difficulty("walking500mWithoutEquipment"), difficulty("walking100mWithEquipment"),
					difficulty("walking500mWithEquipment"), difficulty("walking100mComparedToPeers"),
					difficulty("walking500mComparedToPeers"), difficulty("selfCare"),
					difficulty("communicationInsideHousehold"), difficulty("communicationOutsideHousehold"),
					difficulty("learning"), difficulty("remembering"), difficulty("concentrating"),
					difficulty("acceptingChange"), difficulty("controllingBehaviour"), difficulty("makingFriends"),
					new Question("anxiety", Scale.FREQUENCY), new Question("depression", Scale.FREQUENCY)),
			List.of(Domain.of("seeing", "seeing"), Domain.of("hearing", "hearing"),
					// The tabulation measures walking without help: for equipment users
					// the questions without it, for others the comparison with peers.
					// The questions with equipment are asked but never count.
					new Domain("walking", List.of("walking100mComparedToPeers", "walking500mComparedToPeers"),
							List.of("walking100mWithoutEquipment", "walking500mWithoutEquipment")),
					Domain.of("selfCare", "selfCare"),
					Domain.of("communication", "communicationInsideHousehold", "communicationOutsideHousehold"),
					Domain.of("learning", "learning"), Domain.of("remembering", "remembering"),
					Domain.of("concentrating", "concentrating"), Domain.of("acceptingChange", "acceptingChange"),
					Domain.of("controllingBehaviour", "controllingBehaviour"),
					Domain.of("makingFriends", "makingFriends"), Domain.of("anxiety", "anxiety"),
					Domain.of("depression", "depression")));

	private ChildFunctioning() {
	}

	public static List<String> questions(CfmAgeGroup group) {
		return List.copyOf(module(group).questions().keySet());
	}

	public static List<String> answers(CfmAgeGroup group, String question) {
		Scale scale = module(group).questions().get(question);
		if (scale == null) {
			throw new IllegalArgumentException("Not a question for ages " + group.label() + ": " + question);
		}
		return scale.answers;
	}

	public static List<String> domains(CfmAgeGroup group) {
		return module(group).domains().stream().map(Domain::key).toList();
	}

	/**
	 * Checks the answers against the questions of the age group and evaluates them.
	 * @param group the age version the answers were given in
	 * @param answers answer codes by question key; a null map or a null answer is missing
	 * @return the domains with a difficulty and whether there is at least one
	 * @throws InvalidInputException naming every unknown question and answer
	 */
	public static FunctioningResult evaluate(CfmAgeGroup group, Map<String, String> answers) {
		Map<String, String> given = present(answers);
		validate(group, given);
		Module module = module(group);
		boolean usesWalkingEquipment = "true".equals(given.get(USES_WALKING_EQUIPMENT));
		Map<String, Boolean> domains = new LinkedHashMap<>();
		for (Domain domain : module.domains()) {
			List<String> questions = domain.questions(usesWalkingEquipment);
			domains.put(domain.key(), questions.stream()
				.anyMatch((question) -> module.questions().get(question).isSevere(given.get(question))));
		}
		return new FunctioningResult(domains, domains.containsValue(true));
	}

	private static void validate(CfmAgeGroup group, Map<String, String> answers) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (group == null) {
			// Without an age group the questions are unknown, so nothing else can be
			// checked.
			problems.add("ageGroup", "validation.functioning.ageGroup");
		}
		else {
			Map<String, Scale> questions = module(group).questions();
			answers.forEach((question, answer) -> {
				Scale scale = questions.get(question);
				if (scale == null) {
					problems.add("answers." + question, "validation.functioning.question", question);
				}
				else if (!scale.answers.contains(answer)) {
					problems.add("answers." + question, "validation.functioning.answer", question, answer);
				}
			});
		}
		problems.throwIfAny();
	}

	/**
	 * The answers that were given, in the caller's order; null keys and values are
	 * missing.
	 */
	private static Map<String, String> present(Map<String, String> answers) {
		Map<String, String> given = new LinkedHashMap<>();
		if (answers != null) {
			answers.forEach((question, answer) -> {
				if (question != null && answer != null) {
					given.put(question, answer);
				}
			});
		}
		return given;
	}

	private static Module module(CfmAgeGroup group) {
		return switch (Objects.requireNonNull(group, "group")) {
			case AGES_2_4 -> AGES_2_4;
			case AGES_5_17 -> AGES_5_17;
		};
	}

	private static Question yesNo(String key) {
		return new Question(key, Scale.YES_NO);
	}

	private static Question difficulty(String key) {
		return new Question(key, Scale.DIFFICULTY);
	}

}
