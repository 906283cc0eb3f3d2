package org.barshaga.reporting;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.indicators.FiguresOfRecord;
import org.barshaga.indicators.Indicator;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.PlaceName;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

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
 * The figures of record: each accepted school year's revisions, what each revision
 * changed and why, and for administrators and the Ministry the correction that freezes
 * the next revision.
 */
@Controller
class FiguresOfRecordPages {

	static final String LIST = "/figures-of-record";

	private final FiguresOfRecord figures;

	private final Indicators indicators;

	private final MessageSource messages;

	FiguresOfRecordPages(FiguresOfRecord figures, Indicators indicators, MessageSource messages) {
		this.figures = figures;
		this.indicators = indicators;
		this.messages = messages;
	}

	/** A line of the differences, ready to show. */
	record Change(String indicator, String place, String code, BigDecimal before, BigDecimal after, BigDecimal change) {
	}

	@GetMapping(LIST)
	String list(Actor actor, Model model) {
		return list(actor, model, FormErrors.NONE, null, null);
	}

	@PostMapping(LIST + "/revisions")
	String revise(Actor actor, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String reason, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			if (year == null) {
				throw InvalidInputException.of("year", "validation.required");
			}
			FiguresOfRecord.Revision revision = figures.revise(actor, year, reason);
			redirect.addFlashAttribute("notice", "figures.notice.revised");
			return "redirect:" + LIST + "/" + year + "/" + revision.revision();
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(actor, model, FormErrors.of(invalid, messages, locale), year, reason);
		}
		catch (EditConflictException conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return list(actor, model, FormErrors.message("year", "figures.conflict", messages, locale), year, reason);
		}
	}

	@GetMapping(LIST + "/{year}/{revision}")
	String revision(Actor actor, @PathVariable int year, @PathVariable int revision, Locale locale, Model model) {
		requireReader(actor);
		FiguresOfRecord.Revision shown = figures.revisions(year)
			.stream()
			.filter(r -> r.revision() == revision)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("figureRevision", year + "/" + revision));
		List<FiguresOfRecord.Difference> differences = figures.differences(actor, year, revision);
		Map<String, String> names = new HashMap<>();
		for (Indicator indicator : indicators.catalogue()) {
			names.put(indicator.code(), indicator.name().in(locale));
		}
		Map<String, String> places = new HashMap<>();
		model.addAttribute("revision", shown);
		model.addAttribute("changes",
				differences.stream()
					.map(d -> new Change(names.getOrDefault(d.indicator(), d.indicator()),
							places.computeIfAbsent(d.orgUnit(), code -> placeName(code, year, locale)), d.orgUnit(),
							d.before(), d.after(), d.change()))
					.toList());
		model.addAttribute("limit", FiguresOfRecord.MAX_DIFFERENCES);
		return "reporting/figures-revision";
	}

	private String list(Actor actor, Model model, FormErrors errors, Integer failedYear, String reason) {
		requireReader(actor);
		Map<Integer, List<FiguresOfRecord.Revision>> years = new LinkedHashMap<>();
		for (FiguresOfRecord.Revision revision : figures.revisions(null)) {
			years.computeIfAbsent(revision.year(), y -> new java.util.ArrayList<>()).add(revision);
		}
		model.addAttribute("years", years);
		model.addAttribute("revises", actor.role() == Role.ADMIN || actor.role() == Role.MINISTRY);
		model.addAttribute("errors", errors);
		model.addAttribute("failedYear", failedYear);
		model.addAttribute("reason", reason);
		return "reporting/figures-of-record";
	}

	private String placeName(String code, int year, Locale locale) {
		return indicators.place(code, year).map(PlaceName::name).map(n -> n.in(locale)).orElse(code);
	}

	/**
	 * Researchers read the figures with small cells suppressed, through the dashboards
	 * and open data, not value by value here.
	 */
	private static void requireReader(Actor actor) {
		if (actor.role() == Role.RESEARCHER) {
			throw new NotPermittedException("read the figures of record value by value");
		}
	}

}
