package org.barshaga.exchange;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.barshaga.exchange.DemoExtracts.Child;
import org.barshaga.exchange.DemoExtracts.Counts;
import org.barshaga.exchange.DemoExtracts.Enrolled;
import org.barshaga.exchange.DemoExtracts.HealthChild;
import org.barshaga.exchange.DemoExtracts.Kind;
import org.barshaga.exchange.DemoExtracts.Received;
import org.barshaga.exchange.DemoExtracts.School;
import org.barshaga.exchange.DemoNames.Origin;
import org.barshaga.kernel.BulkRows;
import org.barshaga.kernel.Sex;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One seeding of the demo's extracts: the enrolment extract and the health registry's
 * records straight into their tables, and the social-protection register's extract as a
 * file for the importer.
 */
final class DemoGeneration {

	private static final long SEED = 61_0875L;

	/** Shares of the health records, after the demo learners with a disability. */
	private static final double LEARNER_SHARE = 0.72, OTHER_PUPIL_SHARE = 0.20, OUT_OF_SCHOOL_SHARE = 0.08,
			UNDER_SIX_SHARE = 0.03;

	private final JdbcTemplate jdbc;

	private final int year;

	private final LocalDate today;

	/** The census day of the extracts. */
	private final LocalDate census;

	private final SplittableRandom random = new SplittableRandom(SEED);

	private final Set<String> iins = new HashSet<>();

	/**
	 * Full names with the birth date, kept apart so that no two children are namesakes.
	 */
	private final Set<String> names = new HashSet<>();

	private final DemoPeople people;

	private final DemoNoise noise;

	private final BulkRows rows;

	private final Instant now;

	private final DemoBenefits benefits;

	private int pupils;

	DemoGeneration(JdbcTemplate jdbc, Clock clock, int year) {
		this.jdbc = jdbc;
		this.year = year;
		this.today = LocalDate.now(clock);
		this.census = LocalDate.of(year, 10, 1);
		this.people = new DemoPeople(random, iins, names, year, today);
		this.noise = new DemoNoise(random, DemoNoise.HEALTH, today);
		this.rows = new BulkRows(jdbc, 5_000);
		this.now = Instant.now(clock);
		// the benefit register draws from a stream of its own, so that the other
		// extracts are what they were before it
		this.benefits = new DemoBenefits(new SplittableRandom(SEED ^ 0xBE4E_F175L), year, today);
	}

	/**
	 * The social-protection register's extract written by {@link #write}, for the
	 * importer.
	 */
	Path benefitFile() {
		return benefits.file();
	}

