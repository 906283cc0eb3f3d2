package org.barshaga.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.barshaga.generator.Names.Family;
import org.barshaga.generator.Names.Origin;
import org.barshaga.kernel.Sex;

/**
 * Writes one region: its organisations, then school by school the pupils of the enrolment
 * extract with the learners with SEN among them (conclusion, enrolment, the sessions of
 * September), staff, training and the conditions survey; then the learners not in any
 * school, and last the region's health-registry extract, shuffled, and the
 * social-protection register's extract.
 */
final class RegionGenerator {

	/**
	 * Learners with SEN per pupil, special schools included (published 28-35 per 1,000).
	 */
	static final double SEN_RATE = 0.031;

	/** Learners not in the enrolment extract, per learner in it. */
	static final double LEARNERS_OUT_OF_SCHOOL = 0.15;

	/** Share of a special school's pupils who are learners with SEN. */
	static final double SPECIAL_SCHOOL_SEN_RATE = 0.95;

	/** Health-registry records of children with a disability, national. */
	static final int NATIONAL_HEALTH_RECORDS = 200_000;

	/** Pairs of twins per family drawn. */
	static final double TWIN_PAIRS = 0.02;

	static final String[] CATEGORIES = { "SPEECH", "DEVELOPMENTAL_DELAY", "INTELLECTUAL", "AUTISM", "MOTOR", "HEARING",
			"VISION", "EMOTIONAL_BEHAVIOURAL", "SOMATIC", "MULTIPLE" };

	private static final double[] CATEGORY_WEIGHTS = { 0.22, 0.24, 0.16, 0.08, 0.07, 0.04, 0.04, 0.06, 0.05, 0.04 };

	/**
	 * Chance of a disability by category, scaled so that about 35% of learners have one.
	 */
	private static final double[] DISABILITY = { 0.08, 0.15, 0.55, 0.7, 0.75, 0.7, 0.65, 0.15, 0.5, 0.9 };

	private static final double DISABILITY_SCALE = 0.94;

	private static final String[] CONDITIONS = { "ASSISTIVE_TECHNOLOGY", "BRAILLE", "ENLARGED_PRINT", "AUDIO_MATERIALS",
			"SIGN_LANGUAGE", "TRANSPORT", "ACCESSIBLE_ENVIRONMENT" };

	/** Specialists a learner of each category may need, most needed first. */
	private static final String[][] SPECIALISTS = {
			{ "SPEECH_THERAPIST", "EDUCATIONAL_PSYCHOLOGIST", "SPECIAL_TEACHER" },
			{ "SPECIAL_TEACHER", "SPEECH_THERAPIST", "EDUCATIONAL_PSYCHOLOGIST" },
			{ "SPECIAL_TEACHER", "TEACHER_ASSISTANT", "SPEECH_THERAPIST" },
			{ "TUTOR", "EDUCATIONAL_PSYCHOLOGIST", "SPEECH_THERAPIST" },
			{ "TEACHER_ASSISTANT", "EDUCATIONAL_PSYCHOLOGIST", "SOCIAL_EDUCATOR" },
			{ "SPECIAL_TEACHER", "SPEECH_THERAPIST", "EDUCATIONAL_PSYCHOLOGIST" },
			{ "SPECIAL_TEACHER", "EDUCATIONAL_PSYCHOLOGIST", "TEACHER_ASSISTANT" },
			{ "EDUCATIONAL_PSYCHOLOGIST", "SOCIAL_EDUCATOR", "SPECIAL_TEACHER" },
			{ "EDUCATIONAL_PSYCHOLOGIST", "SOCIAL_EDUCATOR", "TEACHER_ASSISTANT" },
			{ "SPECIAL_TEACHER", "TEACHER_ASSISTANT", "SPEECH_THERAPIST" } };

	/**
	 * Pupils per grade 0-11, relative: the younger cohorts are larger, fewer stay after
	 * 9.
	 */
	private static final double[] GRADE_WEIGHTS = { 1.05, 1.1, 1.1, 1.08, 1.06, 1.04, 1.02, 1.0, 0.98, 0.95, 0.6,
			0.55 };

	private static final String[] MISSED = { "ILLNESS", "ABSENT", "SPECIALIST_UNAVAILABLE", "SCHOOL_EVENT" };

