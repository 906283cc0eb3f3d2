package org.barshaga.network;

import java.util.LinkedHashMap;
import java.util.Map;

import org.barshaga.kernel.InvalidInputException;

/** What a practice must hold before it is saved, each problem against its field. */
final class PracticeRules {

	static final int SHORT = 1000;

	static final int MEDIUM = 2000;

	static final int LONG = 4000;

	static final int LONGEST = 8000;

	private PracticeRules() {
	}

	static PracticeDraft check(PracticeDraft d) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (d.language() == null || !Practices.LANGUAGES.contains(d.language())) {
			problems.add("practiceLanguage", "validation.required");
		}
		String title = text(d.title(), "practiceTitle", Practices.TITLE_LIMIT, true, problems);
		String problem = text(d.problem(), "problem", LONG, true, problems);
		if (d.barriers().isEmpty()) {
			problems.add("barriers", "validation.practice.barriers");
		}
		if (d.categories().isEmpty()) {
			problems.add("categories", "validation.support.categories");
		}
		String whatDone = text(d.whatDone(), "whatDone", LONGEST, true, problems);
		String forWhom = text(d.forWhom(), "forWhom", MEDIUM, true, problems);
		String staff = text(d.staffNeeded(), "staffNeeded", SHORT, false, problems);
		String time = text(d.timeNeeded(), "timeNeeded", SHORT, false, problems);
		String cost = text(d.costNeeded(), "costNeeded", SHORT, false, problems);
		String materials = text(d.materials(), "materials", SHORT, false, problems);
		String results = text(d.results(), "results", LONG, true, problems);
		problems.throwIfAny();
		return new PracticeDraft(d.language(), title, problem, d.barriers(), d.categories(), whatDone, forWhom, staff,
				time, cost, materials, results);
	}

	static Map<String, Object> audited(PracticeDraft d) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("language", d.language());
		fields.put("title", d.title());
		fields.put("problem", d.problem());
		fields.put("barriers", d.barriers().stream().map(Enum::name).sorted().toList());
		fields.put("categories", d.categories().stream().map(Enum::name).sorted().toList());
		fields.put("whatDone", d.whatDone());
		fields.put("forWhom", d.forWhom());
		fields.put("staffNeeded", d.staffNeeded());
		fields.put("timeNeeded", d.timeNeeded());
		fields.put("costNeeded", d.costNeeded());
		fields.put("materials", d.materials());
		fields.put("results", d.results());
		return fields;
	}

	/** The text stripped, or none when empty; a problem when required or too long. */
	private static String text(String value, String field, int limit, boolean required,
			InvalidInputException.Collector problems) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(field, "validation.required");
			}
			return null;
		}
		String clean = value.strip();
		if (clean.length() > limit) {
			problems.add(field, "validation.tooLong", limit);
		}
		return clean;
	}

}
