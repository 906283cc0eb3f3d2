package org.barshaga.indicators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.CsvLine;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's files of two school years through the command-line importer, as real
 * data comes: the pre-school class of one generated school gets its
 * {@code PRESCHOOL_TO_GRADE_1}, with the numerator that the files themselves give. Only
 * that school's pre-school class is imported, in a past school year no demo data uses, so
 * the shared database gains a handful of learners.
 */
@BarshagaTest
class GeneratedCohortTests {

	/** Past, so that the summer conclusions of the next year are not in the future. */
	static final int YEAR = 2017;

	@Autowired
	List<CommandLineJob> jobs;

	@Autowired
	Indicators indicators;

	@Autowired
	FactCache cache;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	private String school;

	@AfterEach
	void removeTheExtracts() {
		cache.forget();
		if (school == null) {
			return;
		}
		for (String table : List.of("enrolment_extract", "enrolment_count")) {
			jdbc.sql("DELETE FROM " + table + " WHERE school_year IN (:years)"
					+ " AND organisation_id = (SELECT id FROM organisation WHERE code = :code)")
				.param("years", List.of(YEAR, YEAR + 1))
				.param("code", school)
				.update();
		}
	}

	@Test
	void theGeneratedPreschoolClassImportedWithTheNextYearHasItsTransitionToGradeOne() throws IOException {
		Path generated = dir.resolve("generated");
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
		assertThat(job("generate").run(List.of("--scale", "demo", "--seed", "7", "--out", generated.toString(),
				"--school-year", String.valueOf(YEAR)), out))
			.as(log.toString(StandardCharsets.UTF_8))
			.isZero();
		Generated files = new Generated(generated);

		Set<String> sen = files.column("learners.csv", 0);
		Set<String> summer = files.column("conclusions_next.csv", 0);
		// the school whose pre-school class has the most learners with SEN, one with a
		// summer conclusion among them first
		Map<String, int[]> bySchool = new TreeMap<>();
		for (List<String> row : files.rows("enrolment.csv")) {
			if (row.get(8).equals("0") && sen.contains(row.get(1))) {
				int[] counts = bySchool.computeIfAbsent(row.get(7), k -> new int[2]);
				counts[0]++;
				counts[1] += summer.contains(row.get(1)) ? 1 : 0;
			}
		}
		school = bySchool.entrySet()
			.stream()
			.max((a, b) -> a.getValue()[1] > 0 != b.getValue()[1] > 0 ? (a.getValue()[1] > 0 ? 1 : -1)
					: Integer.compare(a.getValue()[0], b.getValue()[0]))
			.orElseThrow()
			.getKey();
		Set<String> cohort = new HashSet<>();
		Set<String> learners = new HashSet<>();
		for (List<String> row : files.rows("enrolment.csv")) {
			if (row.get(8).equals("0") && row.get(7).equals(school)) {
				cohort.add(row.get(1));
				if (sen.contains(row.get(1))) {
					learners.add(row.get(1));
				}
			}
		}
		Set<String> pmpcs = new HashSet<>();
		for (String file : List.of("conclusions.csv", "conclusions_next.csv")) {
			files.rows(file)
				.stream()
				.filter(row -> learners.contains(row.get(0)))
				.forEach(row -> pmpcs.add(row.get(3)));
		}

		Predicate<List<String>> ofLearners = row -> learners.contains(row.get(0));
		importFile(files, "organisations", "organisations.csv",
				row -> row.get(0).equals(school) || pmpcs.contains(row.get(0)));
		importFile(files, "enrolment", "enrolment.csv", row -> cohort.contains(row.get(1)));
		importFile(files, "learners", "learners.csv", ofLearners);
		importFile(files, "conclusions", "conclusions.csv", ofLearners);
		importFile(files, "learner_enrolments", "learner_enrolments.csv", ofLearners);
		importFile(files, "enrolment", "enrolment_next.csv", row -> cohort.contains(row.get(1)));
		importFile(files, "conclusions", "conclusions_next.csv", ofLearners);
		importFile(files, "learner_enrolments", "learner_enrolments_next.csv", ofLearners);

		long expected = inForm(files, learners);
		cache.forget();
		IndicatorValue value = indicators
			.values(CohortIndicatorTests.MINISTRY, "PRESCHOOL_TO_GRADE_1", school, YEAR, Level.SELF, List.of())
			.total();
		assertThat(learners).hasSizeGreaterThanOrEqualTo(3);
		assertThat(expected).as("in grade 1 in the recommended form, from the files").isPositive();
		assertThat(value.denominator()).isEqualByComparingTo(BigDecimal.valueOf(learners.size()));
		assertThat(value.numerator()).isEqualByComparingTo(BigDecimal.valueOf(expected));
		assertThat(value.value()).isNotNull();
	}

