package org.barshaga.exchange;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.barshaga.BarshagaApplication;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import killed mid-way (SIGKILL, in a process of its own) leaves the database as it
 * was in all-or-nothing mode, or with whole committed batches only in valid-rows mode,
 * and running the same file again completes it. The child processes use the database of
 * the run: a file H2 database of their own, or the PostgreSQL of CI's second run.
 */
@Tag(BarshagaTest.DATABASE)
class CrashSafetyTests {

	static final int ROWS = 100_000;

	static final int BATCH = 20_000;

	static final String SCHOOL = "KZ-61-D08-CRASH";

	static final Pattern PROGRESS = Pattern.compile("^\\s*(\\d+)%\\s+([\\d,]+) rows.*");

	@TempDir
	Path dir;

	String url;

	String user;

	String password;

	boolean postgres;

	@BeforeEach
	void database() {
		postgres = "postgres".equals(System.getenv("SPRING_PROFILES_ACTIVE"));
		if (postgres) {
			url = System.getenv("BARSHAGA_DB_URL");
			user = System.getenv("BARSHAGA_DB_USER");
			password = System.getenv("BARSHAGA_DB_PASSWORD");
		}
		else {
			url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
			user = "sa";
			password = "";
		}
	}

	@Test
	void aKilledImportLeavesWholeBatchesOrNothingAndARerunCompletesIt() throws Exception {
		Path organisations = dir.resolve("organisations.csv");
		Files.writeString(organisations,
				"code,type,name_kk,name_ru,name_en,unit_code,settlement,ownership,languages,status,closed_on,pupils\n"
						+ SCHOOL + ",GENERAL_SCHOOL,Сынақ мектебі,Тестовая школа,Test school,KZ-61-D08,RURAL,STATE,"
						+ "KK,OPEN,,1000\n");
		assertThat(runToEnd("import", "--type", "organisations", "--file", organisations.toString())).isZero();

		Path validRows = enrolment(2004);
		Path allOrNothing = enrolment(2005);

		killMidway("import", "--type", "enrolment", "--file", validRows.toString(), "--mode", "valid-rows");
		long kept = count(2004);
		assertThat(kept).as("rows left by the killed valid-rows import").isLessThan(ROWS);
		assertThat(kept % BATCH).as("only whole batches are committed").isZero();
		assertThat(runToEnd("import", "--type", "enrolment", "--file", validRows.toString(), "--mode", "valid-rows"))
			.isZero();
		assertThat(count(2004)).isEqualTo(ROWS);

		killMidway("import", "--type", "enrolment", "--file", allOrNothing.toString(), "--mode", "all-or-nothing");
		assertThat(count(2005)).as("an all-or-nothing import killed mid-way leaves nothing").isZero();
		assertThat(runToEnd("import", "--type", "enrolment", "--file", allOrNothing.toString())).isZero();
		assertThat(count(2005)).isEqualTo(ROWS);

		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM import_run WHERE status = 'INTERRUPTED'"
						+ " AND register = 'ENROLMENT' AND file_name LIKE 'enrolment-200%'")) {
			rs.next();
			assertThat(rs.getLong(1)).as("the killed runs are marked interrupted on the next start").isEqualTo(2);
		}
		assertThat(savedByInterruptedRun("enrolment-2004.csv")).as("the killed valid-rows run says what it committed")
			.isEqualTo(kept);
		assertThat(savedByInterruptedRun("enrolment-2005.csv"))
			.as("the killed all-or-nothing run says it saved nothing")
			.isZero();
		cleanUp();
	}

	private Path enrolment(int year) throws IOException {
		Path file = dir.resolve("enrolment-" + year + ".csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("school_year,iin,surname,given_name,patronymic,birth_date,sex,school_code,grade,language\n");
			// pupils of 6 to 16 on 1 September of the year
			LocalDate first = LocalDate.of(year - 16, 1, 1);
			for (int i = 0; i < ROWS; i++) {
				Sex sex = i % 2 == 0 ? Sex.MALE : Sex.FEMALE;
				LocalDate birth = first.plusDays(i % 3650);
				String iin = Iin.of(birth, sex, i / 3650 * 2 + (i % 2));
				out.write(year + "," + iin + ",Сәрсенбаев" + (i % 97) + ",Нұрлан,Асқарұлы," + birth + "," + sex + ","
						+ SCHOOL + "," + (1 + i % 11) + ",KK\n");
			}
		}
		return file;
	}

	private List<String> command(String... arguments) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						System.getProperty("java.class.path"), BarshagaApplication.class.getName()));
		command.addAll(List.of(arguments));
		if (!postgres) {
			command.add("--barshaga.db.url=" + url);
		}
		command.add("--logging.level.root=WARN");
		return command;
	}

	private int runToEnd(String... arguments) throws Exception {
		Process process = new ProcessBuilder(command(arguments)).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return process.exitValue();
	}

	/**
	 * Starts the import and kills it without warning once it has read a tenth of the
	 * file.
	 */
	private void killMidway(String... arguments) throws Exception {
		Process process = new ProcessBuilder(command(arguments)).redirectErrorStream(true).start();
		StringBuilder seen = new StringBuilder();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				seen.append(line).append('\n');
				Matcher progress = PROGRESS.matcher(line);
				if (progress.matches() && Integer.parseInt(progress.group(1)) >= 10) {
					process.destroyForcibly();
					break;
				}
			}
		}
		assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as("the import was killed, not finished: " + seen).isNotZero();
	}

	private long count(int year) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT COUNT(*) FROM enrolment_extract WHERE school_year = " + year)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private long savedByInterruptedRun(String fileName) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT rows_written FROM import_run WHERE status = 'INTERRUPTED'"
						+ " AND file_name = '" + fileName + "' ORDER BY id DESC")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** On the shared PostgreSQL of CI, the rows of this test go again. */
	private void cleanUp() throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("DELETE FROM enrolment_extract WHERE school_year IN (2004, 2005)");
		}
	}

}
