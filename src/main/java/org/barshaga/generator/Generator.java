package org.barshaga.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates the files of a scale into a directory. The same scale, seed and school year
 * always give byte-identical files: every draw comes from
 * {@link java.util.SplittableRandom} streams seeded from the seed and the region, and no
 * date is taken from the clock.
 */
final class Generator {

	/** What was written: data rows per file, in the order of the files. */
	record Summary(Map<String, Long> rows, long millis) {
	}

	private final Scale scale;

	private final long seed;

	private final int schoolYear;

	Generator(Scale scale, long seed, int schoolYear) {
		this.scale = scale;
		this.seed = seed;
		this.schoolYear = schoolYear;
	}

	Summary run(Path directory, PrintStream progress) throws IOException {
		long started = System.nanoTime();
		Files.createDirectories(directory);
		AdminUnitsFile units = new AdminUnitsFile();
		Map<String, Long> rows = new LinkedHashMap<>();
		try (Output out = new Output(directory)) {
			for (RegionProfile region : scale.regions()) {
				long regionStarted = System.nanoTime();
				RegionGenerator.Counts counts = new RegionGenerator(region, units, out, seed, schoolYear).run();
				progress.println(region.code() + " " + units.unit(region.code()).nameEn() + ": "
						+ counts.organisations() + " organisations, " + counts.schools() + " schools, "
						+ counts.pupils() + " pupils, " + counts.learners() + " learners in schools and "
						+ counts.learnersOutOfSchool() + " out of school, " + counts.plans() + " plans, "
						+ counts.functioning() + " functioning profiles, " + counts.healthRecords()
						+ " health records, " + counts.benefitRecords() + " benefit records ("
						+ (System.nanoTime() - regionStarted) / 1_000_000 + " ms)");
			}
			HealthExtract.writeSecondRecords(out);
			for (CsvFile file : out.files()) {
				rows.put(file.name, file.rows());
			}
		}
		Files.writeString(directory.resolve("README.txt"), readme(rows), StandardCharsets.UTF_8);
		long millis = (System.nanoTime() - started) / 1_000_000;
		progress.println("Written to " + directory + " in " + millis + " ms:");
		rows.forEach((file, count) -> progress.println("  " + file + ": " + count + " rows"));
		return new Summary(rows, millis);
	}

	private String readme(Map<String, Long> rows) {
		StringBuilder text = new StringBuilder();
		text.append("Barshaga synthetic data\n\n");
		text.append("scale: ").append(scale.label()).append('\n');
		text.append("seed: ").append(seed).append('\n');
		text.append("school year: ")
			.append(schoolYear)
			.append(" (")
			.append(schoolYear)
			.append('-')
			.append(schoolYear + 1)
			.append(")\n");
		text.append("census date of the extracts: ").append(schoolYear).append("-10-01\n");
		text.append("regions: ").append(String.join(" ", scale.regions().stream().map(RegionProfile::code).toList()));
		text.append("\n\nrows per file (header line not counted):\n");
		rows.forEach((file, count) -> text.append("  ").append(file).append(": ").append(count).append('\n'));
		text.append("""

				Every person, name, number and organisation here is invented; IINs are valid
				(check digit, birth date, sex) but belong to no one. The layouts are those of
				docs/data-exchange.md. health_ground_truth.csv gives, for every record of
				health_registry.csv, the child's true IIN and whether the child is in
				enrolment.csv; the registry extract itself carries realistic errors,
				and about 1% of its children have a second record under another
				spelling (numbered after all the others), with the same true IIN.
				social_benefits.csv is the social-protection register's extract of
				children with a disability who receive the benefit, with its own
				errors and gaps (about 5% of the health extract's children are not in
				it, and about 5% of its children are not in the health extract), and
				benefit_ground_truth.csv its truth in the same form.
				functioning.csv holds Child Functioning Module answers for about 40% of
				the learners, plans.csv the individual plans of the school year of about
				85% of the learners in schools, and plan_goals.csv their 1-3 goals.
				sessions.csv holds the sessions of the first term (September and
				October); results.csv and attendance.csv the first term's results and
				attendance of every pupil (results from grade 2), in which the gap of
				learners with SEN depends on their category, their school and the share
				of their recommended hours delivered; leavers.csv the pupils who left
				school in October, after the census day, and in June those completing
				grades 9 and 11 with where they go; enrolment_next.csv the next school
				year's extract, from which a few pupils vanish with no record (more
				often learners with SEN whose support was not delivered);
				learner_enrolments_next.csv the learner register's next year for the
				learners with SEN of the pre-school class who start grade 1 (the
				pre-school enrolment ended in May, grade 1 from 1 September, mostly in
				the form the conclusion recommends), and conclusions_next.csv the few
				of them with a new conclusion over the summer; import them after
				enrolment_next.csv, the conclusions first.
				The same scale, seed and school year always give the same files.
				""");
		return text.toString();
	}

}
