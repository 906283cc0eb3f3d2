package org.barshaga.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.barshaga.generator.Names.Origin;
import org.barshaga.kernel.Sex;

/**
 * The staff of a school, each person a row with a valid adult IIN: teachers at about one
 * per 15 pupils, and the support specialists at the published national numbers (about
 * 3,200 speech therapists, 9,700 special teachers, 2,500 teacher assistants and over
 * 12,000 educational psychologists and social educators), spread over schools partly
 * evenly and partly by pupils; special schools have their own specialists. Training:
 * about 28% of teachers have a course on inclusive education.
 */
final class Staffing {

	private static final String[] SUPPORT = { "TEACHER_ASSISTANT", "SPECIAL_TEACHER", "SPEECH_THERAPIST",
			"EDUCATIONAL_PSYCHOLOGIST", "SOCIAL_EDUCATOR", "TUTOR" };

	private static final int[] NATIONAL_SUPPORT = { 2_500, 9_700, 3_200, 9_000, 3_500, 400 };

	/** Support staff of a special school: least and most of each position. */
	private static final int[][] SPECIAL_SCHOOL_SUPPORT = { { 1, 4 }, { 3, 7 }, { 1, 3 }, { 1, 2 }, { 1, 1 },
			{ 0, 1 } };

	/** Full-time equivalents in quarters (4 is 1.0) and how often each occurs. */
	private static final int[] TEACHER_FTE = { 4, 5, 6, 3, 2, 1 };

	private static final double[] TEACHER_FTE_WEIGHTS = { 0.45, 0.2, 0.2, 0.08, 0.05, 0.02 };

	private static final int[] SUPPORT_FTE = { 4, 2, 3, 5, 6, 1 };

	private static final double[] SUPPORT_FTE_WEIGHTS = { 0.6, 0.18, 0.1, 0.05, 0.05, 0.02 };

	private static final String[] QUALIFICATIONS_KK = { "педагог", "педагог-модератор", "педагог-сарапшы",
			"педагог-зерттеуші", "педагог-шебер" };

	private static final String[] QUALIFICATIONS_RU = { "педагог", "педагог-модератор", "педагог-эксперт",
			"педагог-исследователь", "педагог-мастер" };

	private static final double[] QUALIFICATION_WEIGHTS = { 0.22, 0.32, 0.25, 0.13, 0.03, 0.05 };

	private static final String[][] INCLUSIVE_COURSES = {
			{ "Инклюзивное образование в условиях общеобразовательной школы", "72", "АО «НЦПК «Өрлеу»»" },
			{ "Инклюзивті білім беру жағдайында ерекше білім беру қажеттіліктері бар балаларды психологиялық-педагогикалық сүйемелдеу",
					"72", "«Өрлеу» БАҰО» АҚ" },
			{ "Организация инклюзивного образования: адаптация учебных программ, оценивание и поддержка", "72",
					"Национальная академия образования имени И. Алтынсарина" },
			{ "Ерекше білім беру қажеттіліктері бар балалармен жұмыс әдістемесі", "36",
					"Ы. Алтынсарин атындағы Ұлттық білім академиясы" },
			{ "Работа с детьми с расстройствами аутистического спектра", "36",
					"Национальный научно-практический центр развития специального и инклюзивного образования" },
			{ "Тьюторское сопровождение обучающихся с особыми образовательными потребностями", "36",
					"АО «НЦПК «Өрлеу»»" },
			{ "Universal Design for Learning in the inclusive classroom", "24",
					"Центр педагогического мастерства АОО «Назарбаев Интеллектуальные школы»" },
			{ "Казахский жестовый язык, базовый курс", "108",
					"Национальный научно-практический центр развития специального и инклюзивного образования" } };

	private static final double[] INCLUSIVE_COURSE_WEIGHTS = { 0.3, 0.2, 0.15, 0.12, 0.08, 0.07, 0.06, 0.02 };

	private static final String[][] OTHER_COURSES = {
			{ "Обновлённое содержание образования", "80", "АО «НЦПК «Өрлеу»»" },
			{ "Критериалды бағалау жүйесі", "36", "«Өрлеу» БАҰО» АҚ" },
			{ "Цифровая грамотность педагога", "36", "АО «НЦПК «Өрлеу»»" },
			{ "Lesson Study: исследование в действии", "24",
					"Центр педагогического мастерства АОО «Назарбаев Интеллектуальные школы»" },
			{ "Функциональная грамотность школьников: чтение, математика, естествознание", "36",
					"Национальная академия образования имени И. Алтынсарина" },
			{ "Trends in English Language Teaching", "72",
					"Центр педагогического мастерства АОО «Назарбаев Интеллектуальные школы»" } };

	private static final double[] OTHER_COURSE_WEIGHTS = { 0.3, 0.2, 0.2, 0.1, 0.15, 0.05 };

	private final Output out;

	private final SplittableRandom random;

	private final IinSerials serials;

