package org.barshaga.reconcile;

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
		ListRequests.ListRequest request = ListRequests.of(actor, outcome, unit, page, views);
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
		model.addAttribute("lists", ReconcileListLinks.outcomeLinks(id, request.outcome(), request.unitCode()));
		model.addAttribute("csvHref", ReconcileListLinks.csvHref(id, request.outcome(), request.unitCode()));
		model.addAttribute("enrolled",
				ReconcileViews.ENROLLED.contains(request.outcome()) || request.outcome() == ReconcileOutcome.UNCERTAIN);
		model.addAttribute("uncertain", request.outcome() == ReconcileOutcome.UNCERTAIN);
		model.addAttribute("results", new ResultPage<>(rows, list.page(), list.size(), list.total()));
		return "reconcile/children";
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

	private String invalid(List<String> problems, Model model, Locale locale, HttpServletResponse response) {
		return ListRequests.invalid(problems, model, views(locale), response);
	}

}
