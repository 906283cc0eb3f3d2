package org.barshaga.reporting;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.registry.Organisations;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reporting cycle of a period as a user sees it: their worklists, the units below
 * them ready for their approval, the Ministry's acceptance of the period, and their
 * notices.
 */
@Controller
class ReportingPages {

	private final ReportingPeriods periods;

	private final Worklists worklists;

	private final UnitApprovals approvals;

	private final Notices notices;

	private final ValidationRuns runs;

	private final Organisations organisations;

	private final MessageSource messages;

	ReportingPages(ReportingPeriods periods, Worklists worklists, UnitApprovals approvals, Notices notices,
			ValidationRuns runs, Organisations organisations, MessageSource messages) {
		this.periods = periods;
		this.worklists = worklists;
		this.approvals = approvals;
		this.notices = notices;
		this.runs = runs;
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/reporting")
	String cycle(Actor actor, @RequestParam(required = false) Integer year, Model model) {
		require(actor);
		return page(actor, year == null ? runs.currentYear() : year, FormErrors.NONE, model);
	}

	@PostMapping("/reporting/units/{code}/approve")
	String approveUnit(Actor actor, @PathVariable String code, @RequestParam int year, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		require(actor);
		return act(actor, year, model, locale, response, redirect, "reporting.done.unitApproved",
				() -> approvals.approve(actor, code, year));
	}

	@PostMapping("/reporting/periods/{year}/accept")
	String accept(Actor actor, @PathVariable int year, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		require(actor);
		return act(actor, year, model, locale, response, redirect, "reporting.done.accepted",
				() -> approvals.accept(actor, year));
	}

	private String act(Actor actor, int year, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", done);
			return "redirect:/reporting?year=" + year;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(actor, year, FormErrors.of(invalid, messages, locale), model);
		}
		catch (EditConflictException conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(actor, year, FormErrors.message("unit", "validation.reporting.conflict", messages, locale),
					model);
		}
	}

	private String page(Actor actor, int year, FormErrors errors, Model model) {
		List<Integer> years = periods.all().stream().map(ReportingPeriod::year).toList();
		model.addAttribute("year", year);
		model.addAttribute("yearLabel", year + "–" + (year + 1));
		model.addAttribute("years", years);
		model.addAttribute("period", periods.find(year).orElse(null));
		model.addAttribute("worklist", worklists.of(actor, year));
		model.addAttribute("notices", notices.of(actor));
		model.addAttribute("errors", errors);
		model.addAttribute("ownSchool", actor.is(Role.SCHOOL_COORDINATOR)
				? organisations.ofScope(actor.scope()).map(o -> o.code()).orElse(null) : null);
		model.addAttribute("canAccept", actor.is(Role.MINISTRY));
		return "reporting/cycle";
	}

	private static void require(Actor actor) {
		if (!ValidationRuns.canRun(actor)) {
			throw new NotPermittedException("take part in the reporting cycle");
		}
	}

}