	private static final double[] MISSED_WEIGHTS = { 0.55, 0.25, 0.12, 0.08 };

	private static final String KAZAKH_CLASS_LETTERS = "АӘБВГ";

	private static final String RUSSIAN_CLASS_LETTERS = "АБВГД";

	/** What a region's generation produced, for the progress line. */
	record Counts(int schools, int organisations, long pupils, long learners, long learnersOutOfSchool,
			long healthRecords, long benefitRecords, long plans, long functioning) {
	}

	private final RegionProfile region;

	private final List<AdminUnitsFile.Unit> places;

	private final Output out;

	private final SplittableRandom random;

	private final IinSerials serials;

	private final int year;

	/** The census date of the extracts: 1 October of the school year. */
	private final LocalDate extractDate;

	private final LocalDate lastBirth;

	private final int[][] septemberWeeks;

	private final double[] gradeCumulative;

	private final Family family = new Family();

	private final List<HealthExtract.Child> health = new ArrayList<>();

	/**
	 * Pupils with a disability whom the health extract misses but the benefit register
	 * has.
	 */
	private final List<HealthExtract.Child> missedByHealth = new ArrayList<>();

	/**
	 * Streams of their own for the benefit register and for the health extract's second
	 * records, which came after the other files: drawing them from the region's stream
	 * would have changed those.
	 */
	private final SplittableRandom benefitDraws;

	private final SplittableRandom secondDraws;

	private final Staffing staffing;

	private final Surveys surveys;

	private final FunctioningAnswers functioning;

	private final Plans plans;

	/** The stream of the first term's outcomes and of October's sessions. */
	private final SplittableRandom outcomeDraws;

	private final TermOutcomes outcomes;

	private final YearEnd yearEnd;

	private final int[][] octoberWeeks;

	/**
	 * The primary category and the share of hours delivered of the last learner written.
	 */
	private int lastCategory;

	private double lastDelivered;

	/** The second SEN category of the last conclusion written, or null. */
	private String secondCategory;

	private OrganisationPlan plan;

	private double otherPupilsInHealth;

	private double pupilsMissedByHealth;

	private long pupils;

	private long learners;

	private long learnersOutOfSchool;

	private long disabledOutOfSchool;

	private long healthInEnrolment;

	RegionGenerator(RegionProfile region, AdminUnitsFile units, Output out, long seed, int schoolYear) {
		this.region = region;
		this.places = units.places(region.code());
		this.out = out;
		this.random = new SplittableRandom(mix(seed, region.code()));
		this.serials = new IinSerials(region.index());
		this.year = schoolYear;
		this.extractDate = LocalDate.of(schoolYear, 10, 1);
		this.lastBirth = LocalDate.of(schoolYear, 8, 31);
		this.septemberWeeks = weeks(LocalDate.of(schoolYear, 9, 2));
		this.gradeCumulative = cumulative(GRADE_WEIGHTS);
		this.staffing = new Staffing(out, random, serials, schoolYear);
		this.surveys = new Surveys(out, random, region, schoolYear);
		// functioning and plans draw from their own stream, so the other files do not
		// depend on them
		SplittableRandom support = new SplittableRandom(mix(seed, region.code()) ^ 0x5EC0_F00D_CAFE_BEEFL);
		this.functioning = new FunctioningAnswers(support);
		this.plans = new Plans(support, schoolYear, extractDate);
		this.benefitDraws = new SplittableRandom(mix(seed, region.code()) ^ 0xBE4E_F175_0C1A_1001L);
		this.secondDraws = new SplittableRandom(mix(seed, region.code()) ^ 0x5ECD_4EC0_4D05_0002L);
		this.outcomeDraws = new SplittableRandom(mix(seed, region.code()) ^ 0x0C7C_03E5_7E12_0003L);
		this.outcomes = new TermOutcomes(out, outcomeDraws, schoolYear);
		this.yearEnd = new YearEnd(out, new SplittableRandom(mix(seed, region.code()) ^ 0x4EE7_7EA2_0E4D_0004L),
				schoolYear);
		this.octoberWeeks = weeks(LocalDate.of(schoolYear, 10, 1));
	}

