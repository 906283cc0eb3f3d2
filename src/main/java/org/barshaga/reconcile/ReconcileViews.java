package org.barshaga.reconcile;

import java.text.Collator;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.Organisations;

import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the reconciliation pages show, in the page's language: runs, the counts of each
 * place, the lists of children, the fitted model and the evidence of a pair. Everything
 * here is text ready for a template; the pages never see the repository's rows.
 */
final class ReconcileViews {

	/** The outcomes in the order of the table columns. */
	static final List<ReconcileOutcome> OUTCOMES = List.of(ReconcileOutcome.values());

	/** The outcomes whose child is in a school's enrolment. */
	static final List<ReconcileOutcome> ENROLLED = List.of(ReconcileOutcome.SUPPORTED, ReconcileOutcome.NO_SEN_RECORD,
			ReconcileOutcome.NO_SUPPORT);

	private static final Pattern MODEL_LINE = Pattern.compile("(\\w+):(\\w+) m=(\\S+) u=(\\S+)");

	private final MessageSource messages;

	private final Locale locale;

	private final Places places;

	ReconcileViews(AdminUnits units, Organisations organisations, MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
		this.places = new Places(units, organisations, messages, locale);
	}

	Places places() {
		return places;
	}

	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	/** An outcome as a column or a choice: its code, its label and what it means. */
	record OutcomeView(String code, String labelKey, String hintKey) {

		static OutcomeView of(ReconcileOutcome outcome) {
			return new OutcomeView(outcome.name(), outcome.messageKey(), outcome.messageKey() + ".hint");
		}

	}

	static List<OutcomeView> outcomes() {
		return OUTCOMES.stream().map(OutcomeView::of).toList();
	}

	/** An option of a select. */
	record Choice(String value, String label, boolean selected) {
	}

	/**
	 * The school years a page offers: next year and the five before the current one, with
	 * the chosen year added when it lies outside them.
	 */
	static List<Choice> years(int current, int chosen) {
		List<Integer> years = new ArrayList<>();
		for (int year = current + 1; year >= current - 5; year--) {
			years.add(year);
		}
		if (!years.contains(chosen)) {
			years.add(chosen);
			years.sort(Comparator.reverseOrder());
		}
		return years.stream()
			.map(year -> new Choice(String.valueOf(year), new SchoolYear(year).label(), year == chosen))
			.toList();
	}

	// runs

	/** A run as its page and the run tables show it. */
	record RunView(long id, int schoolYear, String yearLabel, String scopeName, String actor, String statusKey,
			boolean running, boolean finished, int percent, java.time.Instant startedAt, java.time.Instant finishedAt,
			Long seconds, String matchAbove, String reviewAbove, long seed, long healthRecords, long pupilsTotal,
			long pupilsRead, long decisionsApplied, long candidatePairs, long randomPairs, String matchShare,
			String problem, long benefitRecords, long duplicatePairs) {
	}

	RunView run(ReconcileRun run) {
		return new RunView(run.id(), run.schoolYear(), new SchoolYear(run.schoolYear()).label(),
				places.ofPath(run.scopePath()), run.actor(), run.status().messageKey(), run.running(),
				run.status() == ReconcileRun.Status.FINISHED, run.percent(), run.startedAt(), run.finishedAt(),
				run.seconds(), percent(run.matchAbove()), percent(run.reviewAbove()), run.seed(), run.healthRecords(),
				run.pupilsTotal(), run.pupilsRead(), run.decisionsApplied(), run.candidatePairs(), run.randomPairs(),
				run.matchShare() == null ? null : percent(run.matchShare()), run.problem(), run.benefitRecords(),
				run.duplicatePairs());
	}

	String percent(double share) {
		NumberFormat format = NumberFormat.getPercentInstance(locale);
		format.setMaximumFractionDigits(share > 0.99 && share < 1 ? 2 : 1);
		return format.format(share);
	}

	/** One level of one field of the fitted model, with its weight in bits. */
	record ModelRow(String field, String level, String m, String u, String weight) {
	}

