package org.barshaga.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Answers to the UNICEF / Washington Group Child Functioning Module for a learner with
 * SEN: every question answered with the codes of the learner module (copied here as data,
 * as the generator depends on the kernel only), mostly without difficulty, with
 * difficulties in the domains of the learner's SEN categories, so that about 70% of the
 * assessed learners have a functional difficulty.
 */
final class FunctioningAnswers {

	/** Share of learners with a functioning profile. */
	static final double ASSESSED = 0.4;

	static final String AGES_2_4 = "AGES_2_4";

	static final String AGES_5_17 = "AGES_5_17";

	private static final String USES_WALKING_EQUIPMENT = "usesWalkingEquipment";

	/** An answer scale: its codes, and the code for each level 0-3 of difficulty. */
	private enum Kind {

		YES_NO(List.of("true", "false")),

		DIFFICULTY(List.of("NO_DIFFICULTY", "SOME_DIFFICULTY", "A_LOT_OF_DIFFICULTY", "CANNOT_DO_AT_ALL", "DONT_KNOW",
				"REFUSED")),

		FREQUENCY(List.of("DAILY", "WEEKLY", "MONTHLY", "FEW_TIMES_A_YEAR", "NEVER", "DONT_KNOW", "REFUSED")),

		COMPARISON(List.of("NOT_AT_ALL", "LESS", "THE_SAME", "MORE", "A_LOT_MORE", "DONT_KNOW", "REFUSED"));

		final List<String> answers;

		Kind(List<String> answers) {
			this.answers = answers;
		}

	}

	private record Question(String key, Kind kind) {
	}

	private static final Question[] QUESTIONS_2_4 = { yesNo("usesGlasses"), difficulty("seeing"),
			yesNo("usesHearingAid"), difficulty("hearing"), yesNo(USES_WALKING_EQUIPMENT),
			difficulty("walkingWithoutEquipment"), difficulty("walkingWithEquipment"),
			difficulty("walkingComparedToPeers"), difficulty("fineMotor"), difficulty("understandingYou"),
			difficulty("understoodByYou"), difficulty("learning"), difficulty("playing"),
			new Question("controllingBehaviour", Kind.COMPARISON) };

	private static final Question[] QUESTIONS_5_17 = { yesNo("usesGlasses"), difficulty("seeing"),
			yesNo("usesHearingAid"), difficulty("hearing"), yesNo(USES_WALKING_EQUIPMENT),
			difficulty("walking100mWithoutEquipment"), difficulty("walking500mWithoutEquipment"),
			difficulty("walking100mWithEquipment"), difficulty("walking500mWithEquipment"),
			difficulty("walking100mComparedToPeers"), difficulty("walking500mComparedToPeers"), difficulty("selfCare"),
			difficulty("communicationInsideHousehold"), difficulty("communicationOutsideHousehold"),
			difficulty("learning"), difficulty("remembering"), difficulty("concentrating"),
			difficulty("acceptingChange"), difficulty("controllingBehaviour"), difficulty("makingFriends"),
			new Question("anxiety", Kind.FREQUENCY), new Question("depression", Kind.FREQUENCY) };

	private final SplittableRandom random;

	private final StringBuilder text = new StringBuilder(1024);

	/** Level of difficulty by question of the current answers: -1 don't know, 0-3. */
	private final int[] levels = new int[QUESTIONS_5_17.length];

	private Question[] questions;

	private boolean equipment;

	FunctioningAnswers(SplittableRandom random) {
		this.random = random;
	}

	/** The question keys of an age group, in the order of the module. */
	static List<String> questions(String group) {
		return Arrays.stream(module(group)).map(Question::key).toList();
	}

	/** The answer codes of a question of an age group. */
	static List<String> answers(String group, String question) {
		for (Question q : module(group)) {
			if (q.key().equals(question)) {
				return q.kind().answers;
			}
		}
		throw new IllegalArgumentException(question);
	}