	Counts run() {
		long plansBefore = out.plans.rows();
		long functioningBefore = out.functioning.rows();
		plan = new OrganisationPlan(region, places, random, year);
		plan.write(out.organisations);
		long generalPupils = 0;
		long specialPupils = 0;
		for (Organisation school : plan.schools) {
			if (school.isSpecialSchool()) {
				specialPupils += school.pupils;
			}
			else {
				generalPupils += school.pupils;
			}
		}
		long allPupils = generalPupils + specialPupils;
		// schools differ in how many learners with SEN they teach; the region keeps the
		// rate
		double weighted = 0;
		for (Organisation school : plan.schools) {
			school.senFactor = school.isSpecialSchool() ? 0 : 0.6 + 0.8 * random.nextDouble();
			weighted += school.senFactor * school.pupils;
		}
		double generalSenRate = (SEN_RATE * allPupils - SPECIAL_SCHOOL_SEN_RATE * specialPupils) / weighted;
		for (Organisation school : plan.schools) {
			school.senRate = school.isSpecialSchool() ? SPECIAL_SCHOOL_SEN_RATE : generalSenRate * school.senFactor;
		}
		double healthTarget = (double) NATIONAL_HEALTH_RECORDS * allPupils / RegionProfile.NATIONAL_PUPILS;
		double inEnrolmentShare = 0.72 + 0.06 * random.nextDouble();
		double disabledLearners = 0.35 * SEN_RATE * allPupils;
		otherPupilsInHealth = Math.max(0, inEnrolmentShare * healthTarget - disabledLearners)
				/ (allPupils * (1 - SEN_RATE));
		pupilsMissedByHealth = BenefitExtract.ABSENT_FROM_HEALTH * BenefitExtract.ABSENT_FROM_HEALTH_IN_SCHOOL
				* healthTarget / (allPupils * (1 - SEN_RATE));
		for (Organisation school : plan.schools) {
			school(school);
			staffing.school(school, origins(school));
			surveys.school(school);
		}
		learnersOutOfSchool();
		healthChildrenOutOfSchool(inEnrolmentShare);
		List<HealthExtract.Recorded> recorded = new HealthExtract(out, region, places, extractDate, random, secondDraws)
			.write(health);
		long benefitRecords = new BenefitExtract(out, region, places, extractDate, serials, family, benefitDraws)
			.write(recorded, missedByHealth);
		return new Counts(plan.schools.size(), plan.all.size(), pupils, learners, learnersOutOfSchool, health.size(),
				benefitRecords, out.plans.rows() - plansBefore, out.functioning.rows() - functioningBefore);
	}

	// pupils

	private void school(Organisation school) {
		double senRate = school.senRate;
		int parallels = Math.max(1, Math.min(5, school.pupils / 300));
		for (int i = 0; i < school.pupils;) {
			boolean twins = i + 1 < school.pupils && random.nextDouble() < TWIN_PAIRS;
			String language = pupilLanguage(school);
			family.draw(origin(language), random);
			int grade = drawGrade();
			LocalDate birth = birthDate(grade);
			Sex sex = sex(0.515);
			String given = family.given(sex, random);
			pupil(school, language, grade, parallels, birth, sex, given, senRate);
			i++;
			if (twins) {
				Sex twinSex = sex(0.515);
				pupil(school, language, grade, parallels, birth, twinSex, family.givenOtherThan(twinSex, given, random),
						senRate);
				i++;
			}
		}
	}

	private void pupil(Organisation school, String language, int grade, int parallels, LocalDate birth, Sex sex,
			String given, double senRate) {
		String iin = serials.next(birth, sex);
		String surname = family.surname(sex);
		String patronymic = family.patronymic(sex);
		out.enrolment.number(year)
			.text(iin)
			.text(surname)
			.text(given)
			.text(patronymic)
			.date(birth)
			.text(sex.name())
			.text(school.code)
			.number(grade)
			.text(language)
			.endRow();
		pupils++;
		boolean learner = random.nextDouble() < senRate;
		boolean disabled = false;
		if (learner) {
			disabled = learnerInSchool(school, iin, surname, given, patronymic, birth, sex, language, grade, parallels);
		}
		if (outcomes.pupil(school.code, iin, grade, language, learner ? lastCategory : -1,
				learner ? lastDelivered : 0)) {
			yearEnd.pupil(school.code, iin, surname, given, patronymic, birth, sex, grade, language,
					learner ? lastCategory : -1, learner ? lastDelivered : 0);
		}
		if (disabled || (!learner && random.nextDouble() < otherPupilsInHealth)) {
			health.add(new HealthExtract.Child(iin, surname, given, patronymic, birth, sex, school.unit.code(), true));
			healthInEnrolment++;
		}
		else if (!learner && benefitDraws.nextDouble() < pupilsMissedByHealth) {
			missedByHealth
				.add(new HealthExtract.Child(iin, surname, given, patronymic, birth, sex, school.unit.code(), true));
		}
	}

