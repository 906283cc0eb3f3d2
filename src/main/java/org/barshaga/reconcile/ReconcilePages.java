package org.barshaga.reconcile;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.ResultPage;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.SpreadsheetCells;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.Organisations;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reconciliation pages: the overview of a school year for the user's part of the
 * country, each run with its progress and fitted model, the lists of children of each
 * outcome (and their CSV file), and the review of an uncertain link. Permissions and
 * scope are the service's; these pages check the input and say in the user's language
 * what is wrong with it.
 */
@Controller
class ReconcilePages {

	private final Reconciliation reconciliation;

	private final AdminUnits units;

	private final Organisations organisations;

	private final MessageSource messages;

	ReconcilePages(Reconciliation reconciliation, AdminUnits units, Organisations organisations,
			MessageSource messages) {
		this.reconciliation = reconciliation;
		this.units = units;
		this.organisations = organisations;
		this.messages = messages;
	}

	private ReconcileViews views(Locale locale) {
		return new ReconcileViews(units, organisations, messages, locale);
	}

	// the overview

	@GetMapping("/reconcile")
	String overview(Actor actor, @RequestParam(required = false) String year, Model model, Locale locale,
			HttpServletResponse response) {
		List<ReconcileRun> recent = reconciliation.recent(actor);
		int current = reconciliation.currentSchoolYear();
		Integer chosen = year == null || year.isBlank() ? Integer.valueOf(current) : schoolYear(year);
		if (chosen == null) {
			return invalid(List.of("reconcile.error.yearFormat"), model, locale, response);
		}
		return overviewPage(actor, recent, chosen, current, FormErrors.NONE, model, locale);
	}

	private String overviewPage(Actor actor, List<ReconcileRun> recent, int year, int startYear, FormErrors errors,
			Model model, Locale locale) {
		ReconcileViews views = views(locale);
		Optional<ReconcileRun> latest = reconciliation.latest(actor, year);
		int current = reconciliation.currentSchoolYear();
		model.addAttribute("scopeName", views.places().ofPath(actor.scope().pathPrefix()));
		model.addAttribute("year", year);
		model.addAttribute("yearLabel", new SchoolYear(year).label());
		model.addAttribute("years", ReconcileViews.years(current, year));
		model.addAttribute("startYears", ReconcileViews.years(current, Math.min(startYear, current + 1)));
		model.addAttribute("latest", latest.map(views::run).orElse(null));
		model.addAttribute("summary",
				latest.map(run -> views.summary(run.id(), actor.scope(), reconciliation.summary(actor, run.id())))
					.orElse(null));
		model.addAttribute("outcomes", ReconcileViews.outcomes());
		model.addAttribute("canRun", Reconciliation.runs(actor.role()));
		model.addAttribute("errors", errors);
		model.addAttribute("runs", recent.stream().map(views::run).toList());
		return "reconcile/overview";
	}

	@PostMapping("/reconcile/runs")
	String start(Actor actor, @RequestParam(required = false) String schoolYear, Model model, Locale locale,
			HttpServletResponse response) {
		List<ReconcileRun> recent = reconciliation.recent(actor);
		int current = reconciliation.currentSchoolYear();
		Integer year = schoolYear(schoolYear);
		try {
			if (year == null) {
				throw InvalidInputException.of("schoolYear", "reconcile.error.year");
			}
			long id = reconciliation.start(actor, year, LinkageSettings.DEFAULT);
			return "redirect:/reconcile/runs/" + id;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return overviewPage(actor, recent, current, current, FormErrors.of(invalid, messages, locale), model,
					locale);
		}
	}

	// a run

	@GetMapping("/reconcile/runs/{id}")
	String run(Actor actor, @PathVariable long id, Model model, Locale locale) {
		ReconcileViews views = views(locale);
		ReconcileRun run = reconciliation.run(actor, id);
		model.addAttribute("run", views.run(run));
		model.addAttribute("modelRows", views.model(run.model()));
		model.addAttribute("outcomes", ReconcileViews.outcomes());
		model.addAttribute("summary", run.status() == ReconcileRun.Status.FINISHED
				? views.summary(id, actor.scope(), reconciliation.summary(actor, id)) : null);
		return "reconcile/run";
	}

	/** The part of the run page that follows a running linkage. */
	@GetMapping("/reconcile/runs/{id}/progress")
	String progress(Actor actor, @PathVariable long id, Model model, Locale locale) {
		model.addAttribute("run", views(locale).run(reconciliation.run(actor, id)));
		model.addAttribute("fragment", true);
		return "reconcile/run :: progress";
	}

	// the lists

