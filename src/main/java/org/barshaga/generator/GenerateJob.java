package org.barshaga.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.SchoolYear;

import org.springframework.stereotype.Component;

/**
 * {@code generate --scale demo|region|national --seed N --out DIR [--school-year YYYY]}:
 * writes synthetic files of every register, without a database. The school year is the
 * current one unless given.
 */
@Component
class GenerateJob implements CommandLineJob {

	private final Clock clock;

	GenerateJob(Clock clock) {
		this.clock = clock;
	}

	@Override
	public String name() {
		return "generate";
	}

	@Override
	public String usage() {
		return "generate --scale demo|region|national --seed N --out DIR [--school-year YYYY]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		Scale scale = Scale.parse(CommandLineJob.option(arguments, "--scale"));
		String seedText = CommandLineJob.option(arguments, "--seed");
		String directory = CommandLineJob.option(arguments, "--out");
		String yearText = CommandLineJob.option(arguments, "--school-year");
		if (scale == null || seedText == null || directory == null) {
			out.println("Usage: " + usage());
			return 2;
		}
		long seed;
		int schoolYear;
		try {
			seed = Long.parseLong(seedText);
			schoolYear = yearText == null ? SchoolYear.of(LocalDate.now(clock)).startYear()
					: Integer.parseInt(yearText);
		}
		catch (NumberFormatException notANumber) {
			out.println("Seed and school year must be whole numbers. Usage: " + usage());
			return 2;
		}
		if (schoolYear < 2000 || schoolYear > 2080) {
			out.println("School year must be between 2000 and 2080: " + schoolYear);
			return 2;
		}
		out.println("Generating " + scale.label() + " data, seed " + seed + ", school year " + schoolYear + "-"
				+ (schoolYear + 1) + ", into " + directory);
		try {
			new Generator(scale, seed, schoolYear).run(Path.of(directory), out);
			return 0;
		}
		catch (IOException failure) {
			out.println("Cannot write " + directory + ": " + failure.getMessage());
			return 1;
		}
	}

}