	private boolean learnerInSchool(Organisation school, String iin, String surname, String given, String patronymic,
			LocalDate birth, Sex sex, String language, int grade, int parallels) {
		int primary = school.isSpecialSchool() && random.nextDouble() < 0.8
				? categoryIndex(OrganisationPlan.profileCategory(school.profile)) : drawCategory();
		boolean disabled = random.nextDouble() < DISABILITY[primary] * DISABILITY_SCALE;
		learnerRow(iin, surname, given, patronymic, birth, sex, language, disabled, school.unit.code(), school.code);
		learners++;
		String form = school.isSpecialSchool() ? (random.nextDouble() < 0.95 ? "SPECIAL_SCHOOL" : "HOME_BASED")
				: recommendedForm();
		LocalDate concluded = concludedOn(birth);
		int[] hours = conclusion(iin, school.pmpc, concluded, primary, form);
		String[] categories = categories(primary);
		functioning.learner(out.functioning, iin, birth, concluded, extractDate, categories);
		plans.learner(out, iin, language, SPECIALISTS[primary], hours, categories);

		// enrolment: from the first 1 September after the conclusion, not before school
		LocalDate started = LocalDate.of(concluded.getYear(), 9, 1);
		if (concluded.isAfter(started)) {
			started = started.plusYears(1);
		}
		LocalDate entered = LocalDate.of(year - grade, 9, 1);
		if (started.isBefore(entered)) {
			started = entered;
		}
		String provided = providedForm(school, form);
		String letters = "KK".equals(language) ? KAZAKH_CLASS_LETTERS : RUSSIAN_CLASS_LETTERS;
		String className = grade + String.valueOf(letters.charAt(random.nextInt(parallels)));
		if (grade > 0 && !school.isSpecialSchool() && random.nextDouble() < 0.05) {
			// transferred this year from another school of the region
			Organisation previous = plan.schools.get(random.nextInt(plan.schools.size()));
			LocalDate thisYear = LocalDate.of(year, 9, 1);
			LocalDate earlier = started.isBefore(thisYear) ? started : thisYear.minusYears(1);
			if (previous != school) {
				out.learnerEnrolments.text(iin)
					.text(previous.code)
					.number(Math.max(0, grade - (year - earlier.getYear())))
					.empty()
					.text(provided)
					.date(earlier)
					.date(year, 5, 31)
					.text("TRANSFER")
					.endRow();
				started = thisYear;
			}
		}
		out.learnerEnrolments.text(iin)
			.text(school.code)
			.number(grade)
			.text(className)
			.text(provided)
			.date(started)
			.empty()
			.empty()
			.endRow();
		lastCategory = primary;
		lastDelivered = sessions(iin, SPECIALISTS[primary], hours, grade, provided);
		return disabled;
	}

	private void learnerRow(String iin, String surname, String given, String patronymic, LocalDate birth, Sex sex,
			String language, boolean disabled, String homeUnit, String schoolCode) {
		out.learners.text(iin)
			.text(surname)
			.text(given)
			.text(patronymic)
			.date(birth)
			.text(sex.name())
			.text(random.nextDouble() < 0.007 ? "FOREIGN" : "KZ")
			.text(language)
			.text(disabled ? "CHILD_WITH_DISABILITY" : "NONE")
			.text(homeUnit)
			.text(schoolCode)
			.endRow();
	}