	List<ModelRow> model(String text) {
		List<ModelRow> rows = new ArrayList<>();
		if (text == null) {
			return rows;
		}
		String register = null;
		for (String line : text.split("\\R")) {
			if (line.strip().equals(RecordSource.HEALTH.name()) || line.strip().equals(RecordSource.BENEFIT.name())) {
				register = text(RecordSource.valueOf(line.strip()).messageKey());
				continue;
			}
			Matcher parts = MODEL_LINE.matcher(line.strip());
			if (!parts.matches()) {
				continue;
			}
			double m = Double.parseDouble(parts.group(3));
			double u = Double.parseDouble(parts.group(4));
			String weight = m > 0 && u > 0 ? String.format(locale, "%+.2f", Math.log(m / u) / Math.log(2)) : "—";
			String field = fieldLabel(parts.group(1));
			rows.add(new ModelRow(register == null ? field : register + " · " + field,
					levelLabel(parts.group(1), parts.group(2)), probability(m), probability(u), weight));
		}
		return rows;
	}

	private String probability(double value) {
		return value != 0 && Math.abs(value) < 0.0001 ? String.format(locale, "%.2e", value)
				: String.format(locale, "%.4f", value);
	}

	static String fieldKey(String field) {
		return "reconcile.field." + field;
	}

	static String levelKey(String field, String level) {
		return "reconcile.level." + field + "." + level;
	}

	/** A field in words; a field the pages do not know yet keeps its code. */
	String fieldLabel(String field) {
		return messages.getMessage(fieldKey(field), null, field, locale);
	}

	String levelLabel(String field, String level) {
		return messages.getMessage(levelKey(field, level), null, level, locale);
	}

	// the counts of each place

	/** A count of one outcome in one place, with the list it opens (none for zero). */
	record Cell(long count, String href) {
	}

	/**
	 * A place below the scope, its counts in the order of {@link #OUTCOMES}, and the sum.
	 */
	record PlaceRow(String code, String name, List<Cell> cells, Cell total) {
	}

	/**
	 * The table of a run's counts for the user's scope: a row per place one level below,
	 * sorted by name, then the children known only at the scope's own level, then the
	 * totals.
	 */
	record Summary(String caption, List<PlaceRow> rows, PlaceRow totals, long toReview, String reviewHref) {

		public boolean empty() {
			return totals.total().count() == 0;
		}

	}

	Summary summary(long runId, DataScope scope, Map<String, Map<ReconcileOutcome, Long>> counts) {
		List<PlaceRow> rows = new ArrayList<>();
		PlaceRow own = null;
		Map<ReconcileOutcome, Long> totals = new EnumMap<>(ReconcileOutcome.class);
		for (Map.Entry<String, Map<ReconcileOutcome, Long>> place : counts.entrySet()) {
			place.getValue().forEach((outcome, n) -> totals.merge(outcome, n, Long::sum));
			if (place.getKey().isEmpty()) {
				own = row(runId, null, text(ownLevelKey(scope), places.ofPath(scope.pathPrefix())), place.getValue(),
						false);
			}
			else {
				rows.add(row(runId, place.getKey(), places.name(place.getKey()), place.getValue(), true));
			}
		}
		Collator collator = Collator.getInstance(locale);
		rows.sort(Comparator.comparing(PlaceRow::name, collator));
		if (own != null) {
			rows.add(own);
		}
		PlaceRow total = row(runId, null, text("reconcile.summary.total"), totals, true);
		long toReview = totals.getOrDefault(ReconcileOutcome.UNCERTAIN, 0L);
		return new Summary(text("reconcile.summary.caption", places.ofPath(scope.pathPrefix())), rows, total, toReview,
				listHref(runId, ReconcileOutcome.UNCERTAIN, null));
	}

	/**
	 * What the children counted at the scope's own level are: for a district, those
	 * living there who attend none of its schools.
	 */
	static String ownLevelKey(DataScope scope) {
		int depth = scope.pathPrefix().split("/").length - 2;
		return depth <= 0 ? "reconcile.place.own.country"
				: depth == 1 ? "reconcile.place.own.region" : "reconcile.place.own.district";
	}

	private PlaceRow row(long runId, String code, String name, Map<ReconcileOutcome, Long> counts, boolean linked) {
		List<Cell> cells = new ArrayList<>();
		long sum = 0;
		for (ReconcileOutcome outcome : OUTCOMES) {
			long n = counts.getOrDefault(outcome, 0L);
			sum += n;
			cells.add(new Cell(n, linked && n > 0 ? listHref(runId, outcome, code) : null));
		}
		return new PlaceRow(code, name, cells, new Cell(sum, null));
	}

