package org.barshaga.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The data exchange pages: templates, exports, uploads and the progress and report of
 * each import. An upload is saved to disk first and imported in the background, so that a
 * file of millions of rows neither holds a request open nor sits in memory.
 */
@Controller
class ExchangePages {

	private static final int REJECTIONS_SHOWN = 100;

	private final Importer importer;

	private final Exporter exporter;

	private final Templates templates;

	private final ImportRuns runs;

	private final Reports reports;

	private final BackgroundImports background;

	private final MessageSource messages;

	private final ReportAudit reportAudit;

	ExchangePages(Importer importer, Exporter exporter, Templates templates, ImportRuns runs, Reports reports,
			MessageSource messages, ReportAudit reportAudit, BackgroundImports background) {
		this.background = background;
		this.messages = messages;
		this.reportAudit = reportAudit;
		this.importer = importer;
		this.exporter = exporter;
		this.templates = templates;
		this.runs = runs;
		this.reports = reports;
	}

	/** The registers the actor may load and give out, in the order of the menu. */
	static List<Register> registersFor(Actor actor) {
		return Arrays.stream(Register.values()).filter(r -> r.allows(actor.role())).toList();
	}

	/** The exchange page; {@code register} chooses the register of the upload form. */
	@GetMapping("/exchange")
	String start(Actor actor, @RequestParam(required = false) String register,
			@RequestParam(defaultValue = "false") boolean tooLarge, Model model, Locale locale) {
		Register chosen = Register.fromFileName(register).filter(r -> r.allows(actor.role())).orElse(null);
		FormErrors errors = FormErrors.NONE;
		if (tooLarge) {
			errors = FormErrors.of(InvalidInputException.of("file", "exchange.upload.tooLarge",
					UploadLimits.megabytes(UploadLimits.MAX_FILE_BYTES),
					UploadLimits.megabytes(UploadLimits.MAX_XLSX_BYTES)), messages, locale);
		}
		return page(actor, model, errors, chosen, ImportMode.ALL_OR_NOTHING, false);
	}

	private String page(Actor actor, Model model, FormErrors errors, Register chosen, ImportMode mode, boolean dryRun) {
		List<Register> registers = registersFor(actor);
		if (registers.isEmpty()) {
			throw new NotPermittedException("exchange");
		}
		model.addAttribute("registers", registers);
		model.addAttribute("vanishedListed", Register.ENROLMENT.allows(actor.role()));
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("chosen", chosen);
		model.addAttribute("mode", mode);
		model.addAttribute("dryRun", dryRun);
		model.addAttribute("errors", errors);
		model.addAttribute("runs", runs.recent(actor, 20));
		return "exchange/exchange";
	}

	@PostMapping("/exchange/imports")
	String upload(Actor actor, @RequestParam(required = false) String register,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String mode,
			@RequestParam(defaultValue = "false") boolean dryRun, Model model, Locale locale) throws IOException {
		Register chosen = Register.fromFileName(register).filter(r -> r.allows(actor.role())).orElse(null);
		ImportMode importMode = ImportMode.fromOption(mode).orElse(null);
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		if (chosen == null) {
			errors.add("register", "exchange.upload.chooseRegister");
		}
		if (importMode == null) {
			errors.add("mode", "exchange.upload.chooseMode");
		}
		String name = file == null || file.getOriginalFilename() == null ? ""
				: Path.of(file.getOriginalFilename()).getFileName().toString();
		if (file == null || file.isEmpty()) {
			errors.add("file", "exchange.upload.chooseFile");
		}
		else if (!name.toLowerCase(Locale.ROOT).endsWith(".csv") && !name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			errors.add("file", "exchange.upload.fileType");
		}
		else if (file.getSize() > (name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? UploadLimits.MAX_XLSX_BYTES
				: UploadLimits.MAX_FILE_BYTES)) {
			errors.add("file", "exchange.upload.tooLarge", UploadLimits.megabytes(UploadLimits.MAX_FILE_BYTES),
					UploadLimits.megabytes(UploadLimits.MAX_XLSX_BYTES));
		}
		try {
			errors.throwIfAny();
		}
		catch (InvalidInputException invalid) {
			return page(actor, model, FormErrors.of(invalid, messages, locale), chosen,
					importMode == null ? ImportMode.ALL_OR_NOTHING : importMode, dryRun);
		}
		Path saved = Files.createTempFile("barshaga-import",
				name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? ".xlsx" : ".csv");
		file.transferTo(saved);
		ImportRequest request = new ImportRequest(actor, chosen, saved, name, importMode, dryRun);
		long runId;
		try {
			runId = background.start(request);
		}
		catch (ImportRunning running) {
			return page(actor, model, FormErrors.of(
					InvalidInputException.of("file", "exchange.upload.running", String.valueOf(running.runningId())),
					messages, locale), chosen, importMode, dryRun);
		}
		return "redirect:/exchange/runs/" + runId;
	}

