package org.barshaga.learner;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.FormField;
import org.barshaga.kernel.FormValues;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.PageForm;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rendering the learner forms and handling their submits, with the errors in the user's
 * language.
 */
@Component
class LearnerForms {

	private final MessageSource messages;

	LearnerForms(MessageSource messages) {
		this.messages = messages;
	}

	/** A form being handled: how to show it and what a valid submit does. */
	interface Submit {

		/** Saves and answers where to go next. */
		String save(FormValues values);

	}

	static PageForm pageForm(String titleKey, Learner learner, String action, String submitKey, String cancel,
			List<FormField> fields, MultiValueMap<String, String> values) {
		return new PageForm(titleKey, "nav.learners", "/learners", learner == null ? null : learner.fullName(),
				learner == null ? null : "/learners/" + learner.id(), action, submitKey, cancel, fields, values);
	}

	String render(Model model, PageForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("messages", messages);
		model.addAttribute("duplicateOf", null);
		return "form";
	}

	String handle(Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect, PageForm form,
			Submit submit) {
		try {
			String next = submit.save(new FormValues(form.values()));
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:" + next;
		}
		catch (DuplicateIinException duplicate) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			String page = render(model, form, FormErrors.of(duplicate, messages, locale));
			model.addAttribute("duplicateOf", duplicate.existingId());
			return page;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, form, FormErrors.of(invalid, messages, locale));
		}
		catch (EditConflictException conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return render(model, form, FormErrors.message("version", "validation.conflict", messages, locale));
		}
	}

	FormErrors errors(InvalidInputException invalid, Locale locale) {
		return FormErrors.of(invalid, messages, locale);
	}

	static void put(MultiValueMap<String, String> values, String name, Object value) {
		if (value != null) {
			values.add(name, value instanceof Enum<?> e ? e.name() : value.toString());
		}
	}

}
