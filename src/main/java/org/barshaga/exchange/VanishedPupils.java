package org.barshaga.exchange;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.audit.AuditSubjects;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.SchoolYear;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Who left without a record: the pupils of one year's enrolment extract, at schools in
 * the user's scope whose next year's extract is loaded, who are in no school's next
 * extract and have no leaving record between the two census days. They are the "vanished"
 * part of the dropout indicators (docs/indicators.md, "Staying and moving on"), listed so
 * that a school can find each child and record where they went. The list is audited as an
 * export, with every learner of the register on it recorded against the event.
 */
@Controller
class VanishedPupils {

	static final String HEADER = "school_code,iin,surname,given_name,patronymic,birth_date,grade";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	VanishedPupils(JdbcClient jdbc, AuditLog audit, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Last school year by default: the current one has no next extract yet. */
	@GetMapping("/exchange/vanished.csv")
	void csv(Actor actor, @RequestParam(required = false) Integer year, HttpServletResponse response)
			throws IOException {
		if (!Register.ENROLMENT.allows(actor.role())) {
			throw new NotPermittedException("exchange vanished pupils");
		}
		int from = year != null ? year : SchoolYear.of(LocalDate.now(clock)).startYear() - 1;
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vanished-" + from + ".csv\"");
		AuditSubjects learners = new AuditSubjects("learner");
		int[] rows = { 0 };
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write(HEADER + "\r\n");
		StringBuilder scratch = new StringBuilder();
		actor.scope()
			.bind(jdbc.sql("SELECT o.code, e.iin, e.surname, e.given_name, e.patronymic, e.birth_date, e.grade,"
					+ " l.id AS learner_id FROM enrolment_extract e JOIN organisation o ON o.id = e.organisation_id"
					+ " LEFT JOIN learner l ON l.iin = e.iin WHERE e.school_year = :year AND "
					+ actor.scope().sql("o.path")
					+ " AND e.organisation_id IN (SELECT organisation_id FROM enrolment_count"
					+ " WHERE school_year = :next AND pupils > 0)"
					+ " AND NOT EXISTS (SELECT 1 FROM enrolment_extract n WHERE n.school_year = :next AND n.iin = e.iin)"
					+ " AND NOT EXISTS (SELECT 1 FROM school_leaver v WHERE v.iin = CAST(e.iin AS BIGINT)"
					+ " AND v.left_on >= :census AND v.left_on < :nextCensus)"
					+ " ORDER BY o.code, e.grade, e.surname, e.iin"))
			.param("year", from)
			.param("next", from + 1)
			.param("census", Date.valueOf(new SchoolYear(from).census()))
			.param("nextCensus", Date.valueOf(new SchoolYear(from + 1).census()))
			.query(rs -> {
				try {
					Csv.writeRow(out,
							new String[] { rs.getString(1), rs.getString(2).strip(), rs.getString(3), rs.getString(4),
									rs.getString(5), rs.getDate(6).toLocalDate().toString(),
									Integer.toString(rs.getInt(7)) },
							scratch);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
				long learner = rs.getLong("learner_id");
				if (!rs.wasNull()) {
					learners.add(learner);
				}
				rows[0]++;
			});
		out.flush();
		transactions.executeWithoutResult(t -> audit.recordedHolding(actor, AuditAction.EXPORT, "export", "vanished",
				actor.scope().pathPrefix(),
				"vanished pupils of " + from + ": " + rows[0] + " pupils, " + learners.size() + " learners", learners));
	}

}
