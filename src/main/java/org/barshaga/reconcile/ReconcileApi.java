package org.barshaga.reconcile;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.Organisations;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reconciliation for machines: start a run, follow it, and take its lists whole as CSV,
 * streamed in one pass, in the caller's scope and audited as the pages are. The columns
 * are codes, the same in every language, so that a ministry's system can read them.
 */
@RestController
@RequestMapping("/api/v1/reconciliation")
@Tag(name = "Reconciliation",
		description = "Linkage of the health and social-protection registers with the enrolment extract")
class ReconcileApi {

	static final List<String> COLUMNS = List.of("register", "record_id", "iin_as_received", "surname", "given_name",
			"patronymic", "birth_date", "sex", "age", "group", "residence", "outcome", "found_in", "disagreements",
			"child", "cluster", "cluster_size", "cluster_probability", "school_code", "pupil_iin", "probability");

	private final Reconciliation reconciliation;

	private final ReconcileLists lists;

	private final AdminUnits units;

	private final Organisations organisations;

	private final MessageSource messages;

	ReconcileApi(Reconciliation reconciliation, ReconcileLists lists, AdminUnits units, Organisations organisations,
			MessageSource messages) {
		this.reconciliation = reconciliation;
		this.lists = lists;
		this.units = units;
		this.organisations = organisations;
		this.messages = messages;
	}

	/** A run as the API gives it. */
	record RunBody(long id, int schoolYear, String scope, String status, Instant startedAt, Instant finishedAt,
			int healthRecords, int benefitRecords, long pupilsTotal, long pupilsRead, int duplicatePairs,
			Map<ReconcileOutcome, Long> children, String problem) {
	}

	@PostMapping("/runs")
	@Operation(summary = "Start a linkage run of the registers in the caller's scope; 202 with the run's address")
	ResponseEntity<RunBody> start(Actor actor, @Parameter(
			description = "First calendar year of the school year") @RequestParam(required = false) String year) {
		int schoolYear = year == null || year.isBlank() ? reconciliation.currentSchoolYear() : parseYear(year);
		long id = reconciliation.start(actor, schoolYear, LinkageSettings.DEFAULT);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/reconciliation/runs/" + id))
			.body(body(actor, reconciliation.run(actor, id)));
	}

	@GetMapping("/runs")
	@Operation(summary = "The recent runs the caller may see")
	List<RunBody> recent(Actor actor) {
		return reconciliation.recent(actor).stream().map(run -> body(actor, run)).toList();
	}

	@GetMapping("/runs/{id}")
	@Operation(summary = "A run's progress and, once finished, the children of each outcome in the caller's scope")
	RunBody run(Actor actor, @PathVariable long id) {
		return body(actor, reconciliation.run(actor, id));
	}

	@GetMapping(value = "/runs/{id}/children", produces = "text/csv")
	@Operation(summary = "The children of one outcome, each once, as CSV streamed whole")
	void children(Actor actor, @PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String unit, Locale locale, HttpServletResponse response)
			throws IOException {
		ReconcileOutcome chosen = outcome(outcome);
		DataScope within = within(actor, unit, locale);
		Writer out = open(response, id, chosen.name().toLowerCase(Locale.ROOT));
		lists.children(actor, id, chosen, within, (result, schools, decision) -> row(out, result, schools));
		out.flush();
	}

	@GetMapping(value = "/runs/{id}/duplicates", produces = "text/csv")
	@Operation(summary = "One register's records that name a child another of its records names (HEALTH, BENEFIT),"
			+ " or the enrolment extract's pupils listed twice (ENROLMENT), as CSV")
	void duplicates(Actor actor, @PathVariable long id, @RequestParam(required = false) String register,
			@RequestParam(required = false) String unit, Locale locale, HttpServletResponse response)
			throws IOException {
		RecordSource source = ReconcileDownloads.register(register);
		boolean enrolment = ReconcileDownloads.enrolment(register);
		if (source == null && !enrolment) {
			throw InvalidInputException.of("register", "reconcile.error.register");
		}
		DataScope within = within(actor, unit, locale);
		if (enrolment) {
			Writer out = open(response, id, "duplicates-enrolment", List.of("iin", "other_iin", "surname", "given_name",
					"patronymic", "birth_date", "sex", "school_code", "other_school_code", "same_school"));
			lists.pupilDuplicates(actor, id, within,
					pair -> ReconcileDownloads.line(out,
							List.of(pair.iin(), pair.otherIin(), pair.surname(), pair.givenName(),
									text(pair.patronymic()), String.valueOf(pair.birthDate()), pair.sex(),
									pair.schoolCode(), pair.otherSchoolCode(), String.valueOf(pair.sameSchool()))));
			out.flush();
			return;
		}
		Writer out = open(response, id, "duplicates-" + source.name().toLowerCase(Locale.ROOT));
		lists.duplicates(actor, id, source, within, result -> row(out, result, Map.of()));
		out.flush();
	}