	/** A link to another outcome's list of the same place. */
	record OutcomeLink(String labelKey, String href, boolean current) {
	}

	static List<OutcomeLink> outcomeLinks(long runId, ReconcileOutcome current, String unit) {
		return OUTCOMES.stream()
			.map(o -> new OutcomeLink(o.messageKey(), listHref(runId, o, unit), o == current))
			.toList();
	}

	static String listHref(long runId, ReconcileOutcome outcome, String unit) {
		return href("/reconcile/runs/{id}/children", runId, outcome, unit);
	}

	static String csvHref(long runId, ReconcileOutcome outcome, String unit) {
		return href("/reconcile/runs/{id}/children.csv", runId, outcome, unit);
	}

	private static String href(String path, long runId, ReconcileOutcome outcome, String unit) {
		UriComponentsBuilder href = UriComponentsBuilder.fromPath(path).queryParam("outcome", outcome.name());
		if (unit != null) {
			href.queryParam("unit", unit);
		}
		return href.buildAndExpand(runId).encode().toUriString();
	}

	// the lists

	/** A child of a list, as the table and the CSV file show them. */
	record ChildRow(String register, String recordId, String fullName, LocalDate birthDate, int age, String sex,
			String disability, String residence, String schoolCode, String school, String probability,
			boolean reviewable, String decisionKey, String registers, String disagreements, String registerLabel) {
	}

	ChildRow child(ResultRepository.ListedResult result, Map<Long, String[]> schools, Boolean decision) {
		String[] school = result.organisationId() == null ? null : schools.get(result.organisationId());
		return new ChildRow(result.register().name(), result.recordId(),
				fullName(result.surname(), result.givenName(), result.patronymic()), result.birthDate(), result.age(),
				sex(result.sex()), disability(result.register(), result.disabilityGroup()),
				places.residence(result.residencePath()), school == null ? null : school[0],
				school == null ? null : schoolName(school),
				result.outcome() == ReconcileOutcome.UNCERTAIN && result.pupilIin() != null
						? percent(result.probability()) : null,
				result.outcome() == ReconcileOutcome.UNCERTAIN || result.pupilIin() != null,
				decision == null ? null : decisionKey(decision), labels("reconcile.found.", result.registers()),
				labels("reconcile.disagreement.", result.disagreementList()), text(result.register().messageKey()));
	}

	/**
	 * A record of the child under review, beside the one the review is of: its register,
	 * its own fields and whether the two records are one child by the linkage.
	 */
	record MemberRow(String register, String registerLabel, String recordId, String iin, String fullName,
			LocalDate birthDate, String sex, String disability, String residence, String cluster, boolean current,
			boolean sameRegister) {
	}

	MemberRow member(ResultRepository.ListedResult member, ResultRepository.ListedResult reviewed) {
		boolean sameCluster = member.clusterKey() != null && member.clusterKey().equals(reviewed.clusterKey());
		return new MemberRow(member.register().name(), text(member.register().messageKey()), member.recordId(),
				orDash(member.iin()), fullName(member.surname(), member.givenName(), member.patronymic()),
				member.birthDate(), sex(member.sex()), disability(member.register(), member.disabilityGroup()),
				places.residence(member.residencePath()),
				sameCluster ? text("reconcile.review.sameCluster", percent(member.clusterProbability()))
						: text("reconcile.review.otherRegister"),
				member.register() == reviewed.register() && member.recordId().equals(reviewed.recordId()),
				member.register() == reviewed.register());
	}

	/** The labels of codes, joined for a table cell; a dash when there are none. */
	String labels(String prefix, List<String> codes) {
		return codes.isEmpty() ? "—" : String.join(", ", codes.stream().map(code -> text(prefix + code)).toList());
	}

	/** A benefit's type, or the health registry's disability group. */
	String disability(RecordSource register, String code) {
		return register == RecordSource.BENEFIT && code != null
				? messages.getMessage("reconcile.benefitType." + code, null, code, locale) : disability(code);
	}

	private String schoolName(String[] school) {
		return switch (locale.getLanguage()) {
			case "ru" -> school[2];
			case "en" -> school[3];
			default -> school[1];
		};
	}

