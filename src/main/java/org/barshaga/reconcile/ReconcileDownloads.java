package org.barshaga.reconcile;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.SpreadsheetCells;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.Organisations;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A run's lists as CSV files, each streamed in one pass whatever its size: the children
 * of an outcome, each register's duplicates for its owner, and the disagreements between
 * the two registers. UTF-8 with a byte order mark for spreadsheets, a header in the
 * user's language, every child in it an audited read.
 */
@Controller
class ReconcileDownloads {

	private final ReconcileLists lists;

	private final AdminUnits units;

	private final Organisations organisations;

	private final MessageSource messages;

	ReconcileDownloads(ReconcileLists lists, AdminUnits units, Organisations organisations, MessageSource messages) {
		this.lists = lists;
		this.units = units;
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/reconcile/runs/{id}/children.csv")
	ModelAndView children(Actor actor, @PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String unit, Model model, Locale locale, HttpServletResponse response)
			throws IOException {
		ReconcileViews views = new ReconcileViews(units, organisations, messages, locale);
		lists.run(actor, id);
		ListRequests.ListRequest request = ListRequests.of(actor, outcome, unit, null, views);
		if (!request.problems().isEmpty()) {
			return new ModelAndView(ListRequests.invalid(request.problems(), model, views, response));
		}
		write(response, id, request.outcome().name().toLowerCase(Locale.ROOT), request.unitCode(),
				List.of("reconcile.list.register", "reconcile.list.record", "reconcile.list.name",
						"reconcile.list.birthDate", "reconcile.list.age", "reconcile.list.sex",
						"reconcile.list.disability", "reconcile.list.residence", "reconcile.list.registers",
						"reconcile.list.disagreements", "reconcile.list.schoolCode", "reconcile.list.school",
						"reconcile.list.probability", "reconcile.list.decision"),
				views,
				out -> lists.children(actor, id, request.outcome(), request.within(), (result, schools, decision) -> {
					ReconcileViews.ChildRow row = views.child(result, schools, decision);
					line(out, List.of(row.registerLabel(), row.recordId(), row.fullName(),
							String.valueOf(row.birthDate()), String.valueOf(row.age()), row.sex(), row.disability(),
							row.residence(), row.registers(), row.disagreements(),
							row.schoolCode() == null ? "" : row.schoolCode(), row.school() == null ? "" : row.school(),
							row.probability() == null ? "" : row.probability(),
							row.decisionKey() == null ? "" : views.text(row.decisionKey())));
				}));
		return null;
	}

	/**
	 * One register's records that name a child another record of it names too; for the
	 * enrolment extract, its pupils listed twice.
	 */
	@GetMapping("/reconcile/runs/{id}/duplicates.csv")
	ModelAndView duplicates(Actor actor, @PathVariable long id, @RequestParam(required = false) String register,
			@RequestParam(required = false) String unit, Model model, Locale locale, HttpServletResponse response)
			throws IOException {
		ReconcileViews views = new ReconcileViews(units, organisations, messages, locale);
		lists.run(actor, id);
		RecordSource source = register(register);
		ListRequests.ListRequest request = ListRequests.ofPlace(actor, unit, views);
		List<String> problems = new ArrayList<>(request.problems());
		if (source == null && enrolment(register) && problems.isEmpty()) {
			write(response, id, "duplicates-enrolment", request.unitCode(),
					List.of("reconcile.evidence.iin", "reconcile.pupilDuplicates.otherIin", "reconcile.list.name",
							"reconcile.list.birthDate", "reconcile.list.sex", "reconcile.list.schoolCode",
							"reconcile.pupilDuplicates.otherSchool", "reconcile.pupilDuplicates.kind"),
					views,
					out -> lists.pupilDuplicates(actor, id, request.within(),
							pair -> line(out,
									List.of(pair.iin(), pair.otherIin(),
											ReconcileViews.fullName(pair.surname(), pair.givenName(),
													pair.patronymic()),
											String.valueOf(pair.birthDate()), views.sex(pair.sex()), pair.schoolCode(),
											pair.otherSchoolCode(),
											views.text(pair.sameSchool() ? "reconcile.pupilDuplicates.sameSchool"
													: "reconcile.pupilDuplicates.twoSchools")))));
			return null;
		}
		if (source == null) {
			problems.add("reconcile.error.register");
		}
		if (!problems.isEmpty()) {
			return new ModelAndView(ListRequests.invalid(problems, model, views, response));
		}
		write(response, id, "duplicates-" + source.name().toLowerCase(Locale.ROOT), request.unitCode(),
				List.of("reconcile.list.register", "reconcile.duplicates.cluster", "reconcile.list.record",
						"reconcile.evidence.iin", "reconcile.list.name", "reconcile.list.birthDate",
						"reconcile.list.sex", "reconcile.list.residence", "reconcile.duplicates.size",
						"reconcile.duplicates.probability", "reconcile.duplicates.review", "reconcile.list.outcome"),
				views,
				out -> lists.duplicates(actor, id, source, request.within(), result -> line(out,
						List.of(views.text(result.register().messageKey()), clusterId(result.clusterKey()),
								result.recordId(), result.iin() == null ? "" : result.iin(),
								ReconcileViews.fullName(result.surname(), result.givenName(), result.patronymic()),
								String.valueOf(result.birthDate()), views.sex(result.sex()),
								views.places().residence(result.residencePath()), String.valueOf(result.clusterSize()),
								views.percent(result.clusterProbability()),
								result.clusterSize() > 1 ? "" : views.text("reconcile.duplicates.waits"),
								views.text(result.outcome().messageKey())))));
		return null;
	}

	/**
	 * The children whom the two registers do not agree on, for both ministries to
	 * resolve.
	 */
	@GetMapping("/reconcile/runs/{id}/disagreements.csv")
	ModelAndView disagreements(Actor actor, @PathVariable long id, @RequestParam(required = false) String unit,
			Model model, Locale locale, HttpServletResponse response) throws IOException {
		ReconcileViews views = new ReconcileViews(units, organisations, messages, locale);
		lists.run(actor, id);
		ListRequests.ListRequest request = ListRequests.ofPlace(actor, unit, views);
		if (!request.problems().isEmpty()) {
			return new ModelAndView(ListRequests.invalid(request.problems(), model, views, response));
		}
		write(response, id, "disagreements", request.unitCode(),
				List.of("reconcile.list.register", "reconcile.list.record", "reconcile.list.name",
						"reconcile.list.birthDate", "reconcile.list.sex", "reconcile.list.disability",
						"reconcile.list.residence", "reconcile.list.registers", "reconcile.list.disagreements",
						"reconcile.list.outcome"),
				views,
				out -> lists.disagreements(actor, id, request.within(), result -> line(out,
						List.of(views.text(result.register().messageKey()), result.recordId(),
								ReconcileViews.fullName(result.surname(), result.givenName(), result.patronymic()),
								String.valueOf(result.birthDate()), views.sex(result.sex()),
								views.disability(result.register(), result.disabilityGroup()),
								views.places().residence(result.residencePath()),
								views.labels("reconcile.found.", result.registers()),
								views.labels("reconcile.disagreement.", result.disagreementList()),
								views.text(result.outcome().messageKey())))));
		return null;
	}

	/** The enrolment extract, named where a register's duplicates are asked for. */
	static final String ENROLMENT = "ENROLMENT";

	/** Whether the register asked for is the enrolment extract. */
	static boolean enrolment(String text) {
		return text != null && ENROLMENT.equalsIgnoreCase(text.strip());
	}

	static RecordSource register(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return RecordSource.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String clusterId(String clusterKey) {
		return clusterKey == null ? "" : clusterKey.substring(clusterKey.indexOf(':') + 1);
	}

	interface Body {

		void write(Writer out) throws IOException;

	}

	private static void write(HttpServletResponse response, long run, String what, String unitCode, List<String> header,
			ReconcileViews views, Body body) throws IOException {
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reconciliation-" + run + "-" + what
				+ (unitCode == null ? "" : "-" + unitCode.replaceAll("[^A-Za-z0-9-]", "")) + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		line(out, header.stream().map((Function<String, String>) views::text).toList());
		try {
			body.write(out);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		out.flush();
	}

	static void line(Writer out, List<String> cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			SpreadsheetCells.appendCsv(line, cells.get(i));
		}
		try {
			out.write(line.append("\r\n").toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