	Counts write() {
		// the registry's extract is of today: the demo's records of an earlier school
		// year give way
		jdbc.update("DELETE FROM health_registry_record WHERE updated_by = ? AND record_id LIKE ?", DemoExtracts.BY,
				DemoExtracts.RECORD_PREFIX + "%");
		jdbc.update("DELETE FROM social_benefit_record WHERE updated_by = ? AND record_id LIKE ?", DemoExtracts.BY,
				DemoBenefits.RECORD_PREFIX + "%");
		iins.addAll(jdbc.queryForList("SELECT iin FROM learner WHERE iin IS NOT NULL", String.class));
		iins.addAll(
				jdbc.queryForList("SELECT TRIM(iin) FROM enrolment_extract WHERE school_year = ?", String.class, year));
		iins.addAll(jdbc.queryForList("SELECT iin FROM health_registry_record WHERE iin IS NOT NULL", String.class));
		Map<String, String> districtPaths = new HashMap<>();
		Map<String, String> regions = new HashMap<>();
		for (String district : DemoExtracts.DISTRICTS) {
			jdbc.query("SELECT path, parent_code FROM org_unit WHERE code = ?", rs -> {
				districtPaths.put(district, rs.getString(1));
				regions.put(district, rs.getString(2));
			}, district);
		}
		List<School> schools = jdbc.query("""
				SELECT id, org_unit_code, pupils, languages FROM organisation
				WHERE org_unit_code IN (?, ?) AND type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL') AND status = 'OPEN'
				ORDER BY id""",
				(rs, n) -> new School(rs.getLong(1), rs.getString(2), rs.getInt(3),
						rs.getString(4) == null ? new String[] { "KK" } : rs.getString(4).split(",")),
				DemoExtracts.DISTRICTS.get(0), DemoExtracts.DISTRICTS.get(1));
		Map<Long, List<Enrolled>> learners = new LinkedHashMap<>();
		Set<Long> seen = new HashSet<>();
		jdbc.query("""
				SELECT l.id, l.iin, l.surname, l.given_name, l.patronymic, l.birth_date, l.sex, l.language,
					l.disability, e.organisation_id
				FROM learner l JOIN enrolment e ON e.learner_id = l.id JOIN organisation o ON o.id = e.organisation_id
				WHERE e.ended_on IS NULL AND l.iin IS NOT NULL AND o.org_unit_code IN (?, ?)
				ORDER BY l.id, e.id""", rs -> {
			if (seen.add(rs.getLong(1))) {
				learners.computeIfAbsent(rs.getLong(10), k -> new ArrayList<>())
					.add(new Enrolled(
							new Child(rs.getString(2).trim(), rs.getString(3), rs.getString(4), rs.getString(5),
									rs.getObject(6, LocalDate.class), Sex.valueOf(rs.getString(7))),
							rs.getString(8), rs.getString(9)));
			}
		}, DemoExtracts.DISTRICTS.get(0), DemoExtracts.DISTRICTS.get(1));
		learners.values().forEach(list -> list.forEach(learner -> names.add(nameKey(learner.child()))));

		Map<String, List<HealthChild>> known = new LinkedHashMap<>();
		Map<String, List<Child>> others = new LinkedHashMap<>();
		Map<String, Integer> schoolsOf = new HashMap<>();
		for (String district : DemoExtracts.DISTRICTS) {
			known.put(district, new ArrayList<>());
			others.put(district, new ArrayList<>());
		}
		for (School school : schools) {
			int ordinal = schoolsOf.merge(school.unit(), 1, Integer::sum);
			List<Enrolled> enrolled = learners.getOrDefault(school.id(), List.of());
			int target = Math.max(enrolled.size(),
					Math.min(Math.min(school.pupils(), DemoExtracts.SCHOOL_CAP), DemoExtracts.TOTAL_CAP - pupils));
			for (Enrolled learner : enrolled) {
				Child child = learner.child();
				String language = learner.language();
				int age = (int) ChronoUnit.YEARS.between(child.birth(), LocalDate.of(year, 9, 1));
				pupil(child, school, language == null || !school.teaches(language) ? school.languages()[0] : language,
						Math.max(1, Math.min(11, age - 5)));
				String disability = learner.disability();
				if (disability != null && !disability.equals("NONE")) {
					known.get(school.unit()).add(new HealthChild(child, Kind.LEARNER, school.unit(), disability, null));
				}
			}
			int count = enrolled.size();
			if (ordinal == 2 || ordinal == 3) {
				count += twins(school, ordinal, known.get(school.unit()));
			}
			else if (ordinal == 4) {
				count += forReview(school, known.get(school.unit()));
			}
			for (; count < target; count++) {
				Origin origin = people.origin(school);
				String language = people.language(school, origin);
				int grade = people.grade();
				Sex sex = random.nextDouble() < 0.51 ? Sex.MALE : Sex.FEMALE;
				Child child = people.child(origin, sex, people.birthIn(grade));
				pupil(child, school, language, grade);
				others.get(school.unit()).add(child);
			}
		}

		List<HealthChild> health = new ArrayList<>();
		for (String district : DemoExtracts.DISTRICTS) {
			List<HealthChild> records = known.get(district);
			int total = (int) Math.round(count(records, Kind.LEARNER) / LEARNER_SHARE);
			Origin[] origins = district.startsWith("KZ-75") ? new Origin[] { Origin.KAZAKH, Origin.RUSSIAN }
					: new Origin[] { Origin.KAZAKH, Origin.UZBEK };
			int otherTarget = (int) Math.round(total * OTHER_PUPIL_SHARE);
			List<Child> pool = others.get(district);
			int taken = count(records, Kind.PUPIL);
			for (int i = 0; i < pool.size() && taken < otherTarget; i++) {
				// each pupil is drawn with the share still needed of those left
				if (random.nextInt(pool.size() - i) < otherTarget - taken) {
					records.add(new HealthChild(pool.get(i), Kind.PUPIL, district, people.group(pool.get(i)), null));
					taken++;
				}
			}
			int outTarget = Math.max(3, (int) Math.round(total * OUT_OF_SCHOOL_SHARE));
			while (count(records, Kind.OUT_OF_SCHOOL) < outTarget) {
				Origin origin = random.nextDouble() < 0.7 ? origins[0] : origins[1];
				Sex sex = random.nextDouble() < 0.56 ? Sex.MALE : Sex.FEMALE;
				Child child = people.child(origin, sex, people.birthAged(6, 17));
				records.add(new HealthChild(child, Kind.OUT_OF_SCHOOL, district, people.group(child), null));
			}
			int youngTarget = Math.max(2, (int) Math.round(total * UNDER_SIX_SHARE));
			for (int i = 0; i < youngTarget; i++) {
				Sex sex = random.nextDouble() < 0.56 ? Sex.MALE : Sex.FEMALE;
				Child child = people.child(origins[random.nextDouble() < 0.7 ? 0 : 1], sex, people.birthAged(0, 5));
				records.add(new HealthChild(child, Kind.UNDER_SIX, district, people.group(child), null));
			}
			health.addAll(records);
		}
		// the registry's order says nothing about the children
		for (int i = health.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			HealthChild t = health.get(i);
			health.set(i, health.get(j));
			health.set(j, t);
		}
		int number = 0;
		for (HealthChild h : health) {
			healthRecord(String.format(Locale.ROOT, "%s%d-%05d", DemoExtracts.RECORD_PREFIX, year, ++number), h,
					regions.get(h.district()), districtPaths.get(h.district()));
		}
		rows.close();
		Map<String, List<String>> otherDistricts = new HashMap<>();
		for (String district : DemoExtracts.DISTRICTS) {
			otherDistricts.put(district,
					jdbc.queryForList(
							"SELECT code FROM org_unit WHERE parent_code = ? AND code <> ? AND valid_to IS NULL"
									+ " ORDER BY code",
							String.class, regions.get(district), district));
		}
		benefits.write(health, others, regions, otherDistricts);
		return new Counts(schools.size(), pupils, health.size(), count(health, Kind.LEARNER), count(health, Kind.PUPIL),
				count(health, Kind.OUT_OF_SCHOOL), count(health, Kind.UNDER_SIX));
	}

