package org.barshaga.reconcile;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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

/**
 * What the reconciliation pages show, in the page's language: runs, the counts of each
 * place, the lists of children, the fitted model and the evidence of a pair. Everything
 * here is text ready for a template; the pages never see the repository's rows. The table
 * of counts is {@link ReconcileSummaryView}, the evidence of a pair
 * {@link PairEvidenceView}, the addresses of the lists {@link ReconcileListLinks}.
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

	// the counts of each place, and the evidence of a pair: classes of their own

	ReconcileSummaryView.Summary summary(long runId, DataScope scope, Map<String, Map<ReconcileOutcome, Long>> counts) {
		return new ReconcileSummaryView(this).summary(runId, scope, counts);
	}

	List<PairEvidenceView.EvidenceRow> evidence(ResultRepository.ListedResult result, Map<String, Object> pupil) {
		return new PairEvidenceView(this).evidence(result, pupil);
	}

	Locale locale() {
		return locale;
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

	String schoolName(String[] school) {
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

	static String orDash(String text) {
		return text == null || text.isBlank() ? "—" : text.strip();
	}

}