	/**
	 * Writes the learner's functioning row with about {@link #ASSESSED} chance: assessed
	 * within the year after the conclusion, not after the census date, at ages 2-17.
	 * @param categories the SEN categories of the conclusion, the primary first
	 */
	void learner(CsvFile file, String iin, LocalDate birth, LocalDate concluded, LocalDate censusDate,
			String... categories) {
		if (random.nextDouble() >= ASSESSED) {
			return;
		}
		LocalDate latest = concluded.plusYears(1).isBefore(censusDate) ? concluded.plusYears(1) : censusDate;
		long span = Math.max(0, ChronoUnit.DAYS.between(concluded, latest));
		LocalDate assessed = concluded.plusDays(random.nextLong(span + 1));
		long age = ChronoUnit.YEARS.between(birth, assessed);
		if (age < 2 || age > 17) {
			return;
		}
		String group = age <= 4 ? AGES_2_4 : AGES_5_17;
		answer(group, categories);
		file.text(iin).date(assessed).text(group).text(text.toString()).endRow();
	}

	private void answer(String group, String[] categories) {
		questions = module(group);
		equipment = false;
		for (int i = 0; i < questions.length; i++) {
			double draw = random.nextDouble();
			levels[i] = draw < 0.86 ? 0 : draw < 0.985 ? 1 : draw < 0.997 ? -1 : 2;
		}
		boolean glasses = random.nextDouble() < 0.06;
		boolean hearingAid = false;
		for (String category : categories) {
			switch (category) {
				case "HEARING" -> {
					raise(severe(0.9), "hearing");
					hearingAid = random.nextDouble() < 0.5;
					raise(chance(0.4), "understandingYou", "understoodByYou", "communicationOutsideHousehold");
				}
				case "VISION" -> {
					raise(severe(0.85), "seeing");
					glasses = random.nextDouble() < 0.7;
				}
				case "SPEECH" -> {
					raise(severe(0.5), "understoodByYou", "communicationOutsideHousehold");
					raise(chance(0.5), "communicationInsideHousehold");
					raise(chance(0.3), "understandingYou", "learning");
				}
				case "DEVELOPMENTAL_DELAY" -> {
					raise(severe(0.45), "learning");
					raise(severe(0.25), "concentrating", "remembering");
					raise(chance(0.4), "understoodByYou", "communicationOutsideHousehold", "playing");
				}
				case "INTELLECTUAL" -> {
					raise(severe(0.85), "learning");
					raise(severe(0.6), "remembering");
					raise(severe(0.2), "selfCare", "understandingYou", "communicationOutsideHousehold");
				}
				case "AUTISM" -> {
					raise(severe(0.7), "makingFriends", "playing");
					raise(severe(0.5), "acceptingChange");
					raise(severe(0.3), "controllingBehaviour", "understoodByYou", "communicationOutsideHousehold");
				}
				case "MOTOR" -> motor(0.45, 0.55);
				case "EMOTIONAL_BEHAVIOURAL" -> {
					raise(severe(0.5), "controllingBehaviour");
					raise(severe(0.35), "anxiety");
					raise(severe(0.2), "depression");
					raise(chance(0.5), "makingFriends", "concentrating", "playing");
				}
				case "SOMATIC" -> {
					raise(severe(0.15), "walking500mComparedToPeers", "walkingComparedToPeers");
					raise(chance(0.4), "anxiety", "concentrating");
				}
				case "MULTIPLE" -> {
					raise(severe(0.85), "learning");
					raise(severe(0.5), "remembering", "selfCare", "understandingYou", "understoodByYou",
							"communicationOutsideHousehold");
					double draw = random.nextDouble();
					if (draw < 0.5) {
						motor(0.6, 0.8);
					}
					else if (draw < 0.75) {
						raise(severe(0.8), "hearing");
						hearingAid = random.nextDouble() < 0.4;
					}
					else {
						raise(severe(0.8), "seeing");
						glasses = random.nextDouble() < 0.5;
					}
				}
				default -> {
				}
			}
		}
		walking();
		text.setLength(0);
		for (int i = 0; i < questions.length; i++) {
			Question question = questions[i];
			if (i > 0) {
				text.append('|');
			}
			text.append(question.key()).append('=');
			text.append(switch (question.key()) {
				case "usesGlasses" -> glasses;
				case "usesHearingAid" -> hearingAid;
				case USES_WALKING_EQUIPMENT -> equipment;
				default -> code(question.kind(), levels[i]);
			});
		}
	}

