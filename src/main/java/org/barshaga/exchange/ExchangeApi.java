package org.barshaga.exchange;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports and exports for machines: the same import as the exchange page (the body saved
 * to disk, the same checks, scope, audit and crash safety, the same run and report), and
 * exports streamed as they are read, so that any register size passes in constant memory.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Data exchange", description = "Registers in and out as files, in the layouts of docs/data-exchange.md")
class ExchangeApi {

	private static final String CSV = "text/csv";

	private static final int REJECTIONS_SHOWN = 100;

	private final Importer importer;

	private final BackgroundImports background;

	private final ImportRuns runs;

	private final Reports reports;

	private final ReportAudit reportAudit;

	private final Exporter exporter;

	private final MessageSource messages;

	ExchangeApi(Importer importer, BackgroundImports background, ImportRuns runs, Reports reports,
			ReportAudit reportAudit, Exporter exporter, MessageSource messages) {
		this.importer = importer;
		this.background = background;
		this.runs = runs;
		this.reports = reports;
		this.reportAudit = reportAudit;
		this.exporter = exporter;
		this.messages = messages;
	}

	record Links(String self, String report) {
	}

	record RejectedRow(long line, String column, String value, String reason) {
	}

	/** An import run as the API shows it; rejections only once the run is over. */
	record ImportRunView(long id, String type, String status, String mode, boolean dryRun, String fileName,
			long fileBytes, long bytesRead, int percent, long rowsRead, long rowsRejected, long rowsWritten,
			Instant startedAt, Instant finishedAt, String problem, List<RejectedRow> rejections,
			boolean rejectionsTruncated, Links links) {
	}