	@GetMapping(value = "/runs/{id}/disagreements", produces = "text/csv")
	@Operation(summary = "The children the health and social-protection registers disagree on, as CSV")
	void disagreements(Actor actor, @PathVariable long id, @RequestParam(required = false) String unit, Locale locale,
			HttpServletResponse response) throws IOException {
		DataScope within = within(actor, unit, locale);
		Writer out = open(response, id, "disagreements");
		lists.disagreements(actor, id, within, result -> row(out, result, Map.of()));
		out.flush();
	}

	private RunBody body(Actor actor, ReconcileRun run) {
		Map<ReconcileOutcome, Long> children = new java.util.EnumMap<>(ReconcileOutcome.class);
		if (run.status() == ReconcileRun.Status.FINISHED) {
			reconciliation.summary(actor, run.id())
				.values()
				.forEach(counts -> counts.forEach((outcome, n) -> children.merge(outcome, n, Long::sum)));
		}
		return new RunBody(run.id(), run.schoolYear(), run.scopePath(), run.status().name(), run.startedAt(),
				run.finishedAt(), run.healthRecords(), run.benefitRecords(), run.pupilsTotal(), run.pupilsRead(),
				run.duplicatePairs(), children, run.problem());
	}

	private static int parseYear(String year) {
		try {
			return Integer.parseInt(year.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of("year", "reconcile.error.year");
		}
	}

	private static ReconcileOutcome outcome(String outcome) {
		try {
			return ReconcileOutcome.valueOf(outcome == null ? "" : outcome.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("outcome", "reconcile.error.outcomeCode",
					String.join(", ", ReconcileViews.OUTCOMES.stream().map(Enum::name).toList()));
		}
	}

	/**
	 * The unit or school asked for inside the caller's scope; outside it is not found.
	 */
	private DataScope within(Actor actor, String unit, Locale locale) {
		ListRequests.ListRequest request = ListRequests.ofPlace(actor, unit,
				new ReconcileViews(units, organisations, messages, locale));
		if (!request.problems().isEmpty()) {
			throw InvalidInputException.of("unit", request.problems().get(0));
		}
		return request.within();
	}

	private static Writer open(HttpServletResponse response, long run, String what) throws IOException {
		return open(response, run, what, COLUMNS);
	}

	private static Writer open(HttpServletResponse response, long run, String what, List<String> columns)
			throws IOException {
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"reconciliation-" + run + "-" + what + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		ReconcileDownloads.line(out, columns);
		return out;
	}

	private static void row(Writer out, ResultRepository.ListedResult r, Map<Long, String[]> schools) {
		String[] school = r.organisationId() == null ? null : schools.get(r.organisationId());
		ReconcileDownloads.line(out,
				List.of(r.register().name(), r.recordId(), text(r.iin()), text(r.surname()), text(r.givenName()),
						text(r.patronymic()), String.valueOf(r.birthDate()), r.sex(), String.valueOf(r.age()),
						text(r.disabilityGroup()), r.residencePath(), r.outcome().name(), text(r.foundIn()),
						text(r.disagreements()), text(r.childKey()), text(r.clusterKey()),
						String.valueOf(r.clusterSize()), String.valueOf(r.clusterProbability()),
						school == null ? "" : school[0], text(r.pupilIin()),
						r.pupilIin() == null ? "" : String.valueOf(r.probability())));
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
