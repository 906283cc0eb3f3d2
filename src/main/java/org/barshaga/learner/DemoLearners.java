package org.barshaga.learner;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

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
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(30)
class DemoLearners implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoLearners.class);

	private static final String BY = "demo-data";

	private static final String DEMO_SCHOOL = "KZ-61-D08-S001";

	/** Learners with SEN per pupil, the middle of the published 28-35 per 1,000. */
	private static final double TARGET_RATE = 0.031;

	private static final double SPECIAL_SCHOOL_RATE = 0.95;

	private static final String[] KK_SURNAMES = { "Ахметов", "Серіков", "Жұмабаев", "Оспанов", "Нұрланов", "Төлеуов",
			"Қасымов", "Әбілов", "Сейітов", "Бекмұратов", "Ермеков", "Сағындықов", "Мұхаметов", "Исаев", "Байжанов",
			"Тұрсынов", "Әлімов", "Рахымов", "Жақсылықов", "Омаров" };

	private static final String[] KK_MALE = { "Нұрсұлтан", "Алихан", "Ерасыл", "Айбек", "Нұрислам", "Әлинұр", "Диас",
			"Арсен", "Ернұр", "Бекзат", "Санжар", "Темірлан", "Мирас", "Абылай", "Ислам" };

	private static final String[] KK_FEMALE = { "Айзере", "Аружан", "Томирис", "Інжу", "Медина", "Айша", "Жансая",
			"Әйгерім", "Дана", "Камила", "Аяжан", "Нұрай", "Сабина", "Ақбота", "Амина" };

	private static final String[] KK_FATHERS = { "Серік", "Ерлан", "Нұрлан", "Болат", "Қайрат", "Асқар", "Марат",
			"Бауыржан", "Дәурен", "Ержан" };

	private static final String[] RU_SURNAMES = { "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев",
			"Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Ким", "Шевченко", "Бондаренко" };

	private static final String[] RU_MALE = { "Артём", "Максим", "Александр", "Михаил", "Даниил", "Иван", "Кирилл",
			"Матвей", "Тимофей", "Дмитрий" };

	private static final String[] RU_FEMALE = { "София", "Анна", "Мария", "Виктория", "Алиса", "Полина", "Дарья",
			"Анастасия", "Екатерина", "Ксения" };

	private static final String[] RU_FATHERS = { "Сергей", "Александр", "Андрей", "Владимир", "Николай", "Олег",
			"Игорь", "Виктор", "Юрий", "Евгений" };

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private BulkRows rows;

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
		String surname = pick(russian ? RU_SURNAMES : KK_SURNAMES, random);
		String given = pick(sex == Sex.MALE ? (russian ? RU_MALE : KK_MALE) : (russian ? RU_FEMALE : KK_FEMALE),
				random);
		String father = pick(russian ? RU_FATHERS : KK_FATHERS, random);
		if (sex == Sex.FEMALE && (surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("ин"))) {
			surname = surname + "а";
		}
		String patronymic = random.nextDouble() < 0.1 ? null : patronymic(father, sex, russian);
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
				pick(russian ? RU_FEMALE : KK_FEMALE, random) + " " + (sex == Sex.MALE ? surname + "а" : surname),
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
		SenCategory category = category(random);
		Pmpc pmpc = pmpcs.get(random.nextInt(pmpcs.size()));
		EducationForm recommended = school.special() ? EducationForm.SPECIAL_SCHOOL : recommendedForm(random);
		Map<SpecialistType, Double> hours = services(category, random);
		long conclusion = id("conclusion");
		add("""
				INSERT INTO conclusion (id, learner_id, concluded_on, pmpc_id, conclusion_number, sen_categories,
					programme, form, conditions, next_review_on, recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", conclusion, id, Date.valueOf(concluded), pmpc.id(),
				pmpc.code().substring(pmpc.code().lastIndexOf('-') + 1) + "/" + concluded.getYear() + "-"
						+ (100 + random.nextInt(900)),
				category.name(), programme(category).name(), recommended.name(), conditions(category),
				Date.valueOf(concluded.plusYears(1)), ts(now), BY);
		hours.forEach((type, h) -> add(
				"INSERT INTO conclusion_service (conclusion_id, specialist, weekly_hours) VALUES (?, ?, ?)", conclusion,
				type.name(), h));
		if (random.nextDouble() < 0.4) {
			functioning(id, age, category, concluded, now, random);
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
			plan(id, year, hours, specialist, today, now, random);
		}
		sessions(id, hours, delivery, today, now, random);
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

	private void plan(long learner, SchoolYear year, Map<SpecialistType, Double> hours, Long specialist,
			LocalDate today, Instant now, SplittableRandom random) {
		long plan = id("plan");
		LocalDate started = year.start().plusDays(9 + random.nextInt(20));
		add("""
				INSERT INTO plan (id, learner_id, school_year, started_on, adaptations, created_at, created_by,
					updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", plan, learner,
				year.startYear(), Date.valueOf(started),
				"Простые инструкции, визуальное расписание, дополнительное время", ts(now), BY, ts(now), BY);
		List<Long> goals = new ArrayList<>();
		GoalDomain[] domains = GoalDomain.values();
		for (int g = 0; g < 2 + random.nextInt(2); g++) {
			long goal = id("plan_goal");
			goals.add(goal);
			GoalDomain domain = domains[random.nextInt(domains.length)];
			add("""
					INSERT INTO plan_goal (id, plan_id, goal_domain, description, baseline, target_state, measure)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", goal, plan, domain.name(),
					"Goal " + (g + 1) + ": " + domain.name(), "observed in September", "independently by May",
					"observation, 5 trials");
		}
		hours.forEach((type, h) -> add("""
				INSERT INTO plan_service (plan_id, specialist, weekly_hours, assigned_user_id) VALUES (?, ?, ?, ?)""",
				plan, type.name(), h, type == SpecialistType.SPEECH_THERAPIST ? specialist : null));
		for (int term : year.termsDueForReview(today)) {
			if (started.isBefore(year.termEnd(term)) && random.nextDouble() < 0.75) {
				long review = id("plan_review");
				add("""
						INSERT INTO plan_review (id, plan_id, term_number, reviewed_on, recorded_at, recorded_by)
						VALUES (?, ?, ?, ?, ?, ?)""", review, plan, term,
						Date.valueOf(year.termEnd(term).plusDays(random.nextInt(10))), ts(now), BY);
				for (long goal : goals) {
					add("INSERT INTO goal_rating (review_id, goal_id, score, remark) VALUES (?, ?, ?, NULL)", review,
							goal, random.nextInt(5) - 2);
				}
			}
		}
	}

	/**
	 * Sessions of last month and this month, and of May of the two school years before,
	 * the month the indicators compare delivered with recommended support in for a past
	 * year; delivered at the school's uneven rate.
	 */
	private void sessions(long learner, Map<SpecialistType, Double> hours, double delivery, LocalDate today,
			Instant now, SplittableRandom random) {
		YearMonth current = YearMonth.from(today);
		for (Map.Entry<SpecialistType, Double> service : hours.entrySet()) {
			if (random.nextDouble() < 0.15) {
				continue;
			}
			int perWeek = (int) Math.ceil(service.getValue() * 60 / 45);
			int year = SchoolYear.of(today).startYear();
			Set<YearMonth> months = new TreeSet<>(
					List.of(current.minusMonths(1), current, YearMonth.of(year, 5), YearMonth.of(year - 1, 5)));
			for (YearMonth month : months) {
				if (!SchoolYear.isSchoolMonth(month)) {
					continue;
				}
				LocalDate last = month.equals(current) ? today : month.atEndOfMonth();
				for (LocalDate day = month.atDay(1); !day.isAfter(last); day = day.plusDays(7)) {
					for (int s = 0; s < perWeek; s++) {
						if (random.nextDouble() > delivery) {
							continue;
						}
						LocalDate held = day.plusDays(Math.min(4, s));
						if (held.isAfter(last) || held.getDayOfWeek().getValue() > 5) {
							continue;
						}
						boolean attended = random.nextDouble() > 0.08;
						add("""
								INSERT INTO support_session (id, learner_id, held_on, minutes, specialist, grouped,
									attended, missed_reason, recorded_at, recorded_by)
								VALUES (?, ?, ?, 45, ?, ?, ?, ?, ?, ?)""", id("support_session"), learner,
								Date.valueOf(held), service.getKey().name(), random.nextDouble() < 0.3, attended,
								attended ? null : MissedReason.ILLNESS.name(), ts(now), BY);
					}
				}
			}
		}
	}

	private void functioning(long learner, int age, SenCategory category, LocalDate concluded, Instant now,
			SplittableRandom random) {
		CfmAgeGroup group = CfmAgeGroup.AGES_5_17;
		Map<String, String> answers = new LinkedHashMap<>();
		for (String question : ChildFunctioning.questions(group)) {
			List<String> allowed = ChildFunctioning.answers(group, question);
			answers.put(question, allowed.get(question.startsWith("uses") ? 1 : random.nextDouble() < 0.8 ? 0 : 1));
		}
		String affected = switch (category) {
			case HEARING -> "hearing";
			case VISION -> "seeing";
			case SPEECH -> "communicationOutsideHousehold";
			case MOTOR -> "walking100mComparedToPeers";
			case AUTISM -> "makingFriends";
			case EMOTIONAL_BEHAVIOURAL -> "controllingBehaviour";
			default -> "learning";
		};
		answers.put(affected, random.nextBoolean() ? "A_LOT_OF_DIFFICULTY" : "SOME_DIFFICULTY");
		FunctioningResult result = ChildFunctioning.evaluate(group, answers);
		StringBuilder flagged = new StringBuilder();
		result.domains().forEach((domain, flag) -> {
			if (flag) {
				flagged.append(flagged.isEmpty() ? "" : ",").append(domain);
			}
		});
		StringBuilder text = new StringBuilder();
		new java.util.TreeMap<>(answers)
			.forEach((k, v) -> text.append(text.isEmpty() ? "" : ";").append(k).append('=').append(v));
		add("""
				INSERT INTO functioning (id, learner_id, assessed_on, age_group, answers, flagged_domains,
					functional_difficulty, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				id("functioning"), learner, Date.valueOf(concluded), group.name(), text.toString(), flagged.toString(),
				result.functionalDifficulty(), ts(now), BY);
	}

	private static SenCategory category(SplittableRandom random) {
		double draw = random.nextDouble();
		if (draw < 0.25) {
			return SenCategory.SPEECH;
		}
		if (draw < 0.50) {
			return SenCategory.DEVELOPMENTAL_DELAY;
		}
		if (draw < 0.65) {
			return SenCategory.INTELLECTUAL;
		}
		if (draw < 0.73) {
			return SenCategory.AUTISM;
		}
		if (draw < 0.80) {
			return SenCategory.MOTOR;
		}
		if (draw < 0.85) {
			return SenCategory.HEARING;
		}
		if (draw < 0.90) {
			return SenCategory.VISION;
		}
		if (draw < 0.95) {
			return SenCategory.EMOTIONAL_BEHAVIOURAL;
		}
		return SenCategory.MULTIPLE;
	}

	private static EducationForm recommendedForm(SplittableRandom random) {
		double draw = random.nextDouble();
		return draw < 0.72 ? EducationForm.INCLUSIVE_CLASS : draw < 0.82 ? EducationForm.SPECIAL_CLASS
				: draw < 0.96 ? EducationForm.HOME_BASED : EducationForm.DISTANCE;
	}

	private static Programme programme(SenCategory category) {
		return switch (category) {
			case HEARING -> Programme.SPECIAL_HEARING;
			case VISION -> Programme.SPECIAL_VISION;
			case SPEECH -> Programme.GENERAL_ADAPTED;
			case DEVELOPMENTAL_DELAY -> Programme.SPECIAL_DEVELOPMENTAL_DELAY;
			case INTELLECTUAL -> Programme.SPECIAL_INTELLECTUAL_MILD;
			case MOTOR -> Programme.GENERAL_ADAPTED;
			case AUTISM -> Programme.SPECIAL_AUTISM;
			default -> Programme.GENERAL_ADAPTED;
		};
	}

	private static String conditions(SenCategory category) {
		return switch (category) {
			case HEARING -> "ASSISTIVE_TECHNOLOGY,SIGN_LANGUAGE";
			case VISION -> "ASSISTIVE_TECHNOLOGY,ENLARGED_PRINT";
			case MOTOR -> "ACCESSIBLE_ENVIRONMENT,ADAPTED_WORKPLACE,TRANSPORT";
			default -> "";
		};
	}

	private static Map<SpecialistType, Double> services(SenCategory category, SplittableRandom random) {
		Map<SpecialistType, Double> hours = new EnumMap<>(SpecialistType.class);
		switch (category) {
			case SPEECH -> hours.put(SpecialistType.SPEECH_THERAPIST, 2.0);
			case DEVELOPMENTAL_DELAY -> {
				hours.put(SpecialistType.SPECIAL_TEACHER, 2.0);
				hours.put(SpecialistType.SPEECH_THERAPIST, 1.0);
			}
			case INTELLECTUAL -> {
				hours.put(SpecialistType.SPECIAL_TEACHER, 3.0);
				hours.put(SpecialistType.TEACHER_ASSISTANT, 10.0);
			}
			case AUTISM -> {
				hours.put(SpecialistType.TUTOR, 10.0);
				hours.put(SpecialistType.EDUCATIONAL_PSYCHOLOGIST, 1.0);
			}
			case MOTOR -> hours.put(SpecialistType.TEACHER_ASSISTANT, 5.0);
			case HEARING -> {
				hours.put(SpecialistType.SIGN_LANGUAGE_INTERPRETER, 5.0);
				hours.put(SpecialistType.SPECIAL_TEACHER, 1.0);
			}
			case VISION -> hours.put(SpecialistType.SPECIAL_TEACHER, 2.0);
			default -> hours.put(SpecialistType.EDUCATIONAL_PSYCHOLOGIST, 1.0);
		}
		if (random.nextDouble() < 0.2) {
			hours.put(SpecialistType.SOCIAL_EDUCATOR, 1.0);
		}
		return hours;
	}

	private static String patronymic(String father, Sex sex, boolean russian) {
		if (russian) {
			String stem = father.endsWith("й") ? father.substring(0, father.length() - 1) + "е" : father + "о";
			return stem + (sex == Sex.MALE ? "вич" : "вна");
		}
		return father + (sex == Sex.MALE ? "ұлы" : "қызы");
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

	private static String pick(String[] values, SplittableRandom random) {
		return values[random.nextInt(values.length)];
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