	private final LocalDate firstHire = LocalDate.of(1980, 9, 1);

	private final LocalDate lastHire;

	private final LocalDate newServiceSince = LocalDate.of(2021, 9, 1);

	private final long trainingSpan;

	private final LocalDate trainingFrom;

	Staffing(Output out, SplittableRandom random, IinSerials serials, int schoolYear) {
		this.out = out;
		this.random = random;
		this.serials = serials;
		this.lastHire = LocalDate.of(schoolYear, 8, 31);
		this.trainingFrom = LocalDate.of(schoolYear - 3, 9, 1);
		this.trainingSpan = ChronoUnit.DAYS.between(trainingFrom, lastHire);
	}

	void school(Organisation school, Names.Origin[] origins) {
		int teachers = school.isSpecialSchool() ? Math.max(6, (int) Math.round(school.pupils / 6.0))
				: Math.max(4, (int) Math.round(school.pupils / 15.0 * (0.9 + 0.2 * random.nextDouble())));
		boolean kazakh = school.languages[0].equals("KK");
		for (int i = 0; i < teachers; i++) {
			person(school, "TEACHER", origins, kazakh);
		}
		for (int p = 0; p < SUPPORT.length; p++) {
			int count;
			if (school.isSpecialSchool()) {
				int[] range = SPECIAL_SCHOOL_SUPPORT[p];
				count = range[0] + random.nextInt(range[1] - range[0] + 1);
			}
			else {
				double expected = NATIONAL_SUPPORT[p]
						* (0.4 / RegionProfile.NATIONAL_SCHOOLS + 0.6 * school.pupils / RegionProfile.NATIONAL_PUPILS);
				count = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
			}
			for (int i = 0; i < count; i++) {
				person(school, SUPPORT[p], origins, kazakh);
			}
		}
		if (school.isSpecialSchool() && OrganisationNames.profileCategory(school.profile).equals("HEARING")) {
			person(school, "SIGN_LANGUAGE_INTERPRETER", origins, kazakh);
		}
	}

	private void person(Organisation school, String position, Origin[] origins, boolean kazakh) {
		boolean teacher = position.equals("TEACHER");
		Sex sex = random.nextDouble() < (teacher ? 0.82 : position.equals("SOCIAL_EDUCATOR") ? 0.75 : 0.88) ? Sex.FEMALE
				: Sex.MALE;
		LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(41 * 365));
		String iin = serials.next(birth, sex);
		Origin origin = origins[random.nextInt(origins.length)];
		String name = Names.adultFullName(origin, sex, random);
		int quarters = teacher ? TEACHER_FTE[pick(TEACHER_FTE_WEIGHTS)] : SUPPORT_FTE[pick(SUPPORT_FTE_WEIGHTS)];
		int q = pick(QUALIFICATION_WEIGHTS);
		String qualification = q >= QUALIFICATIONS_KK.length ? null
				: kazakh ? QUALIFICATIONS_KK[q] : QUALIFICATIONS_RU[q];
		LocalDate earliest = birth.plusYears(21);
		if (earliest.isBefore(firstHire)) {
			earliest = firstHire;
		}
		if (!teacher && !position.equals("EDUCATIONAL_PSYCHOLOGIST") && random.nextDouble() < 0.7
				&& earliest.isBefore(newServiceSince)) {
			earliest = newServiceSince;
		}
		LocalDate started = earliest.isBefore(lastHire)
				? earliest.plusDays(random.nextLong(ChronoUnit.DAYS.between(earliest, lastHire) + 1)) : lastHire;
		if (random.nextDouble() < 0.6) {
			started = LocalDate.of(started.getMonthValue() >= 9 ? started.getYear() : started.getYear() - 1, 9, 1);
			if (started.isBefore(earliest)) {
				started = started.plusYears(1);
			}
		}
		out.staff.text(school.code)
			.text(iin)
			.text(name)
			.text(position)
			.quarters(quarters)
			.text(qualification)
			.date(started)
			.empty()
			.endRow();
		if (random.nextDouble() < (teacher ? 0.28 : 0.65)) {
			course(school, iin, INCLUSIVE_COURSES[pick(INCLUSIVE_COURSE_WEIGHTS)], true);
		}
		if (random.nextDouble() < (teacher ? 0.4 : 0.15)) {
			course(school, iin, OTHER_COURSES[pick(OTHER_COURSE_WEIGHTS)], false);
		}
	}

	private void course(Organisation school, String iin, String[] course, boolean inclusive) {
		out.training.text(school.code)
			.text(iin)
			.text(course[0])
			.text(course[2])
			.text(course[1])
			.date(trainingFrom.plusDays(random.nextLong(trainingSpan + 1)))
			.bool(inclusive)
			.endRow();
	}

	private int pick(double[] weights) {
		double draw = random.nextDouble();
		for (int i = 0; i < weights.length; i++) {
			draw -= weights[i];
			if (draw < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

}
