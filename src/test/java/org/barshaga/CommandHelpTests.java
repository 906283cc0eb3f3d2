package org.barshaga;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.barshaga.kernel.CommandLineJob;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command of the jar answers {@code --help} and {@code -h} with its options, one
 * line each, and does nothing else: the help is answered before the application starts,
 * and the launcher answers it too without running the job.
 */
@BarshagaTest
class CommandHelpTests {

	private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");

	@Autowired
	List<CommandLineJob> jobs;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	record Answer(int exitCode, String text) {
	}

	static Answer help(String... arguments) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exitCode = CommandHelp.print(arguments, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return new Answer(exitCode, bytes.toString(StandardCharsets.UTF_8));
	}

	static String[] words(CommandLineJob job, String... more) {
		List<String> words = new ArrayList<>(List.of(job.name().split(" ")));
		words.addAll(List.of(more));
		return words.toArray(String[]::new);
	}

	@Test
	void everyCommandAnswersHelpWithEachOptionOfItsUsageOnALineOfItsOwn() {
		assertThat(jobs).hasSizeGreaterThanOrEqualTo(9);
		for (CommandLineJob job : jobs) {
			for (String flag : List.of("--help", "-h")) {
				String[] arguments = words(job, flag);
				assertThat(CommandHelp.asked(arguments)).as(job.name() + " " + flag + " asks for help").isTrue();
				Answer answer = help(arguments);
				assertThat(answer.exitCode()).as(job.name() + " has help").isZero();
				List<String> lines = answer.text().lines().toList();
				assertThat(lines.get(0)).as(job.name()).startsWith("Usage: " + job.name() + " ");
				assertThat(lines).as(job.name() + " lists options").hasSizeGreaterThan(1);
				Matcher options = OPTION.matcher(job.usage());
				while (options.find()) {
					String option = options.group();
					assertThat(lines.subList(1, lines.size()))
						.as(job.name() + " explains " + option + " on a line of its own")
						.anyMatch(line -> line.strip().startsWith(option + " ") || line.strip().equals(option));
				}
			}
		}
		assertThat(CommandHelp.entries().keySet()).as("help only for commands that exist")
			.containsExactlyInAnyOrderElementsOf(jobs.stream().map(CommandLineJob::name).toList());
		Answer list = help("--help");
		assertThat(list.exitCode()).isZero();
		jobs.forEach(job -> assertThat(list.text()).contains("  " + job.name() + " "));
		assertThat(help("no-such-command", "--help").exitCode()).isEqualTo(2);
	}

	@Test
	void helpIsAnsweredBeforeTheApplicationStartsOnlyWhenAskedFor() {
		assertThat(CommandHelp.asked(new String[] { "import", "--type", "enrolment", "--file", "x.csv" })).isFalse();
		assertThat(CommandHelp.asked(new String[] { "--server.port=9000" })).isFalse();
		assertThat(CommandHelp.asked(new String[0])).isFalse();
		assertThat(CommandHelp.asked(new String[] { "--help" })).isTrue();
		assertThat(CommandHelp.asked(new String[] { "reconcile", "--year", "2025", "-h" })).isTrue();
	}

	/**
	 * The launcher itself, with the application's real jobs, runs none of them when help
	 * is asked: no import, export, reconciliation or account is written, whatever else is
	 * on the command line.
	 */
	@Test
	void theLauncherRunsNoJobWhenHelpIsAsked() throws Exception {
		Path file = dir.resolve("enrolment.csv");
		Files.writeString(file, "school_year,iin\n");
		Path out = dir.resolve("out.csv");
		long[] before = counts();
		CommandLineLauncher launcher = new CommandLineLauncher(jobs);
		PrintStream console = System.out;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		try {
			for (CommandLineJob job : jobs) {
				launcher.run(new DefaultApplicationArguments(words(job, "--help")));
				assertThat(launcher.getExitCode()).as(job.name()).isZero();
			}
			launcher
				.run(new DefaultApplicationArguments("import", "--type", "enrolment", "--file", file.toString(), "-h"));
			launcher.run(new DefaultApplicationArguments("export", "--type", "enrolment", "--out", out.toString(),
					"--help"));
			launcher.run(new DefaultApplicationArguments("create-admin", "--username", "help.admin", "--help"));
		}
		finally {
			System.setOut(console);
		}
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Usage: reconcile ");
		assertThat(counts()).as("runs, audit events and accounts").containsExactly(before);
		assertThat(out).doesNotExist();
	}

	private long[] counts() {
		return new long[] { count("import_run"), count("reconcile_run"), count("audit_event"), count("app_user") };
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

}