	@PostMapping(path = "/imports", consumes = { CSV, ReceivedFile.XLSX_TYPE, "application/octet-stream" })
	@Operation(summary = "Import a file into a register: the body is the file (CSV UTF-8 or XLSX)",
			description = "Answers 202 with the run's address at once; the import runs in the background with the "
					+ "checks, scope, audit and crash safety of the exchange page. 409 while an import of the same "
					+ "register runs in an overlapping scope; 413 for a file over the upload limits or the room "
					+ "on the server's disk.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = ReceivedFile.XLSX_TYPE,
									schema = @Schema(type = "string", format = "binary")) }))
	@ApiResponse(responseCode = "202", description = "The run, started")
	ResponseEntity<ImportRunView> importFile(Actor actor,
			@RequestParam @io.swagger.v3.oas.annotations.Parameter(
					description = "The register's layout, e.g. enrolment, health_registry") String type,
			@RequestParam(defaultValue = "all-or-nothing") @io.swagger.v3.oas.annotations.Parameter(
					description = "all-or-nothing or valid-rows") String mode,
			@RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request, Locale locale)
			throws IOException, ReceivedFile.TooLarge {
		Register register = Register.fromFileName(type).orElse(null);
		ImportMode importMode = ImportMode.fromOption(mode).orElse(null);
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		if (register == null) {
			errors.add("type", "exchange.api.unknownType", type, knownTypes());
		}
		if (importMode == null) {
			errors.add("mode", "exchange.api.unknownMode", mode);
		}
		errors.throwIfAny();
		if (!register.allows(actor.role())) {
			throw new NotPermittedException("import " + register.fileName());
		}
		// refused before the body is read; the importer checks again as the run starts
		importer.refuseWhileRunning(register, actor);
		ReceivedFile received = ReceivedFile.save(request.getInputStream(), request.getContentLengthLong(),
				request.getContentType(), Path.of(System.getProperty("java.io.tmpdir")));
		String fileName = "api-" + register.fileName() + (received.xlsx() ? ".xlsx" : ".csv");
		long id = background.start(new ImportRequest(actor, register, received.file(), fileName, importMode, dryRun));
		ImportRun run = runs.visible(id, actor).orElseThrow();
		return ResponseEntity.accepted().location(URI.create(self(id))).body(view(actor, run, locale));
	}

	@GetMapping("/imports/{id}")
	@Operation(summary = "An import run: progress, status, counts and the first rejected rows",
			description = "404 for a run the caller may not see. The rejected rows shown are audited.")
	ImportRunView importRun(Actor actor, @PathVariable long id, Locale locale) {
		return view(actor, visible(actor, id), locale);
	}

	@GetMapping(path = { "/imports/{id}/report.csv" }, produces = CSV)
	@Operation(summary = "Every rejected row of an import run as CSV (line, column, value, reason); audited")
	void report(Actor actor, @PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
		csvReport(actor, id, locale, response);
	}

	@GetMapping(path = "/imports/{id}", produces = CSV)
	@Operation(summary = "Every rejected row of an import run as CSV, asked by Accept: text/csv")
	void reportByAccept(Actor actor, @PathVariable long id, Locale locale, HttpServletResponse response)
			throws IOException {
		csvReport(actor, id, locale, response);
	}

	@GetMapping(path = "/exports/{layout}", produces = CSV)
	@Operation(summary = "A register in the caller's scope as CSV in its import layout, streamed",
			description = "Health columns only where the caller sees them in the record; the export and every "
					+ "child it held are audited.")
	void export(Actor actor, @PathVariable String layout, HttpServletResponse response) throws IOException {
		Register register = Register.fromFileName(layout).orElseThrow(() -> new NotFoundException("layout", layout));
		if (!register.allows(actor.role())) {
			throw new NotPermittedException("export " + register.fileName());
		}
		attachment(response, register.fileName() + ".csv");
		exporter.csv(actor, register, response.getOutputStream());
	}

	@ExceptionHandler(ImportRunning.class)
	ResponseEntity<ProblemDetail> running(ImportRunning running, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				messages.getMessage("exchange.api.running", new Object[] { String.valueOf(running.runningId()),
						messages.getMessage(running.register().messageKey(), null, locale) }, locale));
		problem.setTitle(messages.getMessage("exchange.api.running.title", null, locale));
		problem.setProperty("running", self(running.runningId()));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler(ReceivedFile.TooLarge.class)
	ResponseEntity<ProblemDetail> tooLarge(ReceivedFile.TooLarge tooLarge, Locale locale) {
		String detail = tooLarge.disk()
				? messages.getMessage("exchange.api.noRoom",
						new Object[] { UploadLimits.megabytes(tooLarge.limitBytes()) }, locale)
				: messages.getMessage("exchange.api.tooLarge",
						new Object[] { UploadLimits.megabytes(UploadLimits.MAX_FILE_BYTES),
								UploadLimits.megabytes(UploadLimits.MAX_XLSX_BYTES) },
						locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
		problem.setTitle(messages.getMessage("exchange.api.tooLarge.title", null, locale));
		// the client may still be sending: the connection is not kept for the rest
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.header(HttpHeaders.CONNECTION, "close")
			.body(problem);
	}

	private void csvReport(Actor actor, long id, Locale locale, HttpServletResponse response) throws IOException {
		ImportRun run = visible(actor, id);
		attachment(response, run.register().fileName() + "-" + id + "-report.csv");
		reportAudit.shown(actor, run, Integer.MAX_VALUE, "api csv");
		reports.csv(runs, id, locale, response.getOutputStream());
	}

	private ImportRun visible(Actor actor, long id) {
		return runs.visible(id, actor).orElseThrow(() -> new NotFoundException("import run", id));
	}

	private ImportRunView view(Actor actor, ImportRun run, Locale locale) {
		List<RejectedRow> rejections = List.of();
		boolean truncated = false;
		if (!run.running()) {
			rejections = runs.rejections(run.id(), REJECTIONS_SHOWN)
				.stream()
				.map(r -> new RejectedRow(r.line(), r.column(), r.value(), reports.reason(r, locale)))
				.toList();
			truncated = run.rowsRejected() > rejections.size();
			reportAudit.shown(actor, run, REJECTIONS_SHOWN, "api");
		}
		return new ImportRunView(run.id(), run.register().fileName(), run.status().name(), run.mode().option(),
				run.dryRun(), run.fileName(), run.fileBytes(), run.bytesRead(), run.percent(), run.rowsRead(),
				run.rowsRejected(), run.rowsWritten(), run.startedAt(), run.finishedAt(), reports.problem(run, locale),
				rejections, truncated, new Links(self(run.id()), self(run.id()) + "/report.csv"));
	}

	private static String self(long id) {
		return "/api/v1/imports/" + id;
	}

	private static String knownTypes() {
		return String.join(", ", Arrays.stream(Register.values()).map(Register::fileName).toList());
	}

	private static void attachment(HttpServletResponse response, String fileName) {
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
	}

}