	static String decisionKey(boolean confirmed) {
		return confirmed ? "reconcile.decision.CONFIRMED" : "reconcile.decision.REJECTED";
	}

	static String fullName(String surname, String givenName, String patronymic) {
		StringBuilder name = new StringBuilder(surname == null ? "" : surname.strip());
		for (String part : new String[] { givenName, patronymic }) {
			if (part != null && !part.isBlank()) {
				name.append(' ').append(part.strip());
			}
		}
		return name.toString();
	}

	String sex(String code) {
		return code == null ? "—" : messages.getMessage("code.Sex." + code, null, code, locale);
	}

	String disability(String code) {
		return code == null ? "—" : messages.getMessage("exchange.disabilityGroup." + code, null, code, locale);
	}

	// the evidence of a pair

	/**
	 * A line of the side-by-side comparison: what each register says, and how the linkage
	 * rated their agreement (none for lines that are not compared).
	 */
	record EvidenceRow(String labelKey, String health, String extract, String agreement) {
	}

	List<EvidenceRow> evidence(ResultRepository.ListedResult result, Map<String, Object> pupil) {
		Map<String, String> agreement = agreement(result.agreement());
		boolean swapped = result.namesSwapped();
		List<EvidenceRow> rows = new ArrayList<>();
		rows.add(compared("reconcile.evidence.iin", orDash(result.iin()), pupil, "iin", agreement, "IIN"));
		rows.add(compared("reconcile.evidence.surname", orDash(result.surname()), pupil,
				swapped ? "given_name" : "surname", agreement, "SURNAME"));
		rows.add(compared("reconcile.evidence.givenName", orDash(result.givenName()), pupil,
				swapped ? "surname" : "given_name", agreement, "GIVEN_NAME"));
		rows.add(compared("reconcile.evidence.patronymic", orDash(result.patronymic()), pupil, "patronymic", agreement,
				"PATRONYMIC"));
		rows.add(new EvidenceRow("reconcile.evidence.birthDate", String.valueOf(result.birthDate()),
				pupil == null ? "—" : String.valueOf(pupil.get("birth_date")), levelOf(agreement, "BIRTH_DATE")));
		rows.add(new EvidenceRow("reconcile.evidence.sex", sex(result.sex()),
				pupil == null ? "—" : sex((String) pupil.get("sex")), levelOf(agreement, "SEX")));
		rows.add(new EvidenceRow("reconcile.evidence.place", places.residence(result.residencePath()),
				pupil == null ? "—" : places.schoolPlace((String) pupil.get("path")), levelOf(agreement, "PLACE")));
		rows.add(new EvidenceRow("reconcile.evidence.school", "—",
				pupil == null ? "—"
						: text("reconcile.evidence.schoolGrade",
								schoolName(new String[] { (String) pupil.get("code"), (String) pupil.get("name_kk"),
										(String) pupil.get("name_ru"), (String) pupil.get("name_en") }),
								pupil.get("code"), pupil.get("grade")),
				null));
		rows.add(new EvidenceRow("reconcile.evidence.disability",
				disability(result.register(), result.disabilityGroup()), "—", null));
		return rows;
	}

	private EvidenceRow compared(String label, String health, Map<String, Object> pupil, String column,
			Map<String, String> agreement, String field) {
		Object value = pupil == null ? null : pupil.get(column);
		return new EvidenceRow(label, health,
				value == null || value.toString().isBlank() ? "—" : value.toString().strip(),
				levelOf(agreement, field));
	}

	private String levelOf(Map<String, String> agreement, String field) {
		String level = agreement.get(field);
		return level == null ? null : levelLabel(field, level);
	}

	/** {@code IIN:EXACT SURNAME:CLOSE ...} as field to level. */
	static Map<String, String> agreement(String text) {
		Map<String, String> levels = new LinkedHashMap<>();
		if (text == null) {
			return levels;
		}
		for (String part : text.strip().split("\\s+")) {
			int colon = part.indexOf(':');
			if (colon > 0) {
				levels.put(part.substring(0, colon), part.substring(colon + 1));
			}
		}
		return levels;
	}

	private static String orDash(String text) {
		return text == null || text.isBlank() ? "—" : text.strip();
	}

}
