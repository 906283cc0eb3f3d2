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
		String name = raw[0];
		CommandLineJob job = jobs.stream().filter(j -> j.name().equals(name)).findFirst().orElse(null);
		if (job == null) {
			System.err.println("Unknown command: " + name);
			System.err.println("Commands:");
			jobs.forEach(j -> System.err.println("  " + j.usage()));
			exitCode = 2;
			return;
		}
		exitCode = job.run(Arrays.asList(raw).subList(1, raw.length), System.out);
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
