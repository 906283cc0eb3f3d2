package org.barshaga.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.Sex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The three extracts that reconciliation links, for the current school year and two demo
 * districts, Saryagash (KZ-61-D08) and Alatau of Almaty city (KZ-75-R01):
 * <ul>
 * <li>the enrolment extract of every open school there: each demo learner enrolled in it
 * and other pupils up to the school's number of pupils (at most {@value #SCHOOL_CAP} a
 * school, so that every first start and every test run stays quick);</li>
 * <li>the health registry's children with a disability living there: the demo learners
 * with a disability, pupils whom the learner register does not know (about one record in
 * five), children of school age in no school (about one in twelve) and some under 6, with
 * the registry's usual errors (IIN missing or mistyped, names in Latin script or with the
 * Kazakh letters folded, patronymic missing, names swapped, day and month of birth
 * swapped) and a few hard cases: twins at a school, one of them disabled; a disabled twin
 * in no school whose brother is at school; and records with more errors than usual, whose
 * links are left for review;</li>
 * <li>the social-protection register's children with a disability who receive the benefit
 * ({@link DemoBenefits}), nearly the health registry's children with errors and gaps of
 * its own.</li>
 * </ul>
 * A mistyped IIN is never a valid one here, so a health record whose IIN passes the check
 * carries the child's true IIN. Everything is deterministic for a given day. The
 * enrolment extract and the health records go straight into the tables, as they always
 * have; the benefit register's extract goes through the importer, as a real file would,
 * once the others are committed. In a new school year the demo's health and benefit
 * records are replaced, with new ids, so that no reviewer's decision on last year's
 * records applies to them.
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(50)
class DemoExtracts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoExtracts.class);

	static final String BY = "demo-data";

	/**
	 * The demo district of Turkistan Region, and a city district of Almaty with demo
	 * schools.
	 */
	static final List<String> DISTRICTS = List.of("KZ-61-D08", "KZ-75-R01");

	static final String RECORD_PREFIX = "DEMO-H";

	static final int SCHOOL_CAP = 800;

	static final int TOTAL_CAP = 30_000;

	/**
	 * Who loads the demo's benefit extract: the demo data itself, for the whole country.
	 */
	private static final Actor LOADER = new Actor(0, BY, "Demo data", Role.ADMIN, DataScope.NATION);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final Importer importer;

	DemoExtracts(JdbcTemplate jdbc, Clock clock, TransactionTemplate transactions, Importer importer) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = transactions;
		this.importer = importer;
	}

	record School(long id, String unit, int pupils, String[] languages) {

		boolean teaches(String language) {
			return List.of(languages).contains(language);
		}

	}

	/** A child as the registers should know it. */
	record Child(String iin, String surname, String given, String patronymic, LocalDate birth, Sex sex) {
	}

	/** A demo learner enrolled in one of the schools. */
	record Enrolled(Child child, String language, String disability) {
	}

	/** Who a health record's child is in the education registers. */
	enum Kind {

		LEARNER, PUPIL, OUT_OF_SCHOOL, UNDER_SIX

	}

	/**
	 * A child the health registry holds, with the errors of the record when they are set.
	 */
	record HealthChild(Child child, Kind kind, String district, String group, Received forced) {
	}

	/** A health record as received. */
	static final class Received {

		String iin;

		String surname;

		String given;

		String patronymic;

		LocalDate birth;

		Received(Child child) {
			iin = child.iin();
			surname = child.surname();
			given = child.given();
			patronymic = child.patronymic();
			birth = child.birth();
		}

	}

	/** What was written, for the log. */
	record Counts(int schools, int pupils, int healthRecords, int fromLearners, int otherPupils, int outOfSchool,
			int underSix) {
	}

	@Override
	public void run(ApplicationArguments arguments) {
		long started = System.nanoTime();
		int year = SchoolYear.of(LocalDate.now(clock)).startYear();
		Long present = jdbc.queryForObject("""
				SELECT COUNT(*) FROM enrolment_extract e JOIN organisation o ON o.id = e.organisation_id
				WHERE e.school_year = ? AND o.org_unit_code = ?""", Long.class, year, DISTRICTS.get(0));
		if (present != null && present > 0) {
			return;
		}
		DemoGeneration generation = new DemoGeneration(jdbc, clock, year);
		Counts counts = transactions.execute(t -> generation.write());
		ImportRun benefits = importBenefits(generation.benefitFile());
		log.info(
				"Demo data: enrolment extract of {} pupils in {} schools, {} health-registry records ({} demo learners,"
						+ " {} other pupils, {} of school age in no school, {} under 6) and {} benefit records of {}"
						+ " for {}-{}, in {} ms",
				counts.pupils(), counts.schools(), counts.healthRecords(), counts.fromLearners(), counts.otherPupils(),
				counts.outOfSchool(), counts.underSix(), benefits.rowsWritten(), String.join(" and ", DISTRICTS), year,
				year + 1, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Loads the benefit extract through the importer, with every check a real file has; a
	 * row it refuses is a fault of the demo's own drawing, so it is logged.
	 */
	private ImportRun importBenefits(Path file) {
		try {
			ImportRun run = importer.run(new ImportRequest(LOADER, Register.SOCIAL_BENEFITS, file,
					"social_benefits.csv", ImportMode.VALID_ROWS, false, Channel.COMMAND_LINE), null);
			if (run.status() != ImportRun.Status.COMPLETED || run.rowsRejected() > 0) {
				log.warn("Demo data: the benefit extract's import {} ended {} with {} rows refused", run.id(),
						run.status(), run.rowsRejected());
			}
			return run;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Demo data: could not remove {}", file, ex);
			}
		}
	}

}
