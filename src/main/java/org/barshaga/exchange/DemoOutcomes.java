package org.barshaga.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.CurriculumSubject;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A demo term of results and attendance for the pupils of the demo extract in Saryagash
 * (KZ-61-D08), loaded through the importer as a school's files would be, so that the
 * outcome indicators have something to show. The term is the one of last month (the
 * demo's sessions are those of the last two months). Four core subjects a pupil from
 * grade 2; a learner with SEN is behind their school's level by a gap of their category
 * that shrinks when the term's recommended hours were delivered (the generator's model,
 * docs/data-exchange.md). Deterministic for a given day; loaded once per term.
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(60)
class DemoOutcomes implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOutcomes.class);

	static final String DISTRICT = "KZ-61-D08";

	private static final Actor LOADER = new Actor(0, DemoExtracts.BY, "Demo data", Role.ADMIN, DataScope.NATION);

	private static final Map<String, Double> GAPS = Map.ofEntries(Map.entry("SPEECH", 8.0),
			Map.entry("DEVELOPMENTAL_DELAY", 16.0), Map.entry("INTELLECTUAL", 26.0), Map.entry("AUTISM", 14.0),
			Map.entry("MOTOR", 5.0), Map.entry("HEARING", 10.0), Map.entry("VISION", 7.0),
			Map.entry("EMOTIONAL_BEHAVIOURAL", 12.0), Map.entry("SOMATIC", 6.0), Map.entry("MULTIPLE", 24.0),
			Map.entry("SPECIFIC_LEARNING", 10.0));

	private record Learner(String category, double delivered) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Importer importer;

	DemoOutcomes(JdbcTemplate jdbc, Clock clock, Importer importer) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		LocalDate today = LocalDate.now(clock);
		SchoolYear schoolYear = SchoolYear.of(today);
		int year = schoolYear.startYear();
		int term = termOf(schoolYear, today.minusMonths(1));
		Long present = jdbc.queryForObject("""
				SELECT COUNT(*) FROM term_attendance r JOIN enrolment_extract e ON e.school_year = r.school_year
					AND e.iin = LPAD(CAST(r.iin AS VARCHAR(12)), 12, '0')
				JOIN organisation o ON o.id = e.organisation_id
				WHERE r.school_year = ? AND r.term = ? AND o.org_unit_code = ?""", Long.class, year, term, DISTRICT);
		if (present != null && present > 0) {
			return;
		}
		LocalDate start = term == 1 ? schoolYear.start() : schoolYear.termEnd(term - 1).plusDays(1);
		LocalDate end = schoolYear.termEnd(term).isBefore(today) ? schoolYear.termEnd(term) : today;
		Map<String, Learner> learners = learners(year, start, end);
		SplittableRandom draws = new SplittableRandom(today.toEpochDay() * 31 + term);
		Map<Long, Double> levels = new HashMap<>();
		int days = Math.max(1, weekdays(start, end));
		Path results = null;
		Path attendance = null;
		try {
			results = Files.createTempFile("barshaga-demo-results", ".csv");
			attendance = Files.createTempFile("barshaga-demo-attendance", ".csv");
			try (Writer marks = Files.newBufferedWriter(results, StandardCharsets.UTF_8);
					Writer absences = Files.newBufferedWriter(attendance, StandardCharsets.UTF_8)) {
				marks.write(ResultsExchange.LAYOUT.headerLine() + "\r\n");
				absences.write(AttendanceExchange.LAYOUT.headerLine() + "\r\n");
				jdbc.query("""
						SELECT e.iin, e.grade, e.language, e.organisation_id FROM enrolment_extract e
						JOIN organisation o ON o.id = e.organisation_id
						WHERE e.school_year = ? AND o.org_unit_code = ? ORDER BY e.iin""", rs -> {
					String iin = rs.getString(1).strip();
					int grade = rs.getInt(2);
					double level = levels.computeIfAbsent(rs.getLong(4), k -> 6 * draws.nextGaussian());
					Learner learner = learners.get(iin);
					double gap = learner == null ? 0 : gap(learner);
					boolean supported = learner != null && learner.delivered() >= 0.8;
					int absent = Math.min(days,
							poisson(draws, (learner == null ? 2.8 : supported ? 4.5 : 6.5) * days / 40.0));
					int unexcused = absent == 0 ? 0 : draws.nextInt(absent + 1) / (supported ? 3 : 2);
					if (learner != null && !supported && draws.nextInt(8) == 0) {
						// a few truants, so that the "falling behind" worklist has
						// children on it
						unexcused = Math.min(days, days / 4 + 1);
						absent = Math.max(absent, unexcused);
					}
					write(absences, year + "," + term + "," + iin + "," + days + "," + (absent - unexcused) + ","
							+ unexcused + "\r\n");
					if (grade < 2) {
						return;
					}
					double mean = 68 + level + 12 * draws.nextGaussian() - gap;
					for (CurriculumSubject subject : subjects(grade, rs.getString(3))) {
						double percentage = Math.max(0, Math.min(100, mean + 7 * draws.nextGaussian()));
						write(marks, year + "," + term + "," + iin + "," + subject.name() + ","
								+ String.format(Locale.ROOT, "%.1f", percentage) + ",\r\n");
					}
				}, year, DISTRICT);
			}
			ImportRun marks = load(Register.RESULTS, results);
			ImportRun absences = load(Register.ATTENDANCE, attendance);
			log.info("Demo data: term {} of {}-{} in {}: {} results and {} attendance rows of {} learners with SEN",
					term, year, year + 1, DISTRICT, marks.rowsWritten(), absences.rowsWritten(), learners.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			delete(results);
			delete(attendance);
		}
	}

	/**
	 * The learners with SEN among the district's pupils: the category of their conclusion
	 * in force at the end of the days counted, and the share of its recommended hours
	 * delivered (negative when it recommends none).
	 */
	private Map<String, Learner> learners(int year, LocalDate start, LocalDate end) {
		Map<String, String> categories = new HashMap<>();
		Map<String, Double> hours = new HashMap<>();
		jdbc.query("""
				SELECT l.iin, c.sen_categories, (SELECT SUM(s.weekly_hours) FROM conclusion_service s
					WHERE s.conclusion_id = c.id) AS hours
				FROM learner l JOIN conclusion c ON c.learner_id = l.id
				JOIN enrolment_extract e ON e.iin = l.iin AND e.school_year = ?
				JOIN organisation o ON o.id = e.organisation_id
				WHERE o.org_unit_code = ? AND c.concluded_on <= ? ORDER BY l.iin, c.concluded_on, c.id""", rs -> {
			String iin = rs.getString(1).strip();
			String category = rs.getString(2);
			categories.put(iin, category.contains(",") ? "MULTIPLE" : category.strip());
			hours.put(iin, rs.getBigDecimal(3) == null ? 0.0 : rs.getBigDecimal(3).doubleValue());
		}, year, DISTRICT, java.sql.Date.valueOf(end));
		Map<String, Long> minutes = new HashMap<>();
		jdbc.query("""
				SELECT l.iin, SUM(s.minutes) FROM support_session s JOIN learner l ON l.id = s.learner_id
				WHERE l.iin IS NOT NULL AND s.attended = TRUE AND s.held_on >= ? AND s.held_on <= ? GROUP BY l.iin""",
				rs -> {
					minutes.put(rs.getString(1).strip(), rs.getLong(2));
				}, java.sql.Date.valueOf(start), java.sql.Date.valueOf(end));
		double weeks = weekdays(start, end) / 5.0;
		Map<String, Learner> learners = new HashMap<>();
		categories.forEach((iin, category) -> {
			double recommended = hours.get(iin) * weeks;
			learners.put(iin,
					new Learner(category, recommended <= 0 ? -1 : minutes.getOrDefault(iin, 0L) / 60.0 / recommended));
		});
		return learners;
	}

	private static double gap(Learner learner) {
		double full = GAPS.getOrDefault(learner.category(), 12.0);
		if (learner.delivered() < 0) {
			return full * 0.5;
		}
		if (learner.delivered() >= 0.8) {
			return full * 0.25;
		}
		return full * (1 - 0.4 * learner.delivered() / 0.8);
	}

	private ImportRun load(Register register, Path file) throws IOException {
		ImportRun run = importer.run(new ImportRequest(LOADER, register, file, register.fileName() + ".csv",
				ImportMode.VALID_ROWS, false, Channel.COMMAND_LINE), null);
		if (run.status() != ImportRun.Status.COMPLETED || run.rowsRejected() > 0) {
			log.warn("Demo data: the {} import {} ended {} with {} rows refused", register.fileName(), run.id(),
					run.status(), run.rowsRejected());
		}
		return run;
	}

	/** The language, mathematics or algebra, a foreign language, a science or history. */
	private static CurriculumSubject[] subjects(int grade, String language) {
		CurriculumSubject own = switch (language) {
			case "KK" -> CurriculumSubject.KAZAKH_LANGUAGE;
			case "RU" -> CurriculumSubject.RUSSIAN_LANGUAGE;
			default -> CurriculumSubject.NATIVE_LANGUAGE;
		};
		return grade <= 6
				? new CurriculumSubject[] { own, CurriculumSubject.MATHEMATICS, CurriculumSubject.FOREIGN_LANGUAGE,
						CurriculumSubject.NATURAL_SCIENCE }
				: new CurriculumSubject[] { own, CurriculumSubject.ALGEBRA, CurriculumSubject.FOREIGN_LANGUAGE,
						CurriculumSubject.HISTORY_OF_KAZAKHSTAN };
	}

	/** The term a day falls in; before the year's first day, the first term. */
	static int termOf(SchoolYear year, LocalDate day) {
		for (int term = 1; term < 4; term++) {
			if (!day.isAfter(year.termEnd(term))) {
				return term;
			}
		}
		return 4;
	}

	private static int weekdays(LocalDate first, LocalDate last) {
		int days = 0;
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days++;
			}
		}
		return days;
	}

	private static int poisson(SplittableRandom draws, double mean) {
		double limit = Math.exp(-mean);
		double product = draws.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= draws.nextDouble();
			count++;
		}
		return count;
	}

	private static void write(Writer out, String line) {
		try {
			out.write(line);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Demo data: could not remove {}", file, ex);
			}
		}
	}

}
