package org.barshaga;

import java.util.Arrays;
import java.util.List;

import org.barshaga.kernel.CommandLineJob;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Runs the command-line job named by the first argument, when the jar is started as a
 * command.
 */
@Component
@Profile("cli")
class CommandLineLauncher implements ApplicationRunner, ExitCodeGenerator {

	private final List<CommandLineJob> jobs;

	private int exitCode;

	CommandLineLauncher(List<CommandLineJob> jobs) {
		this.jobs = jobs;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		String[] raw = arguments.getSourceArgs();
		List<String> words = Arrays.asList(raw);
		// A job's name may have several words ("bench import"): the longest that starts
		// the
		// command line wins.
		CommandLineJob job = jobs.stream()
			.filter(j -> startsWith(words, j.name().split(" ")))
			.max(java.util.Comparator.comparingInt(j -> j.name().split(" ").length))
			.orElse(null);
		if (job == null) {
			System.err.println("Unknown command: " + String.join(" ", words));
			System.err.println("Commands:");
			jobs.forEach(j -> System.err.println("  " + j.usage()));
			exitCode = 2;
			return;
		}
		List<String> options = words.subList(job.name().split(" ").length, raw.length);
		if (options.stream().anyMatch(CommandHelp::isHelp)) {
			// the application's main answers help before it starts; this holds for any
			// other way the launcher is run
			exitCode = CommandHelp.print(raw, System.out);
			return;
		}
		exitCode = job.run(options, System.out);
	}

	private static boolean startsWith(List<String> words, String[] name) {
		if (words.size() < name.length) {
			return false;
		}
		for (int i = 0; i < name.length; i++) {
			if (!words.get(i).equals(name[i])) {
				return false;
			}
		}
		return true;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
