package org.barshaga.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.conditions.SchoolConditions;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.registry.Organisation;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school's submission of a period: the coordinator sees the violations of its figures
 * and submits with an explanation of each; the district sees the same violations beside
 * the school's reported and measured conditions, and approves or returns it; an approved
 * one is unlocked on the school's request.
 */
@Controller
class SubmissionPages {

	private final Submissions submissions;

	private final ReportingPeriods periods;

	private final SchoolConditions conditions;

	private final ValidationRuns runs;

	private final MessageSource messages;

	SubmissionPages(Submissions submissions, ReportingPeriods periods, SchoolConditions conditions, ValidationRuns runs,
			MessageSource messages) {
		this.submissions = submissions;
		this.periods = periods;
		this.conditions = conditions;
		this.runs = runs;
		this.messages = messages;
	}

	@GetMapping("/reporting/schools/{code}")
	String school(Actor actor, @PathVariable String code, @RequestParam(required = false) Integer year, Model model,
			Locale locale) {
		require(actor);
		int schoolYear = year == null ? runs.currentYear() : year;
		return page(actor, code, schoolYear, new LinkedMultiValueMap<>(), FormErrors.NONE, model, locale);
	}

	@PostMapping("/reporting/schools/{code}/submit")
	String submit(Actor actor, @PathVariable String code, @RequestParam int year,
			@RequestParam MultiValueMap<String, String> form, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		require(actor);
		Map<String, String> explanations = new LinkedHashMap<>();
		form.forEach((name, values) -> {
			if (name.startsWith("explanation.") && !values.isEmpty()) {
				explanations.put(name.substring("explanation.".length()), values.get(0));
			}
		});
		return act(actor, code, year, form, model, locale, response, redirect, "reporting.done.submitted",
				() -> submissions.submit(actor, code, year, explanations, version(form)));
	}

	@PostMapping("/reporting/schools/{code}/decision")
	String decide(Actor actor, @PathVariable String code, @RequestParam int year,
			@RequestParam MultiValueMap<String, String> form, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		require(actor);
		long id = submissions.find(actor, code, year)
			.orElseThrow(() -> new NotFoundException(Submissions.RECORD, code))
			.id();
		String decision = form.getFirst("decision");
		return switch (decision == null ? "" : decision) {
			case "APPROVE" -> act(actor, code, year, form, model, locale, response, redirect, "reporting.done.approved",
					() -> submissions.approve(actor, id, version(form)));
			case "RETURN" -> act(actor, code, year, form, model, locale, response, redirect, "reporting.done.returned",
					() -> submissions.giveBack(actor, id, version(form), form.getFirst("comment")));
			case "REQUEST_UNLOCK" ->
				act(actor, code, year, form, model, locale, response, redirect, "reporting.done.unlockRequested",
						() -> submissions.requestUnlock(actor, id, version(form), form.getFirst("reason")));
			case "GRANT_UNLOCK" -> act(actor, code, year, form, model, locale, response, redirect,
					"reporting.done.unlocked", () -> submissions.grantUnlock(actor, id, version(form)));
			default -> act(actor, code, year, form, model, locale, response, redirect, null, () -> {
				throw InvalidInputException.of("decision", "validation.rule.unknown", decision);
			});
		};
	}

	private String act(Actor actor, String code, int year, MultiValueMap<String, String> form, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect, String done,
			Supplier<Submission> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", done);
			return "redirect:/reporting/schools/" + code + "?year=" + year;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(actor, code, year, form, FormErrors.of(invalid, messages, locale), model, locale);
		}
		catch (EditConflictException conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(actor, code, year, form,
					FormErrors.message("decision", "validation.reporting.conflict", messages, locale), model, locale);
		}
	}

	private String page(Actor actor, String code, int year, MultiValueMap<String, String> values, FormErrors errors,
			Model model, Locale locale) {
		Organisation school = submissions.school(actor, code);
		Submission submission = submissions.find(actor, code, year).orElse(null);
		model.addAttribute("school", school);
		model.addAttribute("year", year);
		model.addAttribute("yearLabel", year + "–" + (year + 1));
		model.addAttribute("period", periods.find(year).orElse(null));
		model.addAttribute("submission", submission);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("numbers", new ValidationPages.Numbers(locale));
		List<ValidationRun.Violation> violations = List.of();
		try {
			violations = submissions.violations(actor, code, year);
		}
		catch (InvalidInputException outOfRange) {
			// a year the rules do not run for has no violations to show
		}
		model.addAttribute("violations", violations);
		model.addAttribute("status", conditions.status(actor, code, year));
		boolean coordinator = actor.is(Role.SCHOOL_COORDINATOR);
		boolean approver = Chain.approverOf(school.path())
			.map(level -> actor.is(level.role()) && actor.scope().pathPrefix().equals(level.path()))
			.orElse(false);
		model.addAttribute("canSubmit", coordinator && (submission == null || submission.status().open()));
		model.addAttribute("canDecide",
				approver && submission != null && submission.status() == SubmissionStatus.SUBMITTED);
		model.addAttribute("canRequestUnlock", coordinator && submission != null
				&& submission.status() == SubmissionStatus.APPROVED && !submission.unlockRequested());
		model.addAttribute("canGrantUnlock", approver && submission != null
				&& submission.status() == SubmissionStatus.APPROVED && submission.unlockRequested());
		return "reporting/submission";
	}

	private static Integer version(MultiValueMap<String, String> form) {
		String version = form.getFirst("version");
		try {
			return version == null || version.isBlank() ? null : Integer.valueOf(version.strip());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	private static void require(Actor actor) {
		if (!ValidationRuns.canRun(actor)) {
			throw new NotPermittedException("take part in the reporting cycle");
		}
	}

}
