package org.barshaga.evidence;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The evidence bank's pages that everyone signed in reads: the tables of a codebook with
 * their charts, the evidence-gap map, the coders' agreement, each table as CSV, and the
 * codebook itself, to which an administrator adds codes.
 */
@Controller
class EvidencePages {

	private final EvidenceTables tables;

	private final Codebooks codebooks;

	private final MessageSource messages;

	EvidencePages(EvidenceTables tables, Codebooks codebooks, MessageSource messages) {
		this.tables = tables;
		this.codebooks = codebooks;
		this.messages = messages;
	}

	@GetMapping("/evidence")
	String bank(Actor actor, @RequestParam(defaultValue = Codebooks.SHIPPED) String codebook, Model model,
			Locale locale) {
		EvidenceViews views = new EvidenceViews(messages, locale);
		EvidenceTables.ByYear byYear = tables.byYear(codebook);
		EvidenceTables.ByTheme byTheme = tables.byTheme(codebook);
		EvidenceTables.Claims claims = tables.claims(codebook);
		EvidenceTables.GapMap gapMap = tables.gapMap(codebook);
		model.addAttribute("codebook", byYear.codebook());
		model.addAttribute("codebookName", byYear.codebook().name().in(locale));
		model.addAttribute("codebooks", codebooks.codes());
		model.addAttribute("coder", Coding.codes(actor));
		model.addAttribute("byYear", views.byYear(byYear));
		model.addAttribute("byYearChart", views.yearChart(byYear));
		model.addAttribute("byTheme", views.byTheme(byTheme));
		model.addAttribute("byThemeChart", views.themeChart(byTheme));
		model.addAttribute("claims", views.claims(claims));
		model.addAttribute("claimsChart", views.claimChart(claims));
		model.addAttribute("gapMap", views.gapMap(gapMap));
		model.addAttribute("gapMapChart", views.heatMap(gapMap));
		model.addAttribute("agreement", views.agreement(tables.agreement(codebook)));
		return "evidence/bank";
	}

	@GetMapping("/evidence/tables/{table:by-year|by-theme|claims|gap-map|agreement}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String table,
			@RequestParam(defaultValue = Codebooks.SHIPPED) String codebook, Locale locale) {
		EvidenceViews views = new EvidenceViews(messages, locale);
		EvidenceViews.Grid grid = switch (table) {
			case "by-year" -> views.byYear(tables.byYear(codebook));
			case "by-theme" -> views.byTheme(tables.byTheme(codebook));
			case "claims" -> views.claims(tables.claims(codebook));
			case "gap-map" -> views.gapMap(tables.gapMap(codebook));
			case "agreement" -> views.agreement(tables.agreement(codebook));
			default -> throw new NotFoundException("table", table);
		};
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(codebook + "-" + table + ".csv").build().toString())
			.body(EvidenceViews.csv(grid).getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/evidence/codebooks/{code}")
	String codebook(Actor actor, @PathVariable String code, Model model, Locale locale) {
		return codebookPage(actor, codebooks.get(code), FormErrors.NONE, null, model, locale);
	}

	@PostMapping("/evidence/codebooks/{code}/codes")
	String addCode(Actor actor, @PathVariable String code, @RequestParam(required = false) String dimension,
			@RequestParam(name = "code", required = false) String newCode,
			@RequestParam(required = false) String nameKk, @RequestParam(required = false) String nameRu,
			@RequestParam(required = false) String nameEn, @RequestParam(required = false) String strength,
			@RequestParam(required = false) String reasoningKk, @RequestParam(required = false) String reasoningRu,
			@RequestParam(required = false) String reasoningEn, Model model, Locale locale) {
		Codebook book = codebooks.get(code);
		try {
			Dimension chosen = enumValue(Dimension.class, dimension, "dimension");
			Strength grade = strength == null || strength.isBlank() ? null
					: enumValue(Strength.class, strength, "strength");
			codebooks.addCode(actor, code, new Codebooks.CodeDraft(chosen, blankToNull(newCode),
					name(nameKk, nameRu, nameEn, "name"), grade, name(reasoningKk, reasoningRu, reasoningEn, null)));
		}
		catch (InvalidInputException invalid) {
			return codebookPage(actor, book, FormErrors.of(invalid, messages, locale), newCode, model, locale);
		}
		return "redirect:/evidence/codebooks/" + code + "?added=" + newCode;
	}

	private String codebookPage(Actor actor, Codebook book, FormErrors errors, String submitted, Model model,
			Locale locale) {
		model.addAttribute("codebook", book);
		model.addAttribute("codebookName", book.name().in(locale));
		model.addAttribute("dimensions", List.of(Dimension.values()));
		model.addAttribute("strengths", List.of(Strength.values()));
		model.addAttribute("administers", Codebooks.administers(actor));
		model.addAttribute("coder", Coding.codes(actor));
		model.addAttribute("errors", errors);
		model.addAttribute("submitted", submitted);
		return "evidence/codebook";
	}

	/**
	 * A name in the three languages, or null when none is given; a name given in one or
	 * two of them only is refused against {@code field}.
	 */
	private static LocalizedName name(String kk, String ru, String en, String field) {
		boolean any = !blank(kk) || !blank(ru) || !blank(en);
		if (!any) {
			return null;
		}
		if (blank(kk) || blank(ru) || blank(en)) {
			throw InvalidInputException.of(field == null ? "reasoning" : field, "validation.evidence.threeLanguages");
		}
		return new LocalizedName(kk, ru, en);
	}

	static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
		try {
			return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException unknown) {
			throw InvalidInputException.of(field, "validation.evidence.unknownValue", value);
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String blankToNull(String value) {
		return blank(value) ? null : value.strip();
	}

}
