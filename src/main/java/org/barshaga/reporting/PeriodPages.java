package org.barshaga.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.FormField;
import org.barshaga.kernel.FormValues;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.PageForm;

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
 * Reporting periods for administrators and the Ministry: the list, opening a school
 * year's period with its deadlines, and changing or closing it.
 */
@Controller
class PeriodPages {

	private static final String LIST = "/admin/reporting-periods";

	private final ReportingPeriods periods;

	private final MessageSource messages;

	PeriodPages(ReportingPeriods periods, MessageSource messages) {
		this.periods = periods;
		this.messages = messages;
	}

	@GetMapping(LIST)
	String list(Actor actor, Model model) {
		require(actor);
		model.addAttribute("periods", periods.all());
		return "reporting/periods";
	}

	@GetMapping(LIST + "/new")
	String newPeriod(Actor actor, Model model) {
		require(actor);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("status", PeriodStatus.OPEN.name());
		values.add("version", "0");
		return form(null, values, FormErrors.NONE, model);
	}

	@PostMapping(LIST)
	String open(Actor actor, @RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		require(actor);
		FormValues values = new FormValues(submitted);
		Integer year = values.integer("year");
		if (year == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(null, submitted,
					FormErrors.of(InvalidInputException.of("year", "validation.required"), messages, locale), model);
		}
		return save(actor, year, true, submitted, model, locale, response, redirect);
	}

	@GetMapping(LIST + "/{year}")
	String edit(Actor actor, @PathVariable int year, Model model) {
		require(actor);
		ReportingPeriod period = periods.period(year);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("schoolDeadline", period.schoolDeadline().toString());
		values.add("districtDeadline", period.districtDeadline().toString());
		values.add("regionDeadline", period.regionDeadline().toString());
		values.add("ministryDeadline", period.ministryDeadline().toString());
		values.add("status", period.status().name());
		values.add("version", String.valueOf(period.version()));
		return form(period, values, FormErrors.NONE, model);
	}

	@PostMapping(LIST + "/{year}")
	String update(Actor actor, @PathVariable int year, @RequestParam MultiValueMap<String, String> submitted,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		require(actor);
		periods.period(year);
		return save(actor, year, false, submitted, model, locale, response, redirect);
	}

	private String save(Actor actor, int year, boolean opening, MultiValueMap<String, String> submitted, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		FormValues values = new FormValues(submitted);
		ReportingPeriod existing = opening ? null : periods.period(year);
		try {
			PeriodDraft draft = new PeriodDraft(values.date("schoolDeadline"), values.date("districtDeadline"),
					values.date("regionDeadline"), values.date("ministryDeadline"), values.text("status"),
					values.integer("version"));
			values.throwIfAny();
			periods.save(actor, year, draft);
			redirect.addFlashAttribute("notice", opening ? "periods.notice.opened" : "periods.notice.saved");
			return "redirect:" + LIST;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(existing, submitted, FormErrors.of(invalid, messages, locale), model);
		}
		catch (EditConflictException conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return form(existing, submitted, FormErrors.message("version", "validation.conflict", messages, locale),
					model);
		}
	}

	private String form(ReportingPeriod period, MultiValueMap<String, String> values, FormErrors errors, Model model) {
		List<FormField> fields = new ArrayList<>();
		if (period == null) {
			fields.add(
					FormField
						.select("year", true,
								periods.years()
									.stream()
									.map(y -> new FormField.Option(String.valueOf(y), null, y + "–" + (y + 1)))
									.toList())
						.hint("periods.hint.census"));
		}
		fields.add(FormField.date("schoolDeadline", true).hint("periods.hint.school"));
		fields.add(FormField.date("districtDeadline", true));
		fields.add(FormField.date("regionDeadline", true));
		fields.add(FormField.date("ministryDeadline", true));
		if (period == null) {
			fields.add(FormField.hidden("status"));
		}
		else {
			fields.add(FormField.radios("status", true, FormField.codes(PeriodStatus.class)));
		}
		fields.add(FormField.hidden("version"));
		String action = period == null ? LIST : LIST + "/" + period.year();
		PageForm form = new PageForm(period == null ? "periods.new.title" : "periods.edit.title", "periods.title", LIST,
				period == null ? null : period.label(), period == null ? null : action, action,
				period == null ? "periods.new.submit" : "periods.edit.submit", LIST, fields, values);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("messages", messages);
		return "form";
	}

	private static void require(Actor actor) {
		if (!ReportingPeriods.manages(actor)) {
			throw new NotPermittedException("open and close reporting periods");
		}
	}

}
