package org.barshaga.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.barshaga.kernel.Actor;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * The paper path: a version's form as a PDF in kk, ru or en (easy-read for pupils and
 * parents), the same form for a round and one of its schools, the import template, and
 * the round's page where the answers keyed from paper forms come back as a file.
 */
@Controller
class PaperPages {

	/** Problems listed on the page; a file with more says how many more there are. */
	static final int MAX_SHOWN = 500;

	private static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Instruments instruments;

	private final Rounds rounds;

	private final PaperForms forms;

	private final PaperImport paperImport;

	private final MessageSource messages;

	PaperPages(Instruments instruments, Rounds rounds, PaperForms forms, PaperImport paperImport,
			MessageSource messages) {
		this.instruments = instruments;
		this.rounds = rounds;
		this.forms = forms;
		this.paperImport = paperImport;
		this.messages = messages;
	}

	record Language(String code, String label) {
	}

	@GetMapping("/quality/instruments/{code}/versions/{version}/paper.pdf")
	ResponseEntity<byte[]> blankForm(@PathVariable String code, @PathVariable int version,
			@RequestParam(required = false) String language, @RequestParam(defaultValue = "false") boolean easy,
			Locale locale) {
		InstrumentVersion definition = instruments.definition(code, version);
		Locale chosen = language(language, locale);
		return pdf(forms.pdf(definition, PaperForms.Heading.NONE, chosen, easy),
				code + "-" + version + "-" + chosen.getLanguage() + (easy ? "-easy" : "") + ".pdf");
	}

	@GetMapping("/quality/instruments/{code}/versions/{version}/paper.csv")
	ResponseEntity<byte[]> template(@PathVariable String code, @PathVariable int version) {
		InstrumentVersion definition = instruments.definition(code, version);
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(code + "-" + version + "-paper.csv"))
			.body(PaperLayout.template(definition).getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/quality/rounds/{id}/paper.pdf")
	ResponseEntity<byte[]> roundForm(Actor actor, @PathVariable long id, @RequestParam String school,
			@RequestParam(required = false) String language, @RequestParam(defaultValue = "false") boolean easy,
			Locale locale) {
		Round round = rounds.round(actor, id);
		RoundSchool found = rounds.schools(actor, id)
			.stream()
			.filter(s -> s.code().equals(school))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("school", school));
		Locale chosen = language(language, locale);
		InstrumentVersion definition = instruments.definition(round.instrumentCode(), round.instrumentVersion());
		return pdf(forms.pdf(definition, new PaperForms.Heading(id, found.code(), found.name()), chosen, easy),
				"round-" + id + "-" + school + "-" + chosen.getLanguage() + (easy ? "-easy" : "") + ".pdf");
	}

	@GetMapping("/quality/rounds/{id}/paper")
	String page(Actor actor, @PathVariable long id, Model model, Locale locale) {
		return page(actor, id, List.of(), null, model, locale);
	}

	@PostMapping("/quality/rounds/{id}/paper")
	String upload(Actor actor, @PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
			Locale locale) throws IOException {
		rounds.round(actor, id);
		if (file != null && file.getSize() > PaperImport.MAX_BYTES) {
			model.addAttribute("problemCount", 1);
			return page(actor, id, List.of(messages.getMessage("quality.paper.tooLarge",
					new Object[] { PaperImport.MAX_BYTES / (1024 * 1024) }, locale)), null, model, locale);
		}
		String name = file == null ? "" : String.valueOf(file.getOriginalFilename());
		byte[] content = file == null ? null : file.getBytes();
		try {
			PaperImport.Imported imported = paperImport.importFile(actor, id, name, content);
			return page(actor, id, List.of(), imported, model, locale);
		}
		catch (PaperRefused refused) {
			List<PaperProblem> found = refused.problems();
			List<String> problems = new ArrayList<>(
					found.stream().limit(MAX_SHOWN).map(p -> message(p, locale)).toList());
			if (found.size() > MAX_SHOWN) {
				problems
					.add(messages.getMessage("quality.paper.more", new Object[] { found.size() - MAX_SHOWN }, locale));
			}
			model.addAttribute("problemCount", found.size());
			return page(actor, id, problems, null, model, locale);
		}
	}

	private String page(Actor actor, long id, List<String> problems, PaperImport.Imported imported, Model model,
			Locale locale) {
		Round round = rounds.round(actor, id);
		InstrumentVersion definition = instruments.definition(round.instrumentCode(), round.instrumentVersion());
		model.addAttribute("round", round);
		model.addAttribute("name", definition.name().in(locale));
		model.addAttribute("definition", definition);
		model.addAttribute("easyRead", definition.respondent().needsEasyRead());
		model.addAttribute("schools", rounds.schools(actor, id));
		model.addAttribute("languages",
				List.of("kk", "ru", "en")
					.stream()
					.map(l -> new Language(l, messages.getMessage("language.name." + l, null, locale)))
					.toList());
		model.addAttribute("imports",
				PaperImport.importsPaper(actor.role()) && round.status(rounds.today()) == Round.Status.OPEN);
		model.addAttribute("templateHref",
				"/quality/instruments/" + definition.code() + "/versions/" + definition.version() + "/paper.csv");
		model.addAttribute("problems", problems);
		model.addAttribute("imported", imported);
		return "quality/round-paper";
	}

	private String message(PaperProblem problem, Locale locale) {
		String text = messages.getMessage(problem.messageKey(), problem.arguments().toArray(), locale);
		if (problem.line() == 0) {
			return text;
		}
		return problem.column() == null
				? messages.getMessage("quality.paper.atLine", new Object[] { problem.line(), text }, locale)
				: messages.getMessage("quality.paper.atCell", new Object[] { problem.line(), problem.column(), text },
						locale);
	}

	private static Locale language(String language, Locale current) {
		return language != null && LANGUAGES.contains(language) ? Locale.forLanguageTag(language) : current;
	}

	private static ResponseEntity<byte[]> pdf(byte[] pdf, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
			.body(pdf);
	}

	private static String attachment(String fileName) {
		return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
	}

}
