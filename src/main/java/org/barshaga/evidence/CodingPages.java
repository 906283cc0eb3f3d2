package org.barshaga.evidence;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.ResultPage;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The coders' pages: importing a bibliography, the queue of publications, coding one, and
 * settling a disagreement. Only the roles that code (researchers and the Ministry) open
 * them; the others get 403.
 */
@Controller
class CodingPages {

	private final PublicationImport importer;

	private final Coding coding;

	private final CodingQueue queue;

	private final Codebooks codebooks;

	private final MessageSource messages;

	CodingPages(PublicationImport importer, Coding coding, CodingQueue queue, Codebooks codebooks,
			MessageSource messages) {
		this.importer = importer;
		this.coding = coding;
		this.queue = queue;
		this.codebooks = codebooks;
		this.messages = messages;
	}

	@GetMapping("/evidence/import")
	String importForm(Actor actor, Model model) {
		requireCoder(actor);
		return importPage(null, FormErrors.NONE, model);
	}

	@PostMapping("/evidence/import")
	String importFile(Actor actor, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String format, @RequestParam(required = false) String mode, Model model,
			Locale locale) throws IOException {
		requireCoder(actor);
		try {
			if (file == null || file.isEmpty()) {
				throw InvalidInputException.of("file", "validation.evidence.file.empty");
			}
			BibliographyFormat chosen = EvidencePages.enumValue(BibliographyFormat.class, format, "format");
			ImportMode chosenMode = EvidencePages.enumValue(ImportMode.class, mode, "mode");
			ImportReport report = importer.importFile(actor, chosen, file.getOriginalFilename(), file.getBytes(),
					chosenMode == null ? ImportMode.VALID_ROWS : chosenMode);
			return importPage(report, FormErrors.NONE, model);
		}
		catch (InvalidInputException invalid) {
			return importPage(null, FormErrors.of(invalid, messages, locale), model);
		}
	}

	private String importPage(ImportReport report, FormErrors errors, Model model) {
		model.addAttribute("codebook", codebooks.get(Codebooks.SHIPPED));
		model.addAttribute("coder", true);
		model.addAttribute("formats", List.of(BibliographyFormat.values()));
		model.addAttribute("modes", List.of(ImportMode.values()));
		model.addAttribute("report", report);
		model.addAttribute("errors", errors);
		return "evidence/import";
	}

	@GetMapping("/evidence/coding")
	String queue(Actor actor, @RequestParam(defaultValue = Codebooks.SHIPPED) String codebook,
			@RequestParam(defaultValue = "TO_CODE") String filter, @RequestParam(defaultValue = "0") int page,
			Model model, Locale locale) {
		requireCoder(actor);
		Codebook book = codebooks.get(codebook);
		CodingQueue.Filter chosen = java.util.Arrays.stream(CodingQueue.Filter.values())
			.filter(f -> f.name().equals(filter))
			.findFirst()
			.orElse(CodingQueue.Filter.TO_CODE);
		ResultPage<CodingQueue.Row> rows = queue.page(actor, codebook, chosen, page);
		model.addAttribute("codebook", book);
		model.addAttribute("codebookName", book.name().in(locale));
		model.addAttribute("filter", chosen);
		model.addAttribute("filters", List.of(CodingQueue.Filter.values()));
		model.addAttribute("results", rows);
		model.addAttribute("coder", true);
		return "evidence/queue";
	}

	@GetMapping("/evidence/coding/{id}")
	String publication(Actor actor, @PathVariable long id,
			@RequestParam(defaultValue = Codebooks.SHIPPED) String codebook, Model model, Locale locale) {
		requireCoder(actor);
		return codePage(actor, codebooks.get(codebook), id, FormErrors.NONE, Set.of(), model, locale);
	}

	@PostMapping("/evidence/coding/{id}")
	String code(Actor actor, @PathVariable long id, @RequestParam(defaultValue = Codebooks.SHIPPED) String codebook,
			@RequestParam(required = false) List<String> codes, @RequestParam(required = false) String theme,
			Model model, Locale locale) {
		return save(actor, id, codebook, codes, theme, false, model, locale);
	}

	@PostMapping("/evidence/coding/{id}/settle")
	String settle(Actor actor, @PathVariable long id, @RequestParam(defaultValue = Codebooks.SHIPPED) String codebook,
			@RequestParam(required = false) List<String> codes, @RequestParam(required = false) String theme,
			Model model, Locale locale) {
		return save(actor, id, codebook, codes, theme, true, model, locale);
	}

	private String save(Actor actor, long id, String codebook, List<String> codes, String theme, boolean settle,
			Model model, Locale locale) {
		requireCoder(actor);
		Codebook book = codebooks.get(codebook);
		Set<String> chosen = new java.util.TreeSet<>(codes == null ? List.of() : codes);
		if (theme != null && !theme.isBlank()) {
			chosen.add(theme);
		}
		try {
			if (settle) {
				coding.settle(actor, codebook, id, chosen);
			}
			else {
				coding.code(actor, codebook, id, chosen);
			}
		}
		catch (InvalidInputException invalid) {
			return codePage(actor, book, id, FormErrors.of(invalid, messages, locale), chosen, model, locale);
		}
		return "redirect:/evidence/coding/" + id + "?codebook=" + codebook + "&saved=true";
	}

	private String codePage(Actor actor, Codebook book, long id, FormErrors errors, Set<String> chosen, Model model,
			Locale locale) {
		List<Coding.Coded> codings = coding.codings(book, id);
		boolean mine = codings.stream().anyMatch(c -> c.coder().equals(actor.username()));
		boolean disagreement = coding.disagreement(book, id);
		model.addAttribute("publication", queue.publication(id));
		model.addAttribute("codebook", book);
		model.addAttribute("codebookName", book.name().in(locale));
		model.addAttribute("themes", book.of(Dimension.THEME));
		model.addAttribute("claims", book.of(Dimension.CLAIM));
		model.addAttribute("populations", book.of(Dimension.POPULATION));
		model.addAttribute("chosen", chosen);
		model.addAttribute("errors", errors);
		// the other coder's codes stay hidden until the coder has coded: coding is
		// independent
		model.addAttribute("codings", mine || disagreement || codings.size() == 2 ? codings : List.of());
		model.addAttribute("mine", mine);
		model.addAttribute("canCode", !mine && codings.size() < 2);
		model.addAttribute("disagreement", disagreement);
		model.addAttribute("finalCodes", coding.finalCodes(book, id));
		model.addAttribute("coder", true);
		return "evidence/code";
	}

	private static void requireCoder(Actor actor) {
		if (!Coding.codes(actor)) {
			throw new NotPermittedException("code publications");
		}
	}

}