	/**
	 * Writes the conclusion and answers the recommended weekly hours in halves, by
	 * specialist index of the category's list.
	 */
	private int[] conclusion(String iin, Organisation pmpc, LocalDate concluded, int primary, String form) {
		String[] specialists = SPECIALISTS[primary];
		int[] halves = new int[specialists.length];
		double countDraw = random.nextDouble();
		int count = countDraw < 0.4 ? 1 : countDraw < 0.8 ? 2 : 3;
		for (int i = 0; i < count; i++) {
			halves[i] = hoursInHalves(specialists[i]);
		}
		int offset = concluded.getYear() - (year - 7);
		int sequence = ++pmpc.conclusionsByYear[Math.max(0, Math.min(7, offset))];
		StringBuilder number = new StringBuilder(24).append(region.code(), 3, 5)
			.append('-')
			.append(pmpc.pmpcOrdinal < 10 ? "0" : "")
			.append(pmpc.pmpcOrdinal)
			.append('/')
			.append(concluded.getYear())
			.append('/')
			.append(sequence);
		StringBuilder categories = new StringBuilder(CATEGORIES[primary]);
		secondCategory = null;
		if (!CATEGORIES[primary].equals("MULTIPLE") && random.nextDouble() < 0.2) {
			int second = drawCategory();
			if (second != primary && !CATEGORIES[second].equals("MULTIPLE")) {
				categories.append('|').append(CATEGORIES[second]);
				secondCategory = CATEGORIES[second];
			}
		}
		int reviewYears = random.nextDouble() < 0.55 ? 1 : random.nextDouble() < 0.67 ? 2 : 3;
		StringBuilder services = new StringBuilder(64);
		for (int i = 0; i < specialists.length; i++) {
			if (halves[i] > 0) {
				if (!services.isEmpty()) {
					services.append('|');
				}
				services.append(specialists[i]).append(':').append(halves[i] / 2);
				if (halves[i] % 2 == 1) {
					services.append(".5");
				}
			}
		}
		out.conclusions.text(iin)
			.text(number.toString())
			.date(concluded)
			.text(pmpc.code)
			.text(categories.toString())
			.text(programme(primary))
			.text(form)
			.text(conditions(primary))
			.date(concluded.plusYears(reviewYears))
			.text(services.toString())
			.endRow();
		return halves;
	}

	/** The categories of the last conclusion written, the primary first. */
	private String[] categories(int primary) {
		return secondCategory == null ? new String[] { CATEGORIES[primary] }
				: new String[] { CATEGORIES[primary], secondCategory };
	}

	/**
	 * Sessions of the first term, about weekly per recommended specialist: September's
	 * from the region's stream (so the files are as before outcomes were added),
	 * October's from the outcomes' own, by the specialists September has. Answers the
	 * share of the term's recommended hours delivered (attended), or -1 when none are
	 * recommended.
	 */
	private double sessions(String iin, String[] specialists, int[] halves, int grade, String form) {
		boolean[] held = new boolean[halves.length];
		int recommendedHalves = 0;
		for (int s = 0; s < halves.length; s++) {
			held[s] = halves[s] > 0 && random.nextDouble() >= 0.15;
			recommendedHalves += halves[s];
			if (held[s]) {
				// not held at all otherwise: the school has no such specialist
				sessions(iin, specialists[s], halves[s], grade, form, septemberWeeks, random);
			}
		}
		long minutes = attendedMinutes;
		attendedMinutes = 0;
		for (int s = 0; s < halves.length; s++) {
			if (held[s]) {
				sessions(iin, specialists[s], halves[s], grade, form, octoberWeeks, outcomeDraws);
			}
		}
		minutes += attendedMinutes;
		attendedMinutes = 0;
		if (recommendedHalves == 0) {
			return -1;
		}
		return minutes / 60.0 / (recommendedHalves / 2.0 * TermOutcomes.schoolDays(year) / 5.0);
	}

	/** Minutes of the sessions written since last read, those attended only. */
	private long attendedMinutes;

