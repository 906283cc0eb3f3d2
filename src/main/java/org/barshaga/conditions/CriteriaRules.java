package org.barshaga.conditions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.barshaga.kernel.Decimals;
import org.barshaga.kernel.InvalidInputException;

/**
 * The rules of a criteria set, written one per line so that an administrator can read and
 * change them:
 *
 * <pre>
 * step_free_entrance: item.STEP_FREE_ENTRANCE &gt;= 1
 * support_staff: support_fte_per_10_learners &gt;= 1 when learners_with_sen &gt; 0
 * adapted_materials: any(BRAILLE_TEXTBOOKS, ENLARGED_PRINT, AUDIO_MATERIALS)
 * adapted_infrastructure: all(STEP_FREE_ENTRANCE, DOOR_WIDTHS, ACCESSIBLE_TOILET)
 * </pre>
 *
 * A comparison names a field of {@link SchoolFacts}; {@code all(...)} needs every item
 * present (or not applicable), {@code any(...)} at least one present. A rule with
 * {@code when} applies only to schools meeting that condition. Lines starting with # are
 * comments.
 */
public final class CriteriaRules {

	private static final Pattern LINE = Pattern.compile("([a-z][a-z0-9_]{0,39})\\s*:\\s*(.+?)(?:\\s+when\\s+(.+))?");

	private static final Pattern COMPARISON = Pattern.compile("([a-zA-Z0-9_.]+)\\s*(>=|<=|>|<|=)\\s*(\\S+)");

	private static final Pattern LIST = Pattern.compile("(all|any)\\(([^)]*)\\)");

	private CriteriaRules() {
	}

	/** A rule: a comparison or an all/any over survey items, perhaps with a condition. */
	public record Rule(String id, Comparison comparison, String listKind, List<ConditionItem> items, Comparison when) {
	}

	public record Comparison(String field, String operator, BigDecimal threshold) {

		boolean holds(BigDecimal value) {
			int order = value.compareTo(threshold);
			return switch (operator) {
				case ">=" -> order >= 0;
				case "<=" -> order <= 0;
				case ">" -> order > 0;
				case "<" -> order < 0;
				default -> order == 0;
			};
		}

		String text() {
			return field + " " + operator + " " + threshold.toPlainString();
		}

	}

	/** A rule a school fails, the value that failed it and what was required. */
	public record Failure(String rule, Object value, Object threshold, String requirement) {
	}

	/**
	 * Reads rules; every line that cannot be read is reported, with its number, as a
	 * problem of the field {@code rules}.
	 */
	public static List<Rule> parse(String text) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		List<Rule> rules = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int n = 0; n < lines.length; n++) {
			String line = lines[n].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int number = n + 1;
			Matcher matcher = LINE.matcher(line);
			if (!matcher.matches()) {
				problems.add("rules", "validation.criteria.syntax", number);
				continue;
			}
			String id = matcher.group(1);
			if (!ids.add(id)) {
				problems.add("rules", "validation.criteria.duplicate", number, id);
			}
			Comparison when = matcher.group(3) == null ? null : comparison(matcher.group(3), number, problems);
			Matcher list = LIST.matcher(matcher.group(2).strip());
			if (list.matches()) {
				List<ConditionItem> items = new ArrayList<>();
				for (String name : list.group(2).split(",")) {
					try {
						items.add(ConditionItem.valueOf(name.strip()));
					}
					catch (IllegalArgumentException unknown) {
						problems.add("rules", "validation.criteria.item", number, name.strip());
					}
				}
				if (items.isEmpty()) {
					problems.add("rules", "validation.criteria.syntax", number);
				}
				rules.add(new Rule(id, null, list.group(1), List.copyOf(items), when));
			}
			else {
				rules.add(new Rule(id, comparison(matcher.group(2), number, problems), null, List.of(), when));
			}
		}
		if (rules.isEmpty()) {
			problems.add("rules", "validation.criteria.empty");
		}
		problems.throwIfAny();
		return List.copyOf(rules);
	}

	private static Comparison comparison(String text, int line, InvalidInputException.Collector problems) {
		Matcher matcher = COMPARISON.matcher(text.strip());
		if (!matcher.matches()) {
			problems.add("rules", "validation.criteria.syntax", line);
			return null;
		}
		if (!SchoolFacts.isField(matcher.group(1))) {
			problems.add("rules", "validation.criteria.field", line, matcher.group(1));
		}
		BigDecimal threshold = Decimals.parse(matcher.group(3));
		if (threshold == null || matcher.group(3).contains(",")) {
			problems.add("rules", "validation.criteria.threshold", line, matcher.group(3));
			return null;
		}
		return new Comparison(matcher.group(1), matcher.group(2), threshold);
	}

	/** The rules the school fails, in the order of the set. */
	public static List<Failure> failures(List<Rule> rules, SchoolFacts facts) {
		List<Failure> failures = new ArrayList<>();
		for (Rule rule : rules) {
			if (rule.when() != null) {
				BigDecimal condition = facts.value(rule.when().field());
				if (condition == null || !rule.when().holds(condition)) {
					continue;
				}
			}
			if (rule.listKind() != null) {
				List<ConditionItem> missing = rule.items()
					.stream()
					.filter(item -> facts.items().get(item) != ItemStatus.PRESENT
							&& facts.items().get(item) != ItemStatus.NOT_APPLICABLE)
					.toList();
				boolean met = rule.listKind().equals("all") ? missing.isEmpty()
						: rule.items().stream().anyMatch(item -> facts.items().get(item) == ItemStatus.PRESENT);
				if (!met) {
					String requirement = rule.listKind() + "("
							+ String.join(", ", rule.items().stream().map(Enum::name).toList()) + ")";
					failures.add(new Failure(rule.id(), missing.stream().map(Enum::name).toList(), rule.listKind(),
							requirement));
				}
				continue;
			}
			Comparison comparison = rule.comparison();
			if (facts.notApplicable(comparison.field())) {
				continue;
			}
			BigDecimal value = facts.value(comparison.field());
			if (value == null || !comparison.holds(value)) {
				failures.add(new Failure(rule.id(), value, comparison.threshold(), comparison.text()));
			}
		}
		return failures;
	}

}
