package org.barshaga.quality;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Rounds as pages: the rounds in the user's scope and the form that opens one; a round's
 * schools with what each must hand out and its response rate; the codes a school hands
 * out, shown this once; the free texts waiting for names to be removed.
 */
@Controller
class RoundPages {

	private final Rounds rounds;

	private final Results results;

	private final Instruments instruments;

	private final MessageSource messages;

	RoundPages(Rounds rounds, Results results, Instruments instruments, MessageSource messages) {
		this.rounds = rounds;
		this.results = results;
		this.instruments = instruments;
		this.messages = messages;
	}

	record RoundRow(long id, String href, String instrument, String unit, LocalDate opensOn, LocalDate closesOn,
			String statusKey) {
	}

	record Choice(String value, String label) {
	}

	@GetMapping("/quality/rounds")
	String list(Actor actor, Model model, Locale locale) {
		return list(actor, FormErrors.NONE, null, model, locale);
	}

	@PostMapping("/quality/rounds")
	String open(Actor actor, @RequestParam(defaultValue = "") String instrument,
			@RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String grades,
			@RequestParam(defaultValue = "") String opensOn, @RequestParam(defaultValue = "") String closesOn,
			Model model, Locale locale) {
		String[] parts = instrument.split("/");
		Integer version = parts.length == 2 && parts[1].matches("\\d{1,4}") ? Integer.valueOf(parts[1]) : null;
		List<Integer> gradeList = new ArrayList<>();
		for (String grade : grades.split("[,\\s]+")) {
			if (grade.matches("\\d{1,2}")) {
				gradeList.add(Integer.valueOf(grade));
			}
			else if (!grade.isBlank()) {
				gradeList.add(-1);
			}
		}
		try {
			Round round = rounds.open(actor, new Rounds.RoundRequest(version == null ? null : parts[0], version,
					unit.strip().isEmpty() ? null : unit.strip(), gradeList, date(opensOn), date(closesOn)));
			return "redirect:/quality/rounds/" + round.id();
		}
		catch (InvalidInputException invalid) {
			return list(actor, FormErrors.of(invalid, messages, locale),
					new String[] { instrument, unit, grades, opensOn, closesOn }, model, locale);
		}
	}

	@GetMapping("/quality/rounds/{id}")
	String round(Actor actor, @PathVariable long id, Model model, Locale locale) {
		return round(actor, id, FormErrors.NONE, model, locale);
	}

	@PostMapping("/quality/rounds/{id}/codes")
	String codes(Actor actor, @PathVariable long id, @RequestParam String school,
			@RequestParam(defaultValue = "") String count, Model model, Locale locale) {
		Round round = rounds.round(actor, id);
		boolean pupils = definition(round).respondent() == Respondent.PUPIL;
		int number = count.strip().matches("\\d{1,4}") ? Integer.parseInt(count.strip()) : 0;
		try {
			List<String> codes = pupils ? List.of(rounds.classCode(actor, id, school, number))
					: rounds.issueCodes(actor, id, school, number);
			model.addAttribute("codes", codes);
			model.addAttribute("pupils", pupils);
			model.addAttribute("classSize", number);
			model.addAttribute("school", school);
			model.addAttribute("back", "/quality/rounds/" + id);
			model.addAttribute("name", definition(round).name().in(locale));
			return "quality/round-codes";
		}
		catch (InvalidInputException invalid) {
			return round(actor, id, FormErrors.of(invalid, messages, locale), model, locale);
		}
	}

	@GetMapping("/quality/rounds/{id}/texts")
	String texts(Actor actor, @PathVariable long id, Model model, Locale locale) {
		return texts(actor, id, FormErrors.NONE, model, locale);
	}

	@PostMapping("/quality/rounds/{id}/texts/{textId}")
	String redact(Actor actor, @PathVariable long id, @PathVariable long textId,
			@RequestParam(defaultValue = "") String text, Model model, Locale locale) {
		try {
			results.redact(actor, id, textId, text);
			return "redirect:/quality/rounds/" + id + "/texts";
		}
		catch (InvalidInputException invalid) {
			return texts(actor, id, FormErrors.of(invalid, messages, locale), model, locale);
		}
	}

	private String texts(Actor actor, long id, FormErrors errors, Model model, Locale locale) {
		Round round = rounds.round(actor, id);
		model.addAttribute("texts", results.pendingTexts(actor, id));
		model.addAttribute("name", definition(round).name().in(locale));
		model.addAttribute("roundHref", "/quality/rounds/" + id);
		model.addAttribute("id", id);
		model.addAttribute("errors", errors);
		return "quality/round-texts";
	}

	private String list(Actor actor, FormErrors errors, String[] values, Model model, Locale locale) {
		LocalDate today = rounds.today();
		model.addAttribute("rows",
				rounds.rounds(actor)
					.stream()
					.map(r -> new RoundRow(r.id(), "/quality/rounds/" + r.id(), definition(r).name().in(locale),
							r.unitCode(), r.opensOn(), r.closesOn(), "quality.round.status." + r.status(today).name()))
					.toList());
		boolean opens = Rounds.opensRounds(actor.role());
		model.addAttribute("opens", opens);
		if (opens) {
			List<Choice> choices = new ArrayList<>();
			instruments.catalogue()
				.forEach(i -> i.versions()
					.stream()
					.filter(v -> v.status() == VersionStatus.PUBLISHED)
					.forEach(v -> choices.add(
							new Choice(i.code() + "/" + v.version(), i.name().in(locale) + " (" + v.version() + ")"))));
			model.addAttribute("instruments", choices);
		}
		model.addAttribute("values",
				values == null ? new String[] { "", "", "", today.toString(), today.plusWeeks(4).toString() } : values);
		model.addAttribute("errors", errors);
		return "quality/rounds";
	}

	private String round(Actor actor, long id, FormErrors errors, Model model, Locale locale) {
		Round round = rounds.round(actor, id);
		InstrumentVersion definition = definition(round);
		List<RoundSchool> schools = rounds.schools(actor, id);
		model.addAttribute("round", round);
		model.addAttribute("name", definition.name().in(locale));
		model.addAttribute("respondentKey", "quality.respondent." + definition.respondent().name());
		model.addAttribute("statusKey", "quality.round.status." + round.status(rounds.today()).name());
		model.addAttribute("grades", round.grades().isEmpty() ? null
				: String.join(", ", round.grades().stream().map(String::valueOf).toList()));
		model.addAttribute("schools", schools);
		model.addAttribute("pupils", definition.respondent() == Respondent.PUPIL);
		model.addAttribute("handsOut",
				Rounds.handsOutCodes(actor.role()) && round.status(rounds.today()) != Round.Status.CLOSED);
		model.addAttribute("readsTexts", Results.readsTexts(actor.role()));
		model.addAttribute("resultsHref", "/quality/rounds/" + id + "/results?place=" + placeOf(actor, round));
		model.addAttribute("errors", errors);
		return "quality/round";
	}

	/**
	 * The caller's own place: the last code of their scope, or the round's unit above it.
	 */
	static String placeOf(Actor actor, Round round) {
		String[] own = actor.scope().pathPrefix().split("/");
		return actor.scope().pathPrefix().startsWith(round.path()) ? own[own.length - 1] : round.unitCode();
	}

	private InstrumentVersion definition(Round round) {
		return instruments.definition(round.instrumentCode(), round.instrumentVersion());
	}

	private static LocalDate date(String text) {
		try {
			return text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException notADate) {
			return null;
		}
	}

}
