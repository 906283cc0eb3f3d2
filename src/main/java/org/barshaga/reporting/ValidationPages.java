package org.barshaga.reporting;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The violations of the rules at the schools of a place, school by school, each with the
 * rule's message in the user's language and the two sides' figures.
 */
@Controller
class ValidationPages {

	/** Above this many schools the page lists the first and asks for a smaller place. */
	static final int MAX_SCHOOLS_SHOWN = 200;

	private final ValidationRuns runs;

	private final MessageSource messages;

	ValidationPages(ValidationRuns runs, MessageSource messages) {
		this.runs = runs;
		this.messages = messages;
	}

	@GetMapping("/validation")
	String validation(Actor actor, @RequestParam(required = false) String place,
			@RequestParam(required = false) String year, Model model, Locale locale, HttpServletResponse response) {
		if (!ValidationRuns.canRun(actor)) {
			throw new NotPermittedException("run validation rules");
		}
		String code = place == null || place.isBlank() ? runs.home(actor).orElse("") : place.strip();
		int current = runs.currentYear();
		model.addAttribute("place", code);
		model.addAttribute("years", List.of(current, current - 1, current - 2));
		model.addAttribute("shown", MAX_SCHOOLS_SHOWN);
		model.addAttribute("numbers", new Numbers(locale));
		FormErrors errors = FormErrors.NONE;
		try {
			Integer schoolYear = year == null || year.isBlank() ? null : Integer.valueOf(year.strip());
			model.addAttribute("year", schoolYear == null ? current : schoolYear);
			ValidationRun run = runs.run(actor, code, schoolYear);
			model.addAttribute("run", run);
			model.addAttribute("results", run.schoolsWithViolations()
				.subList(0, Math.min(MAX_SCHOOLS_SHOWN, run.schoolsWithViolations().size())));
		}
		catch (NumberFormatException notANumber) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			errors = FormErrors.of(InvalidInputException.of("year", "validation.number", year), messages, locale);
			model.addAttribute("year", current);
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			errors = FormErrors.of(invalid, messages, locale);
		}
		catch (NotFoundException unknown) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			errors = FormErrors.of(InvalidInputException.of("place", "validation.rule.place", code), messages, locale);
		}
		model.addAttribute("errors", errors);
		return "reporting/validation";
	}

	/** Figures as the user's language writes them, up to two decimals. */
	record Numbers(Locale locale) {

		public String of(Double value) {
			if (value == null) {
				return "—";
			}
			NumberFormat format = NumberFormat.getNumberInstance(locale);
			format.setMaximumFractionDigits(2);
			return format.format(value);
		}

	}

}
