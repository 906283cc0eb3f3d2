package org.barshaga.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.audit.AuditSubjects;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.learner.Learners;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives out a register inside the user's scope in its import layout, so that exporting
 * and importing again changes nothing. Learners' registers are read in the learner scope,
 * the same as every read of a child's record, and their health fields go only to those
 * who see them in the record ({@link HealthSight}). Exports of personal data are audited
 * with the row count and, for children, with every child the file held.
 */
@Service
class Exporter {

	/** Rows an XLSX sheet holds below its header. */
	static final int XLSX_ROWS = 1_048_575;

	/**
	 * The most rows an XLSX export gives out: one sheet. A field so that the refusal can
	 * be tried without a register of a million rows.
	 */
	int xlsxRows = XLSX_ROWS;

	private final Importer importer;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Learners learners;

	private final Clock clock;

	Exporter(Importer importer, AuditLog audit, TransactionTemplate transactions, Learners learners, Clock clock) {
		this.importer = importer;
		this.audit = audit;
		this.transactions = transactions;
		this.learners = learners;
		this.clock = clock;
	}

	/** Writes the CSV for the pages or the API. */
	long csv(Actor actor, Register register, OutputStream output) throws IOException {
		return csv(actor, register, output, Channel.WEB);
	}

	/** Writes the CSV (UTF-8 with a byte-order mark, so that Excel reads it right). */
	long csv(Actor actor, Register register, OutputStream output, Channel channel) throws IOException {
		RegisterHandler handler = permitted(actor, register);
		Held held = new Held(register);
		try {
			output.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			rows(reader(actor, register), handler, output, held, health(actor, channel));
		}
		finally {
			// rows already sent are audited even when the transfer breaks off
			audited(actor, register, held, "csv");
		}
		return held.rows;
	}

	/**
	 * Writes the XLSX. The rows go first to a temporary CSV, so that a register too large
	 * for one sheet is refused before anything is sent, never cut short.
	 */
	long xlsx(Actor actor, Register register, OutputStream output) throws IOException {
		return xlsx(actor, register, output, Channel.WEB);
	}

	/**
	 * Writes the XLSX by the given way out.
	 * @see #xlsx(Actor, Register, OutputStream)
	 */
	long xlsx(Actor actor, Register register, OutputStream output, Channel channel) throws IOException {
		RegisterHandler handler = permitted(actor, register);
		Path spool = Files.createTempFile("barshaga-export", ".csv");
		Held held = new Held(register);
		try {
			long count;
			try (OutputStream out = Files.newOutputStream(spool)) {
				count = rows(reader(actor, register), handler, out, held, health(actor, channel));
			}
			if (count > xlsxRows) {
				throw InvalidInputException.of("format", "exchange.problem.tooManyForXlsx", count);
			}
			Workbook workbook = new Workbook(output, "Barshaga", "1.0");
			Worksheet sheet = workbook.newWorksheet(register.fileName());
			List<Column> columns = handler.layout().columns();
			for (int c = 0; c < columns.size(); c++) {
				sheet.value(0, c, columns.get(c).name());
				sheet.style(0, c).bold().set();
			}
			try (CsvRecords records = new CsvRecords(Files.newInputStream(spool))) {
				records.next();
				RecordSource.SourceRecord record;
				int row = 1;
				while ((record = records.next()) != null) {
					if (record.blank()) {
						continue;
					}
					String[] fields = record.fields();
					for (int c = 0; c < fields.length; c++) {
						if (!fields[c].isEmpty()) {
							sheet.value(row, c, fields[c]);
						}
					}
					if (row % 10_000 == 0) {
						sheet.flush();
					}
					row++;
				}
			}
			catch (FileProblem ex) {
				throw new IllegalStateException("The export spool is not readable", ex);
			}
			workbook.finish();
			audited(actor, register, held, "xlsx");
			return count;
		}
		finally {
			Files.deleteIfExists(spool);
		}
	}

	/**
	 * The actor as the export reads: a learners' register in the learner scope of reads,
	 * which is wider than the account's own for a PMPC specialist.
	 */
	private Actor reader(Actor actor, Register register) {
		if (!register.learnerRegister()) {
			return actor;
		}
		return new Actor(actor.userId(), actor.username(), actor.fullName(), actor.role(), learners.scopeOf(actor));
	}

	private HealthSight health(Actor actor, Channel channel) {
		return HealthSight.of(actor, channel, LocalDate.now(clock));
	}

	/** The header and every row in scope, as CSV; the number of rows. */
	private long rows(Actor actor, RegisterHandler handler, OutputStream output, Held held, HealthSight health)
			throws IOException {
		Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
		out.write(handler.layout().headerLine());
		out.write("\r\n");
		StringBuilder scratch = new StringBuilder(256);
		handler.export(actor, new ExportRows() {

			@Override
			public HealthSight health() {
				return health;
			}

			@Override
			public void held(Object subject) {
				held.subject(subject);
			}

			@Override
			public void accept(String[] row) {
				try {
					Csv.writeRow(out, row, scratch);
					held.rows++;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

		});
		out.flush();
		return held.rows;
	}

	/** What an export has given out so far: its rows and the children they are about. */
	private static final class Held {

		private final AuditSubjects subjects;

		private long rows;

		Held(Register register) {
			// the enrolment extract's pupils are known by IIN: twelve digits, kept as
			// numbers
			this.subjects = register.subjectType() == null ? null : new AuditSubjects(register.subjectType(),
					"enrolment_pupil".equals(register.subjectType()) ? 12 : 0);
		}

		void subject(Object subject) {
			if (subjects != null) {
				subjects.add(subject);
			}
		}

	}

	private RegisterHandler permitted(Actor actor, Register register) {
		if (!register.allows(actor.role())) {
			throw new NotPermittedException("export " + register.fileName());
		}
		return importer.handler(register);
	}

	private void audited(Actor actor, Register register, Held held, String format) {
		if (!register.personal()) {
			return;
		}
		String detail = register.fileName() + ": " + held.rows + " rows, " + format;
		transactions.executeWithoutResult(t -> {
			if (held.subjects == null) {
				audit.recorded(actor, AuditAction.EXPORT, "export", register.fileName(), actor.scope().pathPrefix(),
						detail);
			}
			else {
				audit.recordedHolding(actor, AuditAction.EXPORT, "export", register.fileName(),
						actor.scope().pathPrefix(), detail, held.subjects);
			}
		});
	}

}