	private void sessions(String iin, String specialist, int halves, int grade, String form, int[][] weeks,
			SplittableRandom draws) {
		int perWeek = halves >= 4 ? 2 : 1;
		for (int[] week : weeks) {
			int first = week.length <= perWeek ? 0 : draws.nextInt(week.length - perWeek + 1);
			for (int k = 0; k < perWeek && first + k < week.length; k++) {
				LocalDate held = LocalDate.ofEpochDay(week[first + k]);
				boolean attended = draws.nextDouble() < 0.9;
				int minutes = specialist.equals("TEACHER_ASSISTANT") || specialist.equals("TUTOR") ? 45
						: grade <= 4 ? 30 + 5 * draws.nextInt(2) : 40 + 5 * draws.nextInt(2);
				out.sessions.text(iin)
					.date(held)
					.text(specialist)
					.number(minutes)
					.bool(!form.equals("HOME_BASED") && draws.nextDouble() < 0.25)
					.bool(attended)
					.text(attended ? null : MISSED[pickFrom(draws, MISSED_WEIGHTS)])
					.endRow();
				if (attended) {
					attendedMinutes += minutes;
				}
			}
		}
	}

	// learners and children out of school

	private void learnersOutOfSchool() {
		long count = Math.round(learners * LEARNERS_OUT_OF_SCHOOL);
		for (long k = 0; k < count; k++) {
			Organisation near = plan.schools.get(random.nextInt(plan.schools.size()));
			String language = pupilLanguage(near);
			family.draw(origin(language), random);
			Sex sex = sex(0.6);
			boolean preschool = random.nextDouble() < 0.65;
			LocalDate birth = preschool ? birthAged(3, 6) : birthAged(7, 17);
			String iin = serials.next(birth, sex);
			String surname = family.surname(sex);
			String given = family.given(sex, random);
			String patronymic = family.patronymic(sex);
			int primary = drawCategory();
			boolean disabled = random.nextDouble() < (preschool ? DISABILITY[primary] * DISABILITY_SCALE : 0.75);
			learnerRow(iin, surname, given, patronymic, birth, sex, language, disabled, near.unit.code(), null);
			String form;
			double draw = random.nextDouble();
			if (preschool) {
				form = draw < 0.55 ? "INCLUSIVE_CLASS"
						: draw < 0.7 ? "SPECIAL_CLASS" : draw < 0.8 ? "SPECIAL_SCHOOL" : "HOME_BASED";
			}
			else {
				form = draw < 0.8 ? "HOME_BASED" : draw < 0.9 ? "SPECIAL_SCHOOL" : "DISTANCE";
			}
			LocalDate concluded = concludedOn(birth);
			conclusion(iin, plan.pmpcFor(near.unit), concluded, primary, form);
			functioning.learner(out.functioning, iin, birth, concluded, extractDate, categories(primary));
			learnersOutOfSchool++;
			if (disabled) {
				health
					.add(new HealthExtract.Child(iin, surname, given, patronymic, birth, sex, near.unit.code(), false));
				disabledOutOfSchool++;
			}
		}
	}

	/** Children with a disability whom the education registers do not know. */
	private void healthChildrenOutOfSchool(double inEnrolmentShare) {
		long target = Math.round(healthInEnrolment * (1 - inEnrolmentShare) / inEnrolmentShare);
		for (long k = disabledOutOfSchool; k < target; k++) {
			Organisation near = plan.schools.get(random.nextInt(plan.schools.size()));
			family.draw(origin(pupilLanguage(near)), random);
			Sex sex = sex(0.56);
			LocalDate birth = random.nextDouble() < 0.6 ? birthAged(0, 5) : birthAged(6, 17);
			String iin = serials.next(birth, sex);
			health.add(new HealthExtract.Child(iin, family.surname(sex), family.given(sex, random),
					family.patronymic(sex), birth, sex, near.unit.code(), false));
		}
	}

	// draws

	private String pupilLanguage(Organisation school) {
		String[] languages = school.languages;
		if (languages.length == 1) {
			return languages[0];
		}
		String last = languages[languages.length - 1];
		if (region.minority() != null && last.equals(region.minority()) && random.nextDouble() < 0.6) {
			return last;
		}
		if (school.teaches("KK") && school.teaches("RU")) {
			return random.nextDouble() < 0.55 ? "KK" : "RU";
		}
		return languages[0];
	}