	/** Walking (and fine motor at 2-4, self-care at 5-17) for a motor impairment. */
	private void motor(double usesEquipment, double severeWalking) {
		if (random.nextDouble() < usesEquipment) {
			equipment = true;
			raise(2 + random.nextInt(2), "walkingWithoutEquipment", "walking100mWithoutEquipment",
					"walking500mWithoutEquipment");
			raise(1 + random.nextInt(2), "walkingWithEquipment", "walking100mWithEquipment",
					"walking500mWithEquipment");
			raise(2, "walkingComparedToPeers", "walking100mComparedToPeers", "walking500mComparedToPeers");
		}
		else {
			raise(severe(severeWalking), "walkingComparedToPeers", "walking500mComparedToPeers");
			raise(chance(0.5), "walking100mComparedToPeers");
		}
		raise(severe(0.3), "fineMotor", "selfCare");
	}

	/**
	 * Makes the walking answers agree: without equipment the questions with and without
	 * it are answered as the comparison with peers; walking 500 m is never easier than
	 * 100 m.
	 */
	private void walking() {
		if (!equipment) {
			int peers = Math.max(level("walkingComparedToPeers"), level("walking100mComparedToPeers"));
			set("walkingWithoutEquipment", peers);
			set("walkingWithEquipment", peers);
			set("walking100mWithoutEquipment", level("walking100mComparedToPeers"));
			set("walking100mWithEquipment", level("walking100mComparedToPeers"));
			set("walking500mWithoutEquipment", level("walking500mComparedToPeers"));
			set("walking500mWithEquipment", level("walking500mComparedToPeers"));
		}
		raise(level("walking100mWithoutEquipment"), "walking500mWithoutEquipment");
		raise(level("walking100mWithEquipment"), "walking500mWithEquipment");
		raise(level("walking100mComparedToPeers"), "walking500mComparedToPeers");
	}

	/** A severe level (2-3) with the given chance, else some difficulty. */
	private int severe(double chance) {
		if (random.nextDouble() < chance) {
			return random.nextDouble() < 0.75 ? 2 : 3;
		}
		return 1;
	}

	/** Some difficulty with the given chance, else none. */
	private int chance(double chance) {
		return random.nextDouble() < chance ? 1 : 0;
	}

	/** Raises the questions of the current age group that exist to at least the level. */
	private void raise(int level, String... keys) {
		for (String key : keys) {
			int i = index(key);
			if (i >= 0 && levels[i] < level) {
				levels[i] = level;
			}
		}
	}

	private void set(String key, int level) {
		int i = index(key);
		if (i >= 0) {
			levels[i] = level;
		}
	}

	private int level(String key) {
		int i = index(key);
		return i >= 0 ? Math.max(0, levels[i]) : 0;
	}

	private int index(String key) {
		for (int i = 0; i < questions.length; i++) {
			if (questions[i].key().equals(key)) {
				return i;
			}
		}
		return -1;
	}

	private String code(Kind kind, int level) {
		if (level < 0) {
			return "DONT_KNOW";
		}
		return switch (kind) {
			case DIFFICULTY -> kind.answers.get(level);
			case FREQUENCY -> level == 0 ? (random.nextDouble() < 0.7 ? "NEVER" : "FEW_TIMES_A_YEAR")
					: level == 1 ? (random.nextDouble() < 0.6 ? "MONTHLY" : "WEEKLY") : "DAILY";
			case COMPARISON ->
				level == 0 ? (random.nextDouble() < 0.85 ? "THE_SAME" : "LESS") : level == 1 ? "MORE" : "A_LOT_MORE";
			case YES_NO -> "false";
		};
	}

	private static Question[] module(String group) {
		return switch (group) {
			case AGES_2_4 -> QUESTIONS_2_4;
			case AGES_5_17 -> QUESTIONS_5_17;
			default -> throw new IllegalArgumentException(group);
		};
	}

	private static Question yesNo(String key) {
		return new Question(key, Kind.YES_NO);
	}

	private static Question difficulty(String key) {
		return new Question(key, Kind.DIFFICULTY);
	}

}
