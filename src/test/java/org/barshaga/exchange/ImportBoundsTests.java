package org.barshaga.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an import keeps of its rejections, and what its record says it saved. Rejections
 * are all counted but only the first {@link UploadLimits#KEPT_PROBLEMS} are stored; an
 * all-or-nothing import stops at its {@link UploadLimits#ALL_OR_NOTHING_STOP}th. The rows
 * saved in the record are, at every moment, the rows the database holds. Each test uses a
 * school year of its own.
 */
@BarshagaTest
class ImportBoundsTests {

	@Autowired
	Importer importer;

	@Autowired
	ImportRuns runs;

	@Autowired
	Reports reports;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	int year;

	@BeforeEach
	void chooseYear() {
		// a past year that no demo data uses: its pupils are born before today and of
		// school age on its 1 September
		year = 2008 + (int) (Math.abs(System.nanoTime()) % 16);
	}

	@AfterEach
	void removeYear() {
		jdbc.sql("DELETE FROM enrolment_extract WHERE school_year = ?").param(year).update();
		jdbc.sql("DELETE FROM enrolment_count WHERE school_year = ?").param(year).update();
	}

	String row(int n) {
		Sex sex = n % 2 == 0 ? Sex.FEMALE : Sex.MALE;
		String iin = org.barshaga.kernel.Iin.of(java.time.LocalDate.of(year - 16, 1, 1).plusDays(n % 3650), sex,
				n / 3650 * 2 + n % 2);
		return String.join(",", String.valueOf(year), iin, "Сейітова" + n, "Аружан", "Нұрланқызы",
				org.barshaga.kernel.Iin.birthDate(iin).toString(), sex.name(), ImportTests.SCHOOL, "5", "KK");
	}

	Path file(String name, int good, int bad) throws IOException {
		Path path = dir.resolve(name);
		try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
			out.write(ImportTests.HEADER + "\n");
			for (int i = 0; i < good; i++) {
				out.write(row(i) + "\n");
			}
			for (int i = 0; i < bad; i++) {
				out.write(row(good + i).replace(",5,KK", ",15,KK") + "\n");
			}
		}
		return path;
	}

	ImportRequest request(Path file, ImportMode mode) {
		return new ImportRequest(ImportTests.ADMIN, Register.ENROLMENT, file, file.getFileName().toString(), mode,
				false);
	}

	long stored(ImportRun run) {
		return jdbc.sql("SELECT COUNT(*) FROM import_rejection WHERE run_id = ?")
			.param(run.id())
			.query(Long.class)
			.single();
	}

	@Test
	void everyRejectionIsCountedButOnlyTheFirstThousandsAreKept() throws IOException {
		ImportRun run = importer.run(request(file("many-bad.csv", 10, 6_000), ImportMode.VALID_ROWS), null);
		assertThat(run.status()).isEqualTo(ImportRun.Status.COMPLETED);
		assertThat(run.rowsRejected()).isEqualTo(6_000);
		assertThat(run.rowsWritten()).isEqualTo(10);
		assertThat(stored(run)).as("the first 5,000 problems and a line saying how many more").isEqualTo(5_001);
		assertThat(runs.truncated(run.id())).isTrue();
		List<String> last = new ArrayList<>();
		runs.eachRejection(run.id(), r -> {
			if (r.reasonKey().equals("exchange.reason.notListed")) {
				last.add(r.line() + " " + reports.reason(r, Locale.ENGLISH));
			}
		});
		assertThat(last).containsExactly(
				"5012 This and 1000 more problems are not listed: a report keeps the first 5000 problems. Correct these and check the file again.");
	}

	@Test
	void anAllOrNothingImportStopsAtItsThousandthRejection() throws IOException {
		ImportRun run = importer.run(request(file("stop.csv", 5, 3_000), ImportMode.ALL_OR_NOTHING), null);
		assertThat(run.status()).isEqualTo(ImportRun.Status.REJECTED);
		assertThat(run.rowsRejected()).isEqualTo(1_000);
		assertThat(run.rowsRead()).isEqualTo(1_005);
		assertThat(run.rowsWritten()).isZero();
		assertThat(stored(run)).isEqualTo(1_000);
		assertThat(reports.problem(run, Locale.ENGLISH))
			.startsWith("The import stopped at the 1000th rejected row: in all-or-nothing mode");
	}

	/**
	 * At every progress report, the record's rows saved and the rows the database holds
	 * are read in one statement, from another connection, while the import runs.
	 */
	@Test
	void theRowsSavedInTheRecordAreTheRowsTheDatabaseHoldsAtEveryMoment() throws IOException {
		for (ImportMode mode : ImportMode.values()) {
			jdbc.sql("DELETE FROM enrolment_extract WHERE school_year = ?").param(year).update();
			ImportRequest request = request(file(mode + ".csv", 60_000, 0), mode);
			long runId = importer.begin(request);
			List<String> mismatches = new ArrayList<>();
			int[] checks = { 0 };
			ImportRun run = importer.execute(runId, request, (bytes, fileBytes, read, rejected, written) -> {
				checks[0]++;
				long[] both = jdbc.sql("""
						SELECT (SELECT rows_written FROM import_run WHERE id = ?),
							(SELECT COUNT(*) FROM enrolment_extract WHERE school_year = ?)""")
					.params(runId, year)
					.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
					.single();
				if (both[0] != both[1]) {
					mismatches.add(mode + " after " + read + " rows: record " + both[0] + ", database " + both[1]);
				}
			});
			assertThat(run.status()).isEqualTo(ImportRun.Status.COMPLETED);
			assertThat(run.rowsWritten()).isEqualTo(60_000);
			assertThat(checks[0]).as("progress was reported while the import ran").isGreaterThan(1);
			assertThat(mismatches).isEmpty();
		}
	}

}
