package org.barshaga.network;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.conditions.DeliveredTraining;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.FormField;
import org.barshaga.kernel.FormValues;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
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
 * The pages of seminars and courses: the list of the user's area, the form a centre
 * records one with, and a seminar's page where the centre finds the staff of a school of
 * its region and adds them as participants.
 */
@Controller
class SeminarPages {

	private final Seminars seminars;

	private final MessageSource messages;

	SeminarPages(Seminars seminars, MessageSource messages) {
		this.seminars = seminars;
		this.messages = messages;
	}

	@GetMapping("/support/seminars")
	String list(Actor actor, Model model) {
		model.addAttribute("seminars", seminars.list(actor));
		model.addAttribute("limit", SeminarRepository.LIST_LIMIT);
		model.addAttribute("canRecord", seminars.centreOf(actor).isPresent());
		return "network/seminars";
	}

	@GetMapping("/support/seminars/new")
	String form(Actor actor, Model model) {
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("seminarKind", SeminarKind.SEMINAR.name());
		values.add("inclusive", "true");
		return render(model, seminarForm(actor, values), FormErrors.NONE);
	}

	@PostMapping("/support/seminars")
	String create(Actor actor, @RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response) {
		FormValues values = new FormValues(submitted);
		try {
			SeminarDraft draft = new SeminarDraft(values.code(SeminarKind.class, "seminarKind"),
					values.text("seminarTitle"), values.date("heldOn"), values.integer("seminarHours"),
					values.bool("inclusive"));
			values.throwIfAny();
			return "redirect:/support/seminars/" + seminars.create(actor, draft);
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, seminarForm(actor, submitted), FormErrors.of(invalid, messages, locale));
		}
	}

	@GetMapping("/support/seminars/{id}")
	String seminar(Actor actor, @PathVariable long id, @RequestParam(required = false) String school, Model model,
			Locale locale, HttpServletResponse response) {
		FormErrors errors = FormErrors.NONE;
		List<DeliveredTraining.StaffInPost> staff = List.of();
		Seminar seminar = seminars.read(actor, id);
		if (school != null && !school.isBlank() && seminars.runs(actor, seminar)) {
			try {
				staff = seminars.staffOf(actor, id, school);
			}
			catch (NotFoundException notFound) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				errors = FormErrors.message("school", "validation.seminar.school", messages, locale);
			}
		}
		return page(actor, seminar, school, staff, errors, model);
	}

	@PostMapping("/support/seminars/{id}/participants")
	String addParticipants(Actor actor, @PathVariable long id, @RequestParam MultiValueMap<String, String> submitted,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Set<Long> staffIds = new LinkedHashSet<>();
		FormValues values = new FormValues(submitted);
		try {
			for (String text : values.all("participants")) {
				try {
					staffIds.add(Long.parseLong(text.strip()));
				}
				catch (NumberFormatException notANumber) {
					throw InvalidInputException.of("participants", "validation.seminar.participants");
				}
			}
			seminars.addParticipants(actor, id, staffIds);
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/support/seminars/" + id;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(actor, seminars.read(actor, id), values.text("school"), List.of(),
					FormErrors.of(invalid, messages, locale), model);
		}
	}

	private String page(Actor actor, Seminar seminar, String school, List<DeliveredTraining.StaffInPost> staff,
			FormErrors errors, Model model) {
		model.addAttribute("seminar", seminar);
		model.addAttribute("runs", seminars.runs(actor, seminar));
		model.addAttribute("school", school);
		model.addAttribute("staff", staff);
		model.addAttribute("errors", errors);
		return "network/seminar";
	}

	private PageForm seminarForm(Actor actor, MultiValueMap<String, String> values) {
		if (seminars.centreOf(actor).isEmpty()) {
			throw new NotPermittedException("record seminars");
		}
		return new PageForm("seminar.new", "nav.seminars", "/support/seminars", null, null, "/support/seminars",
				"action.save", "/support/seminars", List
					.of(FormField.radios("seminarKind", true, FormField.codes(SeminarKind.class)),
							FormField.text("seminarTitle", true),
							FormField.date("heldOn", true).hint("seminar.heldOn.hint"),
							FormField.number("seminarHours", true),
							FormField
								.radios("inclusive", true,
										List.of(new FormField.Option("true", "training.inclusive.yes", null),
												new FormField.Option("false", "training.inclusive.no", null)))),
				values);
	}

	private String render(Model model, PageForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("messages", messages);
		return "form";
	}

}