	@GetMapping("/exchange/runs/{id}")
	String run(Actor actor, @PathVariable long id, Model model, Locale locale) {
		ImportRun run = visibleRun(actor, id);
		model.addAttribute("run", run);
		model.addAttribute("problem", reports.problem(run, locale));
		model.addAttribute("rejections",
				run.running() ? List.of()
						: runs.rejections(id, REJECTIONS_SHOWN)
							.stream()
							.map(r -> new RejectionLine(r, reports.reason(r, locale)))
							.toList());
		model.addAttribute("rejectionsShown", REJECTIONS_SHOWN);
		model.addAttribute("truncated", !run.running() && runs.truncated(id));
		model.addAttribute("problemsKept", UploadLimits.KEPT_PROBLEMS);
		if (!run.running()) {
			reportAudit.shown(actor, run, REJECTIONS_SHOWN, "page");
		}
		return "exchange/run";
	}

	/** The part of the run page that follows a running import. */
	@GetMapping("/exchange/runs/{id}/progress")
	String progress(Actor actor, @PathVariable long id, Model model, Locale locale) {
		ImportRun run = visibleRun(actor, id);
		model.addAttribute("run", run);
		model.addAttribute("problem", reports.problem(run, locale));
		return "exchange/run :: progress";
	}

	@GetMapping("/exchange/runs/{id}/report.csv")
	void report(Actor actor, @PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
		ImportRun run = visibleRun(actor, id);
		attachment(response, "text/csv; charset=UTF-8", run.register().fileName() + "-" + id + "-report.csv");
		reportAudit.shown(actor, run, Integer.MAX_VALUE, "csv");
		reports.csv(runs, id, locale, response.getOutputStream());
	}

	@GetMapping("/exchange/templates/{name}.{format}")
	void template(Actor actor, @PathVariable String name, @PathVariable String format, Locale locale,
			HttpServletResponse response) throws IOException {
		Register register = permitted(actor, name);
		Layout layout = importer.handler(register).layout();
		if (format.equals("xlsx")) {
			attachment(response, XLSX, register.fileName() + "-template.xlsx");
			templates.xlsx(layout, locale, response.getOutputStream());
		}
		else if (format.equals("csv")) {
			attachment(response, "text/csv; charset=UTF-8", register.fileName() + "-template.csv");
			templates.csv(layout, response.getOutputStream());
		}
		else {
			throw new NotFoundException("template format", format);
		}
	}

	/**
	 * A register as a file. A register too large for one XLSX sheet is refused before
	 * anything is sent: the exchange page again, saying so in the user's language.
	 */
	@GetMapping("/exchange/exports/{name}.{format}")
	ModelAndView export(Actor actor, @PathVariable String name, @PathVariable String format, Model model, Locale locale,
			HttpServletResponse response) throws IOException {
		Register register = permitted(actor, name);
		if (format.equals("xlsx")) {
			try {
				exporter.xlsx(actor, register, new FirstWriteOpens(() -> {
					attachment(response, XLSX, register.fileName() + ".xlsx");
					return response.getOutputStream();
				}));
			}
			catch (InvalidInputException refused) {
				response.setStatus(422);
				return new ModelAndView(page(actor, model, FormErrors.of(refused, messages, locale), register,
						ImportMode.ALL_OR_NOTHING, false), model.asMap());
			}
		}
		else if (format.equals("csv")) {
			attachment(response, "text/csv; charset=UTF-8", register.fileName() + ".csv");
			exporter.csv(actor, register, response.getOutputStream());
		}
		else {
			throw new NotFoundException("export format", format);
		}
		return null;
	}

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private ImportRun visibleRun(Actor actor, long id) {
		return runs.visible(id, actor).orElseThrow(() -> new NotFoundException("import run", id));
	}

	private static Register permitted(Actor actor, String name) {
		Register register = Register.fromFileName(name).orElseThrow(() -> new NotFoundException("register", name));
		if (!register.allows(actor.role())) {
			throw new NotPermittedException("exchange " + name);
		}
		return register;
	}

	private static void attachment(HttpServletResponse response, String type, String fileName) {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
	}

}