	private static int count(List<HealthChild> records, Kind kind) {
		return (int) records.stream().filter(h -> h.kind() == kind).count();
	}

	/**
	 * Twins at the second and third school of each district: same surname, patronymic,
	 * birth date and school, adjacent IIN serials as they are often given, one of them
	 * disabled. At the third school, the disabled twin is in no school (taught at home)
	 * and only the brother is a pupil; they were registered apart, so their IINs are not
	 * neighbours.
	 * @return the pupils added
	 */
	private int twins(School school, int ordinal, List<HealthChild> cases) {
		boolean almaty = school.unit().startsWith("KZ-75");
		Origin origin = almaty && ordinal == 3 ? Origin.RUSSIAN : Origin.KAZAKH;
		int grade = 2 + random.nextInt(8);
		LocalDate birth = people.birthIn(grade);
		if (ordinal == 2) {
			Sex first = almaty ? Sex.FEMALE : Sex.MALE;
			Sex second = almaty ? Sex.FEMALE : random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
			Child[] pair = people.pair(origin, first, second, birth, true);
			pupil(pair[0], school, school.languages()[0], grade);
			pupil(pair[1], school, school.languages()[0], grade);
			// the disabled twin's record has no IIN: only the given name tells them
			// apart
			Received received = new Received(pair[0]);
			received.iin = null;
			if (almaty) {
				received.surname = DemoNames.latin(received.surname, true, false);
				received.given = DemoNames.latin(received.given, true, false);
				received.patronymic = null;
			}
			cases.add(new HealthChild(pair[0], Kind.PUPIL, school.unit(), "CHILD_WITH_DISABILITY", received));
			// and a pair whose disabled twin's record has the IIN and the usual
			// errors
			int otherGrade = 2 + random.nextInt(8);
			Child[] more = people.pair(origin, Sex.FEMALE, Sex.MALE, people.birthIn(otherGrade), true);
			pupil(more[0], school, school.languages()[0], otherGrade);
			pupil(more[1], school, school.languages()[0], otherGrade);
			cases.add(new HealthChild(more[1], Kind.PUPIL, school.unit(), "CHILD_WITH_DISABILITY", null));
			return 4;
		}
		Child[] pair = people.pair(origin, Sex.MALE, Sex.MALE, birth, false);
		pupil(pair[1], school, school.languages()[0], grade);
		// the disabled twin is in no school (taught at home); the record has his IIN,
		// with the Kazakh letters folded
		Received received = new Received(pair[0]);
		received.surname = DemoNames.fold(received.surname);
		received.given = DemoNames.fold(received.given);
		received.patronymic = DemoNames.fold(received.patronymic);
		cases.add(new HealthChild(pair[0], Kind.OUT_OF_SCHOOL, school.unit(), "CHILD_WITH_DISABILITY", received));
		return 1;
	}