	/**
	 * The learners in grade 1 of the next extract whose enrolment open on the next census
	 * day has the form of the conclusion then in force, worked out from the files alone.
	 */
	private static long inForm(Generated files, Set<String> learners) throws IOException {
		LocalDate nextCensus = LocalDate.of(YEAR + 1, 10, 1);
		Set<String> gradeOne = new HashSet<>();
		for (List<String> row : files.rows("enrolment_next.csv")) {
			if (learners.contains(row.get(1)) && row.get(8).equals("1")) {
				gradeOne.add(row.get(1));
			}
		}
		Map<String, List<String>> inForce = new HashMap<>();
		for (String file : List.of("conclusions.csv", "conclusions_next.csv")) {
			for (List<String> row : files.rows(file)) {
				LocalDate concluded = LocalDate.parse(row.get(2));
				List<String> before = inForce.get(row.get(0));
				if (!concluded.isAfter(nextCensus)
						&& (before == null || !concluded.isBefore(LocalDate.parse(before.get(2))))) {
					inForce.put(row.get(0), row);
				}
			}
		}
		Map<String, List<String>> enrolments = new LinkedHashMap<>();
		for (String file : List.of("learner_enrolments.csv", "learner_enrolments_next.csv")) {
			for (List<String> row : files.rows(file)) {
				enrolments.put(row.get(0) + "," + row.get(1) + "," + row.get(5), row);
			}
		}
		Map<String, String> open = new HashMap<>();
		for (List<String> row : enrolments.values()) {
			if (!LocalDate.parse(row.get(5)).isAfter(nextCensus)
					&& (row.get(6).isEmpty() || LocalDate.parse(row.get(6)).isAfter(nextCensus))) {
				open.put(row.get(0), row.get(4));
			}
		}
		return gradeOne.stream().filter(iin -> inForce.get(iin).get(6).equals(open.get(iin))).count();
	}

	/**
	 * Imports the rows of a generated file that the filter keeps, as the command does.
	 */
	private void importFile(Generated files, String type, String name, Predicate<List<String>> keep)
			throws IOException {
		List<String> lines = files.lines(name);
		List<String> kept = new ArrayList<>(List.of(lines.get(0)));
		for (String line : lines.subList(1, lines.size())) {
			if (keep.test(CsvLine.fields(line))) {
				kept.add(line);
			}
		}
		Path file = dir.resolve(name);
		Files.write(file, kept, StandardCharsets.UTF_8);
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		int exit = job("import").run(List.of("--type", type, "--file", file.toString()),
				new PrintStream(log, true, StandardCharsets.UTF_8));
		assertThat(exit).as(name + ": " + log.toString(StandardCharsets.UTF_8)).isZero();
	}

	private CommandLineJob job(String name) {
		return jobs.stream().filter(job -> job.name().equals(name)).findFirst().orElseThrow();
	}

	/** The generated files, read as RFC 4180 lines of fields (no field spans lines). */
	private record Generated(Path directory) {

		List<String> lines(String name) throws IOException {
			return Files.readAllLines(directory.resolve(name), StandardCharsets.UTF_8);
		}

		List<List<String>> rows(String name) throws IOException {
			List<String> lines = lines(name);
			return lines.subList(1, lines.size()).stream().map(CsvLine::fields).toList();
		}

		Set<String> column(String name, int column) throws IOException {
			Set<String> values = new HashSet<>();
			rows(name).forEach(row -> values.add(row.get(column)));
			return values;
		}

	}

}