	@GetMapping("/reconcile/runs/{id}/children")
	String children(Actor actor, @PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String page, Model model,
			Locale locale, HttpServletResponse response) {
		ReconcileViews views = views(locale);
		ReconcileRun run = reconciliation.run(actor, id);
		ListRequest request = listRequest(actor, outcome, unit, page, views);
		if (!request.problems().isEmpty()) {
			return invalid(request.problems(), model, locale, response);
		}
		Reconciliation.ResultList list = reconciliation.list(actor, id, request.outcome(), request.within(),
				request.page());
		if (request.page() > 0 && request.page() >= list.pages()) {
			return invalid(List.of("reconcile.error.page"), model, locale, response);
		}
		Map<String, Boolean> decisions = request.outcome() == ReconcileOutcome.UNCERTAIN
				? reconciliation.decisions(list) : Map.of();
		List<ReconcileViews.ChildRow> rows = list.results()
			.stream()
			.map(r -> views.child(r, list.schools(), decisions.get(r.recordId())))
			.toList();
		model.addAttribute("run", views.run(run));
		model.addAttribute("outcome", ReconcileViews.OutcomeView.of(request.outcome()));
		model.addAttribute("outcomes", ReconcileViews.outcomes());
		model.addAttribute("placeName", request.placeName());
		model.addAttribute("lists", ReconcileViews.outcomeLinks(id, request.outcome(), request.unitCode()));
		model.addAttribute("csvHref", ReconcileViews.csvHref(id, request.outcome(), request.unitCode()));
		model.addAttribute("enrolled",
				ReconcileViews.ENROLLED.contains(request.outcome()) || request.outcome() == ReconcileOutcome.UNCERTAIN);
		model.addAttribute("uncertain", request.outcome() == ReconcileOutcome.UNCERTAIN);
		model.addAttribute("results", new ResultPage<>(rows, list.page(), list.size(), list.total()));
		return "reconcile/children";
	}

	/**
	 * The same list as a CSV file, every child in it: UTF-8 with a byte order mark for
	 * spreadsheets, a header in the user's language, each row an audited read.
	 */
	@GetMapping("/reconcile/runs/{id}/children.csv")
	ModelAndView childrenCsv(Actor actor, @PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String unit, Model model, Locale locale, HttpServletResponse response)
			throws IOException {
		ReconcileViews views = views(locale);
		ReconcileRun run = reconciliation.run(actor, id);
		ListRequest request = listRequest(actor, outcome, unit, null, views);
		if (!request.problems().isEmpty()) {
			return new ModelAndView(invalid(request.problems(), model, locale, response));
		}
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"reconciliation-" + run.id() + "-"
						+ request.outcome().name().toLowerCase(Locale.ROOT)
						+ (request.unitCode() == null ? "" : "-" + request.unitCode().replaceAll("[^A-Za-z0-9-]", ""))
						+ ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		List<String> header = new ArrayList<>();
		for (String key : List.of("reconcile.list.record", "reconcile.list.name", "reconcile.list.birthDate",
				"reconcile.list.age", "reconcile.list.sex", "reconcile.list.disability", "reconcile.list.residence",
				"reconcile.list.schoolCode", "reconcile.list.school", "reconcile.list.probability",
				"reconcile.list.decision")) {
			header.add(views.text(key));
		}
		csvLine(out, header);
		boolean uncertain = request.outcome() == ReconcileOutcome.UNCERTAIN;
		for (int page = 0;; page++) {
			Reconciliation.ResultList list = reconciliation.list(actor, id, request.outcome(), request.within(), page);
			Map<String, Boolean> decisions = uncertain ? reconciliation.decisions(list) : Map.of();
			for (ReconcileRepository.ListedResult result : list.results()) {
				ReconcileViews.ChildRow row = views.child(result, list.schools(), decisions.get(result.recordId()));
				csvLine(out, List.of(row.recordId(), row.fullName(), String.valueOf(row.birthDate()),
						String.valueOf(row.age()), row.sex(), row.disability(), row.residence(),
						row.schoolCode() == null ? "" : row.schoolCode(), row.school() == null ? "" : row.school(),
						row.probability() == null ? "" : row.probability(),
						row.decisionKey() == null ? "" : views.text(row.decisionKey())));
			}
			if (page + 1 >= list.pages()) {
				break;
			}
		}
		out.flush();
		return null;
	}