	/**
	 * Three pupils at the fourth school of each district whose records have no IIN and
	 * more than the usual errors, so that their links are left for review: the surname of
	 * another family (a stepfather's, or the mother's), the year of birth one out and no
	 * patronymic, and passport capitals with a typo in the surname, no patronymic and the
	 * day and month of birth swapped when they can be.
	 * @return the pupils added
	 */
	private int forReview(School school, List<HealthChild> cases) {
		Origin origin = school.unit().startsWith("KZ-75") ? Origin.RUSSIAN : Origin.KAZAKH;
		for (int n = 0; n < 3; n++) {
			int grade = 1 + random.nextInt(10);
			Sex sex = n == 1 ? Sex.FEMALE : Sex.MALE;
			Child child = people.child(n == 2 ? Origin.KAZAKH : origin, sex, people.birthIn(grade));
			pupil(child, school, school.languages()[0], grade);
			Received received = new Received(child);
			received.iin = null;
			switch (n) {
				case 0 -> {
					do {
						received.surname = DemoNames.surnameFor(people.pick(DemoNames.surnames(origin)), sex);
					}
					while (received.surname.equals(child.surname()));
				}
				case 1 -> {
					received.birth = child.birth().minusYears(1);
					received.patronymic = null;
				}
				default -> {
					received.surname = DemoNames.latin(noise.typo(child.surname()), true, true);
					received.given = DemoNames.latin(child.given(), true, true);
					received.patronymic = null;
					int day = child.birth().getDayOfMonth();
					if (day <= 12 && day != child.birth().getMonthValue()) {
						received.birth = LocalDate.of(child.birth().getYear(), day, child.birth().getMonthValue());
					}
				}
			}
			cases.add(new HealthChild(child, Kind.PUPIL, school.unit(), people.group(child), received));
		}
		return 3;
	}

	private void pupil(Child child, School school, String language, int grade) {
		rows.add("""
				INSERT INTO enrolment_extract (school_year, iin, surname, given_name, patronymic, birth_date, sex,
					organisation_id, grade, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", year, child.iin(),
				child.surname(), child.given(), child.patronymic(), Date.valueOf(child.birth()), child.sex().name(),
				school.id(), grade, language);
		pupils++;
	}

	private void healthRecord(String recordId, HealthChild h, String region, String path) {
		Received r = h.forced() != null ? h.forced() : noise.noisy(h.child());
		int age = (int) ChronoUnit.YEARS.between(h.child().birth(), census);
		LocalDate validUntil = census.plusDays(120 + random.nextInt(1700));
		LocalDate adult = h.child().birth().plusYears(18);
		if (h.group().equals("CHILD_WITH_DISABILITY") && validUntil.isAfter(adult)
				&& adult.isAfter(census.plusDays(120))) {
			validUntil = adult;
		}
		if (age < 1) {
			validUntil = census.plusYears(1);
		}
		rows.add("""
				INSERT INTO health_registry_record (record_id, iin, surname, given_name, patronymic, birth_date, sex,
					region_code, district_code, path, disability_group, valid_until, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", recordId, r.iin, r.surname, r.given, r.patronymic,
				Date.valueOf(r.birth), h.child().sex().name(), region, h.district(), path, h.group(),
				Date.valueOf(validUntil), Timestamp.from(now), DemoExtracts.BY);
	}

	/** The record as the health registry keeps it, each error drawn on its own. */

	/** Grades 1 to 11, the upper ones smaller. */

	/** Aged from {@code from} to {@code to} on 1 September, and born before today. */

	private static String nameKey(Child c) {
		return c.surname() + " " + c.given() + " " + c.patronymic() + " " + c.birth();
	}

}