	private Origin origin(String language) {
		double draw = random.nextDouble();
		return switch (language) {
			case "KK" -> draw < 0.985 ? Origin.KAZAKH : draw < 0.99 ? Origin.RUSSIAN : Origin.OTHER;
			case "RU" -> draw < region.russianNamesInRussianClasses() ? Origin.RUSSIAN
					: region.minority() != null && draw > 0.95 ? Origin.OTHER : Origin.KAZAKH;
			default -> draw < 0.95 ? Origin.OTHER : Origin.KAZAKH;
		};
	}

	/** The naming traditions of a school's staff, by its languages. */
	private Origin[] origins(Organisation school) {
		Origin[] origins = new Origin[school.languages.length];
		for (int i = 0; i < origins.length; i++) {
			origins[i] = origin(school.languages[i]);
		}
		return origins;
	}

	private int drawGrade() {
		double draw = random.nextDouble();
		for (int g = 0; g < gradeCumulative.length; g++) {
			if (draw < gradeCumulative[g]) {
				return g;
			}
		}
		return gradeCumulative.length - 1;
	}

	/** Born between 1 September and 31 August of the cohort; a few a year older. */
	private LocalDate birthDate(int grade) {
		LocalDate start = LocalDate.of(year - 6 - grade, 9, 1);
		LocalDate birth = start.plusDays(random.nextInt(365));
		if (grade >= 1 && grade <= 9 && random.nextDouble() < 0.03) {
			birth = birth.minusYears(1);
		}
		return birth;
	}

	/**
	 * A birth date for an age from {@code from} to {@code to} years on the extract date.
	 */
	private LocalDate birthAged(int from, int to) {
		LocalDate earliest = extractDate.minusYears(to + 1).plusDays(1);
		LocalDate latest = from == 0 ? lastBirth : extractDate.minusYears(from);
		long days = ChronoUnit.DAYS.between(earliest, latest);
		return earliest.plusDays(random.nextLong(days + 1));
	}

	private Sex sex(double male) {
		return random.nextDouble() < male ? Sex.MALE : Sex.FEMALE;
	}

	private int drawCategory() {
		return pick(CATEGORY_WEIGHTS);
	}

	private static int categoryIndex(String category) {
		for (int i = 0; i < CATEGORIES.length; i++) {
			if (CATEGORIES[i].equals(category)) {
				return i;
			}
		}
		throw new IllegalArgumentException(category);
	}

	private String recommendedForm() {
		double draw = random.nextDouble();
		return draw < 0.74 ? "INCLUSIVE_CLASS" : draw < 0.81 ? "SPECIAL_CLASS"
				: draw < 0.91 ? "HOME_BASED" : draw < 0.97 ? "SPECIAL_SCHOOL" : draw < 0.99 ? "DISTANCE" : "HOSPITAL";
	}

	/** The form the school provides: usually the recommended one, not always. */
	private String providedForm(Organisation school, String recommended) {
		if (school.isSpecialSchool()) {
			return recommended;
		}
		if (recommended.equals("SPECIAL_SCHOOL") || recommended.equals("HOSPITAL")) {
			return "INCLUSIVE_CLASS";
		}
		if (random.nextDouble() < 0.12) {
			return recommended.equals("INCLUSIVE_CLASS") ? "HOME_BASED" : "INCLUSIVE_CLASS";
		}
		return recommended;
	}

	/**
	 * Most conclusions are recent; the oldest three years back, after the second
	 * birthday.
	 */
	private LocalDate concludedOn(LocalDate birth) {
		double u = random.nextDouble();
		LocalDate concluded = lastBirth.minusDays((long) (1095 * u * u));
		LocalDate earliest = birth.plusYears(2);
		if (concluded.isBefore(earliest)) {
			long span = Math.max(0, ChronoUnit.DAYS.between(earliest, lastBirth));
			concluded = earliest.plusDays(random.nextLong(span + 1));
		}
		return concluded;
	}

	private int hoursInHalves(String specialist) {
		return switch (specialist) {
			case "TEACHER_ASSISTANT", "TUTOR" -> 4 + random.nextInt(5);
			case "SPECIAL_TEACHER" -> 2 + random.nextInt(5);
			case "SPEECH_THERAPIST" -> 2 + random.nextInt(3);
			default -> 1 + random.nextInt(3);
		};
	}

