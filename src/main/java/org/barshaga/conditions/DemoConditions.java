package org.barshaga.conditions;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.barshaga.kernel.Sex;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.BulkRows;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Conditions surveys for the current school year and the two before it, staff and
 * training for the demo schools, calibrated on the published figures: about 60% of urban
 * and 17% of rural schools physically accessible, one or two support specialists per
 * school with learners with SEN (often none in villages), about 30% of teachers trained
 * in inclusive education in three years, and 95% of schools reporting that conditions are
 * created.
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(40)
class DemoConditions implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoConditions.class);

	private static final String BY = "demo-data";

	private static final String[] SURNAMES = { "Ахметова", "Серікова", "Жұмабаева", "Оспанова", "Иванова", "Петрова",
			"Нұрланова", "Қасымова", "Смирнова", "Ким", "Омарова", "Исаева", "Төлеуова", "Байжанова" };

	private static final String[] GIVEN = { "Айгүл", "Гүлмира", "Мария", "Елена", "Динара", "Сәуле", "Анна", "Жанар",
			"Ольга", "Айжан", "Меруерт", "Наталья", "Әсел", "Бақыт" };

	private static final PositionType[] SPECIALISTS = { PositionType.SPEECH_THERAPIST,
			PositionType.EDUCATIONAL_PSYCHOLOGIST, PositionType.TEACHER_ASSISTANT, PositionType.SPECIAL_TEACHER,
			PositionType.SOCIAL_EDUCATOR, PositionType.TUTOR };

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private BulkRows rows;

	DemoConditions(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record School(long id, String path, boolean rural, int pupils, long learners) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		if (jdbc.queryForObject("SELECT COUNT(*) FROM condition_survey", Long.class) > 0) {
			return;
		}
		List<School> schools = jdbc.query("""
				SELECT o.id, o.path, o.settlement, o.pupils,
					(SELECT COUNT(*) FROM enrolment e WHERE e.organisation_id = o.id AND e.ended_on IS NULL) AS learners
				FROM organisation o WHERE o.type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL') AND o.pupils IS NOT NULL
				ORDER BY o.id""", (rs, n) -> new School(rs.getLong("id"), rs.getString("path"),
				"RURAL".equals(rs.getString("settlement")), rs.getInt("pupils"), rs.getLong("learners")));
		LocalDate today = LocalDate.now(clock);
		int current = SchoolYear.of(today).startYear();
		Instant now = Instant.now(clock);
		rows = new BulkRows(jdbc, 20_000);
		SplittableRandom random = new SplittableRandom(4512);
		for (School school : schools) {
			boolean accessible = random.nextDouble() < (school.rural() ? 0.17 : 0.62);
			boolean materials = random.nextDouble() < (school.rural() ? 0.25 : 0.5);
			for (int year = current - 2; year <= current; year++) {
				long survey = rows.id("condition_survey");
				// Schools improve: an accessible school may not yet have been two years
				// ago.
				boolean accessibleThen = accessible && (year == current || random.nextDouble() < 0.8);
				LocalDate reportedOn = year == current ? LocalDate.of(year, 10, 5) : LocalDate.of(year + 1, 5, 25);
				boolean reported = !reportedOn.isAfter(today);
				add("""
						INSERT INTO condition_survey (id, organisation_id, school_year, path, reported_created, reported_on,
							updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""",
						survey, school.id(), year, school.path(), reported ? random.nextDouble() < 0.95 : null,
						reported ? Date.valueOf(reportedOn) : null, Timestamp.from(now), BY);
				for (ConditionItem item : ConditionItem.values()) {
					ItemStatus status = status(item, school, accessibleThen, materials, random);
					add("INSERT INTO condition_item (survey_id, item, status, note) VALUES (?, ?, ?, NULL)", survey,
							item.name(), status.name());
				}
			}
			int teachers = Math.max(4, school.pupils() / 16);
			for (int t = 0; t < teachers; t++) {
				LocalDate started = today.minusYears(1 + random.nextInt(25)).withDayOfYear(1 + random.nextInt(200));
				double fteDraw = random.nextDouble();
				long staff = rows.id("staff_member");
				add(staffSql(), staff, school.id(), school.path(), name(random), staffIin(staff),
						PositionType.TEACHER.name(), fteDraw < 0.1 ? 0.5 : fteDraw < 0.2 ? 1.5 : 1.0,
						"Higher pedagogical education", Date.valueOf(started), Timestamp.from(now), BY);
				if (random.nextDouble() < 0.28) {
					add(trainingSql(), rows.id("training"), staff,
							"Инклюзивті білім беру: ерекше білім беру қажеттіліктері бар балаларды оқыту",
							"Ы. Алтынсарин атындағы Ұлттық білім академиясы", 72,
							Date.valueOf(today.minusDays(30 + random.nextInt(1000))), true, Timestamp.from(now), BY);
				}
				if (random.nextDouble() < 0.3) {
					add(trainingSql(), rows.id("training"), staff, "Subject methodology update", "Өрлеу", 36,
							Date.valueOf(today.minusDays(30 + random.nextInt(1500))), false, Timestamp.from(now), BY);
				}
			}
			if (school.learners() > 0) {
				int specialists = school.rural() ? (random.nextDouble() < 0.5 ? 0 : 1) : 1 + random.nextInt(2);
				if (school.pupils() > 1200) {
					specialists++;
				}
				for (int s = 0; s < specialists; s++) {
					PositionType position = SPECIALISTS[random.nextInt(SPECIALISTS.length)];
					long specialist = rows.id("staff_member");
					add(staffSql(), specialist, school.id(), school.path(), name(random), staffIin(specialist),
							position.name(), random.nextDouble() < 0.3 ? 0.5 : 1.0, "Defectology / speech therapy",
							Date.valueOf(today.minusYears(1 + random.nextInt(10))), Timestamp.from(now), BY);
				}
			}
		}
		rows.close();
		log.info("Demo data: conditions of {} schools for three school years, with staff and training", schools.size());
	}

	private static ItemStatus status(ConditionItem item, School school, boolean accessible, boolean materials,
			SplittableRandom random) {
		return switch (item) {
			case STEP_FREE_ENTRANCE, DOOR_WIDTHS, ACCESSIBLE_TOILET, STAIR_HANDRAILS ->
				accessible ? ItemStatus.PRESENT : random.nextDouble() < 0.4 ? ItemStatus.PARTIAL : ItemStatus.ABSENT;
			case LIFT_OR_PLATFORM ->
				school.rural() ? ItemStatus.NOT_APPLICABLE : accessible ? ItemStatus.PRESENT : ItemStatus.ABSENT;
			case BRAILLE_TEXTBOOKS, ENLARGED_PRINT, AUDIO_MATERIALS, TACTILE_MATERIALS, AAC, ADAPTED_COMPUTERS,
					SIGN_LANGUAGE_SUPPORT ->
				materials && random.nextDouble() < 0.5 ? ItemStatus.PRESENT : ItemStatus.ABSENT;
			case INCLUSION_SUPPORT_ROOM ->
				school.learners() > 0 && random.nextDouble() < 0.5 ? ItemStatus.PRESENT : ItemStatus.ABSENT;
			case PSYCHOLOGIST_OFFICE -> random.nextDouble() < 0.7 ? ItemStatus.PRESENT : ItemStatus.ABSENT;
			case SPEECH_THERAPY_ROOM -> random.nextDouble() < 0.45 ? ItemStatus.PRESENT : ItemStatus.ABSENT;
			case ACCESSIBLE_TRANSPORT ->
				random.nextDouble() < (school.rural() ? 0.3 : 0.1) ? ItemStatus.PRESENT : ItemStatus.ABSENT;
			default -> random.nextDouble() < (accessible ? 0.5 : 0.15) ? ItemStatus.PRESENT : ItemStatus.ABSENT;
		};
	}

	private static String name(SplittableRandom random) {
		return SURNAMES[random.nextInt(SURNAMES.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
	}

	private static String staffSql() {
		return """
				INSERT INTO staff_member (id, organisation_id, path, full_name, iin, position, fte, qualification,
					started_on, ended_on, updated_at, updated_by, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 0)""";
	}

	/**
	 * A valid adult IIN, unique by the staff id: birth dates from 1965 over about 33
	 * years, and even serials, so that the odd one {@link Iin#of} may step to stays
	 * unused.
	 */
	private static String staffIin(long id) {
		LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(id % 12_000);
		return Iin.of(birth, id % 2 == 0 ? Sex.FEMALE : Sex.MALE, (int) (id / 12_000 % 5_000) * 2);
	}

	private static String trainingSql() {
		return """
				INSERT INTO training (id, staff_id, course, provider, hours, completed_on, inclusive, recorded_at,
					recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
	}

	private void add(String sql, Object... row) {
		rows.add(sql, row);
	}

}
