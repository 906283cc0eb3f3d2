package org.barshaga.learner;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.barshaga.kernel.BulkRows;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.Sex;
import org.barshaga.kernel.SpecialistType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the demo regions with learners with SEN at the published rate (28-35 per 1,000
 * pupils, special schools included), each with guardians, consents, a PMPC conclusion,
 * enrolment, support level, a plan, sessions of the last two months and sometimes a
 * functioning profile or a device. The gaps are those the research describes: reviews
 * overdue, consents missing or withdrawn, recommended services not delivered, forms of
 * education other than recommended. Everything is deterministic for a given day.
 * <p>
 * The names are {@link DemoNames}, the conclusion's content {@link DemoConclusionDraws},
 * the plan, sessions and functioning {@link DemoSupportRecords}; this class keeps the
 * order of the draws from the one stream, on which the demo's sameness depends.
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(30)
class DemoLearners implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoLearners.class);

	static final String BY = "demo-data";

	private static final String DEMO_SCHOOL = "KZ-61-D08-S001";

	/** Learners with SEN per pupil, the middle of the published 28-35 per 1,000. */
	private static final double TARGET_RATE = 0.031;

	private static final double SPECIAL_SCHOOL_RATE = 0.95;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private BulkRows rows;

	private DemoSupportRecords support;

	DemoLearners(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record School(long id, String code, String path, String unitCode, int pupils, boolean special,
			String languages) {
	}

	private record Pmpc(long id, String code) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		if (jdbc.queryForObject("SELECT COUNT(*) FROM learner", Long.class) > 0) {
			return;
		}
		List<School> schools = jdbc.query("""
				SELECT id, code, path, org_unit_code, settlement, pupils, type, languages FROM organisation
				WHERE type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL') AND status = 'OPEN' AND pupils IS NOT NULL
				ORDER BY id""",
				(rs, n) -> new School(rs.getLong("id"), rs.getString("code"), rs.getString("path"),
						rs.getString("org_unit_code"), rs.getInt("pupils"),
						"SPECIAL_SCHOOL".equals(rs.getString("type")), rs.getString("languages")));
		Map<String, List<Pmpc>> pmpcByRegion = new HashMap<>();
		jdbc.query("SELECT id, code, path FROM organisation WHERE type = 'PMPC' ORDER BY id", rs -> {
			pmpcByRegion.computeIfAbsent(region(rs.getString("path")), k -> new ArrayList<>())
				.add(new Pmpc(rs.getLong("id"), rs.getString("code")));
		});
		Long specialist = jdbc
			.query("SELECT id FROM app_user WHERE username = 'specialist.demo'", (rs, n) -> rs.getLong(1))
			.stream()
			.findFirst()
			.orElse(null);
		// Tables in parent-before-child order: batches are written in the order first
		// used.
		rows = new BulkRows(jdbc, 20_000);
		support = new DemoSupportRecords(rows);
		LocalDate today = LocalDate.now(clock);
		Set<String> iins = new HashSet<>();
		SplittableRandom random = new SplittableRandom(20261);
		int learners = 0;
		// Special schools teach children with SEN almost only; general schools get the
		// rate
		// that brings each region to the published 31 per 1,000 pupils overall.
		Map<String, double[]> pupils = new HashMap<>();
		for (School school : schools) {
			pupils.computeIfAbsent(region(school.path()), k -> new double[2])[school.special() ? 1 : 0] += school
				.pupils();
		}
		for (School school : schools) {
			List<Pmpc> pmpcs = pmpcByRegion.get(region(school.path()));
			if (pmpcs == null) {
				continue;
			}
			double[] regional = pupils.get(region(school.path()));
			double generalRate = (TARGET_RATE * (regional[0] + regional[1]) - SPECIAL_SCHOOL_RATE * regional[1])
					/ regional[0];
			double rate = school.special() ? SPECIAL_SCHOOL_RATE : generalRate * (0.85 + random.nextDouble() * 0.3);
			int count = (int) Math.round(school.pupils() * rate);
			if (school.code().equals(DEMO_SCHOOL)) {
				count = Math.max(count, 24);
			}
			// How well a school delivers what the PMPC recommends: the research finds it
			// uneven.
			double delivery = 0.3 + random.nextDouble() * 0.7;
			for (int i = 0; i < count; i++) {
				boolean demoSchool = school.code().equals(DEMO_SCHOOL);
				learner(school, pmpcs, delivery, demoSchool ? specialist : null, demoSchool && i == 0, today, iins,
						random);
				learners++;
			}
		}
		rows.close();
		log.info("Demo data: {} learners with SEN in {} schools", learners, schools.size());
	}

	/**
	 * @param withoutConsent whether the child lacks the data-processing consent whatever
	 * the draw: the demo school always shows that gap, on any day the demo is generated
	 */
	private void learner(School school, List<Pmpc> pmpcs, double delivery, Long specialist, boolean withoutConsent,
			LocalDate today, Set<String> iins, SplittableRandom random) {
		long id = id("learner");
		Instant now = Instant.now(clock);
		Sex sex = random.nextDouble() < 0.62 ? Sex.MALE : Sex.FEMALE;
		int age = 7 + random.nextInt(11);
		LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
		boolean russian = school.languages().startsWith("RU") ? random.nextDouble() < 0.7 : random.nextDouble() < 0.1;
		String surname = DemoNames.pick(russian ? DemoNames.RU_SURNAMES : DemoNames.KK_SURNAMES, random);
		String given = DemoNames.pick(sex == Sex.MALE ? (russian ? DemoNames.RU_MALE : DemoNames.KK_MALE)
				: (russian ? DemoNames.RU_FEMALE : DemoNames.KK_FEMALE), random);
		String father = DemoNames.pick(russian ? DemoNames.RU_FATHERS : DemoNames.KK_FATHERS, random);
		if (sex == Sex.FEMALE && (surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("ин"))) {
			surname = surname + "а";
		}
		String patronymic = random.nextDouble() < 0.1 ? null : DemoNames.patronymic(father, sex, russian);
		String iin = null;
		String noIinReason = null;
		if (random.nextDouble() < 0.02) {
			noIinReason = random.nextBoolean() ? NoIinReason.FOREIGN_CITIZEN.name() : NoIinReason.STATELESS.name();
		}
		else {
			int serial = random.nextInt(10000);
			do {
				iin = Iin.of(birth, sex, serial);
				serial = (serial + 1) % 10000;
			}
			while (!iins.add(iin));
		}
		String language = russian ? "RU" : school.languages().split(",")[0];
		String disability = random.nextDouble() < 0.35 ? Disability.CHILD_WITH_DISABILITY.name()
				: Disability.NONE.name();
		String search = LearnerRepository.searchText(new Learner(id, iin, null, surname, given, patronymic, birth, sex,
				Citizenship.KZ, null, null, null, null, null, null, 0));
		add("""
				INSERT INTO learner (id, iin, no_iin_reason, surname, given_name, patronymic, birth_date, sex,
					citizenship, language, disability, home_unit_code, path, search_text, created_at, created_by,
					updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
				id, iin, noIinReason, surname, given, patronymic, Date.valueOf(birth), sex.name(),
				noIinReason == null ? "KZ" : noIinReason.equals("STATELESS") ? "STATELESS" : "FOREIGN", language,
				disability, school.unitCode(), school.path(), search, ts(now), BY, ts(now), BY);
		long guardian = id("guardian");
		add("""
				INSERT INTO guardian (id, learner_id, relation, full_name, phone, email, address, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?)""",
				guardian, id, GuardianRelation.MOTHER.name(),
				DemoNames.pick(russian ? DemoNames.RU_FEMALE : DemoNames.KK_FEMALE, random) + " "
						+ (sex == Sex.MALE ? surname + "а" : surname),
				"+7 70" + (1 + random.nextInt(8)) + " " + (100 + random.nextInt(900)) + " "
						+ (1000 + random.nextInt(9000)),
				ts(now), BY);

		// Conclusion: most within the last year, some older and overdue for review.
		boolean old = random.nextDouble() < 0.14;
		LocalDate concluded = today.minusDays(old ? 366 + random.nextInt(300) : 20 + random.nextInt(330));
		LocalDate consentGiven = concluded.minusDays(3 + random.nextInt(20));
		add(consentSql(), id("consent"), id, ConsentPurpose.EXAMINATION.name(), guardian, Date.valueOf(consentGiven),
				ts(now), BY, null, null);
		// The draws are made whether or not the consents are written, so that forcing the
		// gap changes nothing else in the demo.
		double consentDraw = random.nextDouble();
		if (consentDraw >= 0.04) {
			boolean withdrawn = consentDraw < 0.065;
			Object[] processing = { id("consent"), id, ConsentPurpose.DATA_PROCESSING.name(), guardian,
					Date.valueOf(consentGiven), ts(now), BY,
					withdrawn ? Date.valueOf(today.minusDays(5 + random.nextInt(60))) : null, withdrawn ? BY : null };
			boolean sharing = random.nextDouble() < 0.9;
			Object[] sharingRow = sharing ? new Object[] { id("consent"), id, ConsentPurpose.SHARING_WITH_SCHOOL.name(),
					guardian, Date.valueOf(consentGiven), ts(now), BY, null, null } : null;
			if (!withoutConsent) {
				add(consentSql(), processing);
				if (sharing) {
					add(consentSql(), sharingRow);
				}
			}
		}
		SenCategory category = DemoConclusionDraws.category(random);
		Pmpc pmpc = pmpcs.get(random.nextInt(pmpcs.size()));
		EducationForm recommended = school.special() ? EducationForm.SPECIAL_SCHOOL
				: DemoConclusionDraws.recommendedForm(random);
		Map<SpecialistType, Double> hours = DemoConclusionDraws.services(category, random);
		long conclusion = id("conclusion");
		add("""
				INSERT INTO conclusion (id, learner_id, concluded_on, pmpc_id, conclusion_number, sen_categories,
					programme, form, conditions, next_review_on, recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", conclusion, id, Date.valueOf(concluded), pmpc.id(),
				pmpc.code().substring(pmpc.code().lastIndexOf('-') + 1) + "/" + concluded.getYear() + "-"
						+ (100 + random.nextInt(900)),
				category.name(), DemoConclusionDraws.programme(category).name(), recommended.name(),
				DemoConclusionDraws.conditions(category), Date.valueOf(concluded.plusYears(1)), ts(now), BY);
		hours.forEach((type, h) -> add(
				"INSERT INTO conclusion_service (conclusion_id, specialist, weekly_hours) VALUES (?, ?, ?)", conclusion,
				type.name(), h));
		if (random.nextDouble() < 0.4) {
			support.functioning(id, age, category, concluded, now, random);
		}

		// Enrolment: usually the recommended form, not always.
		EducationForm provided = recommended;
		if (!school.special() && random.nextDouble() < 0.12) {
			provided = recommended == EducationForm.INCLUSIVE_CLASS ? EducationForm.HOME_BASED
					: EducationForm.INCLUSIVE_CLASS;
		}
		int grade = Math.max(1, Math.min(11, age - 6));
		LocalDate started = LocalDate.of(SchoolYear.of(today).startYear() - (grade - 1), 9, 1);
		add("""
				INSERT INTO enrolment (id, learner_id, organisation_id, grade, class_name, form, started_on, ended_on,
					end_reason, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)""",
				id("enrolment"), id, school.id(), String.valueOf(grade), grade + "" + "АБВГ".charAt(random.nextInt(4)),
				provided.name(), Date.valueOf(started), ts(now), BY);
		int level = random.nextDouble() < 0.4 ? 1 : random.nextDouble() < 0.6 ? 2 : 3;
		add("""
				INSERT INTO support_level (id, learner_id, level_number, set_on, rationale, recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", id("support_level"), id, level, Date.valueOf(concluded.plusDays(10)),
				"PMPC " + concluded, ts(now), BY);
		SchoolYear year = SchoolYear.of(today);
		if (random.nextDouble() < 0.85 && !today.isBefore(year.start())) {
			support.plan(id, year, hours, specialist, today, now, random);
		}
		support.sessions(id, hours, delivery, today, now, random);
		if ((category == SenCategory.VISION || category == SenCategory.HEARING || category == SenCategory.MOTOR)
				&& random.nextDouble() < 0.5) {
			DeviceKind kind = category == SenCategory.VISION ? DeviceKind.LOW_VISION_AID
					: category == SenCategory.HEARING ? DeviceKind.HEARING_AID : DeviceKind.WHEELCHAIR;
			add("""
					INSERT INTO device (id, learner_id, kind, description, provided_on, returned_on, device_condition,
						recorded_at, recorded_by) VALUES (?, ?, ?, NULL, ?, NULL, ?, ?, ?)""", id("device"), id,
					kind.name(), Date.valueOf(concluded.plusDays(30)),
					random.nextDouble() < 0.8 ? DeviceCondition.GOOD.name() : DeviceCondition.NEEDS_REPAIR.name(),
					ts(now), BY);
		}
	}

	private static String consentSql() {
		return """
				INSERT INTO consent (id, learner_id, purpose, guardian_id, given_on, recorded_at, recorded_by,
					withdrawn_on, withdrawal_recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
	}

	private static String region(String path) {
		String[] parts = path.split("/");
		return parts.length > 2 ? parts[2] : "";
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private long id(String table) {
		return rows.id(table);
	}

	private void add(String sql, Object... row) {
		rows.add(sql, row);
	}

}