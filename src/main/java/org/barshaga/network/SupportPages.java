package org.barshaga.network;

import java.time.LocalDate;
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
import org.barshaga.learner.SenCategory;
import org.barshaga.registry.Organisation;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The pages of the support network: the worklists of a place, the form that asks for
 * help, and a request's page with the step its user may take next. A refused step shows
 * the page again with the reason in the user's language; nothing is written.
 */
@Controller
class SupportPages {

	private final SupportRequests requests;

	private final FirstAnswers firstAnswers;

	private final MessageSource messages;

	SupportPages(SupportRequests requests, FirstAnswers firstAnswers, MessageSource messages) {
		this.requests = requests;
		this.firstAnswers = firstAnswers;
		this.messages = messages;
	}

	/** The median days to a first answer by region and district, for a school year. */
	@GetMapping("/support/answers")
	String answers(Actor actor, @RequestParam(required = false) Integer year, Model model) {
		int current = firstAnswers.currentYear();
		int shown = year == null || year < current - 4 || year > current ? current : year;
		model.addAttribute("rows", firstAnswers.byUnit(actor, shown));
		model.addAttribute("year", shown);
		model.addAttribute("years",
				java.util.stream.IntStream.rangeClosed(current - 4, current)
					.boxed()
					.sorted(java.util.Comparator.reverseOrder())
					.toList());
		return "network/answers";
	}

	@GetMapping("/support")
	String worklists(Actor actor, Model model) {
		model.addAttribute("lists", requests.worklists(actor));
		model.addAttribute("canAsk", requests.requesterOf(actor).isPresent());
		return "network/worklists";
	}

	@GetMapping("/support/new")
	String form(Actor actor, @RequestParam(required = false) String centre, Model model) {
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("urgency", Urgency.ROUTINE.name());
		if (centre != null) {
			values.add("centre", centre);
		}
		return render(model, requestForm(actor, values), FormErrors.NONE);
	}

	@PostMapping("/support")
	String submit(Actor actor, @RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response) {
		FormValues values = new FormValues(submitted);
		try {
			RequestDraft draft = new RequestDraft(values.text("centre"), values.code(SupportTopic.class, "topic"),
					values.codes(SenCategory.class, "categories"), values.text("learnerIin"),
					values.code(Urgency.class, "urgency"), values.text("description"));
			values.throwIfAny();
			long id = requests.submit(actor, draft);
			return "redirect:/support/requests/" + id;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, requestForm(actor, submitted), FormErrors.of(invalid, messages, locale));
		}
	}

	@GetMapping("/support/requests/{id}")
	String request(Actor actor, @PathVariable long id, Model model) {
		return page(actor, id, new LinkedMultiValueMap<>(), FormErrors.NONE, model);
	}

	@PostMapping("/support/requests/{id}/{step:accept|schedule|close|confirm|follow-up}")
	String step(Actor actor, @PathVariable long id, @PathVariable String step,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		FormValues values = new FormValues(submitted);
		try {
			Integer version = values.integer("version");
			if (version == null) {
				throw InvalidInputException.of("version", "validation.required");
			}
			switch (step) {
				case "accept" -> {
					values.throwIfAny();
					requests.accept(actor, id, version);
				}
				case "schedule" -> {
					ConsultationMode mode = values.code(ConsultationMode.class, "consultationMode");
					LocalDate on = values.date("consultationOn");
					values.throwIfAny();
					requests.schedule(actor, id, version, mode, on);
				}
				case "close" -> {
					LocalDate followUpOn = values.date("followUpOn");
					values.throwIfAny();
					requests.close(actor, id, version, values.text("outcome"), values.text("followUp"), followUpOn);
				}
				case "confirm" -> {
					Boolean helped = values.bool("helped");
					values.throwIfAny();
					requests.confirm(actor, id, version, helped, values.text("confirmationNote"));
				}
				default -> {
					values.throwIfAny();
					requests.followUpDone(actor, id, version);
				}
			}
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/support/requests/" + id;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(actor, id, submitted, FormErrors.of(invalid, messages, locale), model);
		}
		catch (EditConflictException conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(actor, id, submitted, FormErrors.message("version", "validation.conflict", messages, locale),
					model);
		}
	}

	private String page(Actor actor, long id, MultiValueMap<String, String> values, FormErrors errors, Model model) {
		model.addAttribute("view", requests.read(actor, id));
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("modes", ConsultationMode.values());
		return "network/request";
	}

	private PageForm requestForm(Actor actor, MultiValueMap<String, String> values) {
		if (requests.requesterOf(actor).isEmpty()) {
			throw new NotPermittedException("ask for support");
		}
		List<FormField.Option> centres = requests.centresFor(actor)
			.stream()
			.map(centre -> new FormField.Option(centre.code(), null, label(centre)))
			.toList();
		return new PageForm("support.new", "nav.support", "/support", null, null, "/support", "support.submit",
				"/support",
				List.of(FormField.select("centre", true, centres).hint("support.centre.hint"),
						FormField.select("topic", true, FormField.codes(SupportTopic.class)),
						FormField.checkboxes("categories", true, FormField.codes(SenCategory.class)),
						FormField.text("learnerIin", false).hint("support.learnerIin.hint"),
						FormField.radios("urgency", true, FormField.codes(Urgency.class)),
						FormField.textarea("description", true).hint("support.description.hint")),
				values);
	}

	/**
	 * The centre in the page's language, with its registry code to tell namesakes apart.
	 */
	private static String label(Organisation centre) {
		return centre.name().in(LocaleContextHolder.getLocale()) + " (" + centre.code() + ")";
	}

	private String render(Model model, PageForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("messages", messages);
		return "form";
	}

}