	private String programme(int primary) {
		return switch (CATEGORIES[primary]) {
			case "SPEECH" -> random.nextDouble() < 0.6 ? "GENERAL_ADAPTED" : "SPECIAL_SPEECH";
			case "DEVELOPMENTAL_DELAY" -> "SPECIAL_DEVELOPMENTAL_DELAY";
			case "INTELLECTUAL" ->
				random.nextDouble() < 0.75 ? "SPECIAL_INTELLECTUAL_MILD" : "SPECIAL_INTELLECTUAL_MODERATE";
			case "AUTISM" -> random.nextDouble() < 0.6 ? "GENERAL_ADAPTED" : "SPECIAL_INTELLECTUAL_MILD";
			case "MOTOR" -> random.nextDouble() < 0.5 ? "GENERAL_ADAPTED" : "SPECIAL_MOTOR";
			case "HEARING" -> "SPECIAL_HEARING";
			case "VISION" -> "SPECIAL_VISION";
			case "SOMATIC" -> "GENERAL";
			case "MULTIPLE" -> "SPECIAL_INTELLECTUAL_MODERATE";
			default -> "GENERAL_ADAPTED";
		};
	}

	private String conditions(int primary) {
		boolean[] chosen = new boolean[CONDITIONS.length];
		switch (CATEGORIES[primary]) {
			case "HEARING" -> {
				chosen[4] = random.nextDouble() < 0.6;
				chosen[0] = random.nextDouble() < 0.5;
			}
			case "VISION" -> {
				boolean braille = random.nextDouble() < 0.25;
				chosen[1] = braille;
				chosen[2] = !braille && random.nextDouble() < 0.8;
				chosen[3] = random.nextDouble() < 0.4;
				chosen[0] = random.nextDouble() < 0.4;
			}
			case "MOTOR" -> {
				chosen[6] = random.nextDouble() < 0.9;
				chosen[5] = random.nextDouble() < 0.4;
				chosen[0] = random.nextDouble() < 0.2;
			}
			case "MULTIPLE" -> {
				chosen[6] = random.nextDouble() < 0.5;
				chosen[5] = random.nextDouble() < 0.3;
			}
			case "AUTISM" -> chosen[0] = random.nextDouble() < 0.15;
			default -> chosen[5] = random.nextDouble() < 0.05;
		}
		StringBuilder list = new StringBuilder();
		for (int i = 0; i < CONDITIONS.length; i++) {
			if (chosen[i]) {
				list.append(list.isEmpty() ? "" : "|").append(CONDITIONS[i]);
			}
		}
		return list.toString();
	}

	private int pick(double[] weights) {
		return pickFrom(random, weights);
	}

	private static int pickFrom(SplittableRandom draws, double[] weights) {
		double draw = draws.nextDouble();
		for (int i = 0; i < weights.length; i++) {
			draw -= weights[i];
			if (draw < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private static double[] cumulative(double[] weights) {
		double sum = 0;
		for (double w : weights) {
			sum += w;
		}
		double[] cumulative = new double[weights.length];
		double running = 0;
		for (int i = 0; i < weights.length; i++) {
			running += weights[i];
			cumulative[i] = running / sum;
		}
		return cumulative;
	}

	/**
	 * Weekdays of September after the first day of school, grouped by week (epoch days).
	 */
	/** The school days of the month from the given day, week by week. */
	private static int[][] weeks(LocalDate from) {
		List<int[]> weeks = new ArrayList<>();
		List<Integer> week = new ArrayList<>();
		for (LocalDate day = from; day.getMonth() == from.getMonth(); day = day.plusDays(1)) {
			if (day.getDayOfWeek() == DayOfWeek.MONDAY && !week.isEmpty()) {
				weeks.add(week.stream().mapToInt(Integer::intValue).toArray());
				week.clear();
			}
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				week.add((int) day.toEpochDay());
			}
		}
		if (!week.isEmpty()) {
			weeks.add(week.stream().mapToInt(Integer::intValue).toArray());
		}
		weeks.removeIf(w -> w.length == 0);
		return weeks.toArray(int[][]::new);
	}

	/** A seed for the region from the run's seed, so regions are independent streams. */
	static long mix(long seed, String regionCode) {
		long z = seed * 0x9E3779B97F4A7C15L + regionCode.hashCode() * 0xC2B2AE3D27D4EB4FL;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