	private static void csvLine(Writer out, List<String> cells) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			SpreadsheetCells.appendCsv(line, cells.get(i));
		}
		out.write(line.append("\r\n").toString());
	}

	/** The outcome, the place and the page of a list, as asked and checked. */
	private record ListRequest(ReconcileOutcome outcome, DataScope within, String unitCode, String placeName, int page,
			List<String> problems) {
	}

	private ListRequest listRequest(Actor actor, String outcome, String unit, String page, ReconcileViews views) {
		List<String> problems = new ArrayList<>();
		ReconcileOutcome chosen = null;
		try {
			chosen = outcome == null ? null : ReconcileOutcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (chosen == null) {
			problems.add("reconcile.error.outcome");
		}
		DataScope within = actor.scope();
		String code = unit == null || unit.isBlank() ? null : unit.strip();
		String placeName = views.places().ofPath(actor.scope().pathPrefix());
		if (code != null) {
			Optional<ReconcileViews.Places.Place> place = views.places().find(code);
			if (place.isEmpty()) {
				problems.add("reconcile.error.unit");
			}
			else if (!actor.scope().contains(place.get().scope())) {
				// a place outside the user's part of the country is not there for them
				throw new NotFoundException("place", code);
			}
			else {
				within = place.get().scope();
				placeName = place.get().name();
			}
		}
		int number = 0;
		if (page != null && !page.isBlank()) {
			try {
				number = Integer.parseInt(page.strip());
			}
			catch (NumberFormatException ex) {
				number = -1;
			}
			if (number < 0) {
				problems.add("reconcile.error.page");
				number = 0;
			}
		}
		return new ListRequest(chosen, within, code, placeName, number, problems);
	}

	// the review of a pair

	@GetMapping("/reconcile/runs/{id}/records/{recordId}")
	String review(Actor actor, @PathVariable long id, @PathVariable String recordId, Model model, Locale locale) {
		return reviewPage(actor, id, recordId, FormErrors.NONE, model, locale);
	}

	private String reviewPage(Actor actor, long id, String recordId, FormErrors errors, Model model, Locale locale) {
		ReconcileViews views = views(locale);
		Reconciliation.Evidence evidence = reconciliation.evidence(actor, id, recordId);
		ReconcileRepository.ListedResult result = evidence.result();
		model.addAttribute("run", views.run(evidence.run()));
		model.addAttribute("recordId", result.recordId());
		model.addAttribute("childName",
				ReconcileViews.fullName(result.surname(), result.givenName(), result.patronymic()));
		model.addAttribute("outcome", ReconcileViews.OutcomeView.of(result.outcome()));
		model.addAttribute("rows", views.evidence(result, evidence.pupil()));
		model.addAttribute("pupilIin", result.pupilIin());
		model.addAttribute("hasPupil", evidence.pupil() != null);
		model.addAttribute("probability", result.pupilIin() == null ? null : views.percent(result.probability()));
		model.addAttribute("namesSwapped", result.namesSwapped());
		model.addAttribute("settledByDecision", result.decided());
		model.addAttribute("decisionKey",
				evidence.decision() == null ? null : ReconcileViews.decisionKey(evidence.decision()));
		model.addAttribute("errors", errors);
		return "reconcile/review";
	}

	@PostMapping("/reconcile/runs/{id}/records/{recordId}/decision")
	String decide(Actor actor, @PathVariable long id, @PathVariable String recordId,
			@RequestParam(required = false) String pupilIin, @RequestParam(required = false) String decision,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Boolean confirmed = "confirm".equals(decision) ? Boolean.TRUE
				: "reject".equals(decision) ? Boolean.FALSE : null;
		try {
			if (confirmed == null) {
				reconciliation.run(actor, id);
				throw InvalidInputException.of("decision", "reconcile.error.decision");
			}
			reconciliation.decide(actor, id, recordId, pupilIin == null ? "" : pupilIin.strip(), confirmed);
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return reviewPage(actor, id, recordId, FormErrors.of(invalid, messages, locale), model, locale);
		}
		redirect.addFlashAttribute("notice", confirmed ? "notice.reconcile.confirmed" : "notice.reconcile.rejected");
		return "redirect:/reconcile/runs/" + id + "/children?outcome=" + ReconcileOutcome.UNCERTAIN.name();
	}

	// bad input

	/**
	 * A school year as its first calendar year, from 2000 to 2099; null when it is not
	 * one.
	 */
	private static Integer schoolYear(String text) {
		if (text == null || !text.strip().matches("\\d{4}")) {
			return null;
		}
		int year = Integer.parseInt(text.strip());
		return year >= 2000 && year <= 2099 ? year : null;
	}

	/** The page that says, in the user's language, what is wrong with the address. */
	private String invalid(List<String> problems, Model model, Locale locale, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		ReconcileViews views = views(locale);
		List<String> texts = new ArrayList<>();
		for (String key : problems) {
			texts.add(key.equals("reconcile.error.outcome")
					? views.text(key,
							String.join(", ",
									ReconcileViews.OUTCOMES.stream().map(o -> views.text(o.messageKey())).toList()))
					: views.text(key));
		}
		model.addAttribute("problems", texts);
		return "reconcile/invalid";
	}

}
