package org.barshaga.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.barshaga.generator.Names.Family;
import org.barshaga.kernel.Sex;

/**
 * Writes one region: its organisations, then school by school the pupils of the enrolment
 * extract with the learners with SEN among them (conclusion, enrolment, the sessions of
 * September), staff, training and the conditions survey; then the learners not in any
 * school, and last the region's health-registry extract, shuffled, and the
 * social-protection register's extract. Who is drawn how ({@link RegionDraws}), the
 * conclusions ({@link PmpcConclusions}), the enrolment rows
 * ({@link LearnerEnrolmentRows}) and the sessions ({@link FirstTermSessions}) live in
 * classes of their own; this one keeps the order in which they draw from the region's
 * stream, on which the byte-identical output depends.
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

	/**
	 * Chance of a disability by category, scaled so that about 35% of learners have one.
	 */
	private static final double[] DISABILITY = { 0.08, 0.15, 0.55, 0.7, 0.75, 0.7, 0.65, 0.15, 0.5, 0.9 };

	private static final double DISABILITY_SCALE = 0.94;

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

	private final RegionDraws draws;

	private final PmpcConclusions conclusions;

	private final FirstTermSessions sessions;

	private final LearnerEnrolmentRows enrolments;

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

	private final TermOutcomes outcomes;

	private final YearEnd yearEnd;

	private final GradeOneStart gradeOne;

	/** The last learner written if in the pre-school class, for their grade 1. */
	private GradeOneStart.Preschool lastPreschool;

	/**
	 * The primary category and the share of hours delivered of the last learner written.
	 */
	private int lastCategory;

	private double lastDelivered;

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
		this.draws = new RegionDraws(region, random, schoolYear);
		this.conclusions = new PmpcConclusions(out.conclusions, random, region.code(), schoolYear);
		this.enrolments = new LearnerEnrolmentRows(out.learnerEnrolments, random, draws, schoolYear);
		this.staffing = new Staffing(out, random, serials, schoolYear);
		this.surveys = new Surveys(out, random, region, schoolYear);
		// functioning and plans draw from their own stream, so the other files do not
		// depend on them
		SplittableRandom support = new SplittableRandom(mix(seed, region.code()) ^ 0x5EC0_F00D_CAFE_BEEFL);
		this.functioning = new FunctioningAnswers(support);
		this.plans = new Plans(support, schoolYear, extractDate);
		this.benefitDraws = new SplittableRandom(mix(seed, region.code()) ^ 0xBE4E_F175_0C1A_1001L);
		this.secondDraws = new SplittableRandom(mix(seed, region.code()) ^ 0x5ECD_4EC0_4D05_0002L);
		// the stream of the first term's outcomes and of October's sessions
		SplittableRandom outcomeDraws = new SplittableRandom(mix(seed, region.code()) ^ 0x0C7C_03E5_7E12_0003L);
		this.outcomes = new TermOutcomes(out, outcomeDraws, schoolYear);
		this.sessions = new FirstTermSessions(out.sessions, random, outcomeDraws, schoolYear);
		this.yearEnd = new YearEnd(out, new SplittableRandom(mix(seed, region.code()) ^ 0x4EE7_7EA2_0E4D_0004L),
				schoolYear);
		this.gradeOne = new GradeOneStart(out, new SplittableRandom(mix(seed, region.code()) ^ 0x6E1D_0FE5_C400_0005L),
				region.code(), schoolYear);
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
			staffing.school(school, draws.origins(school));
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
			String language = draws.pupilLanguage(school);
			family.draw(draws.origin(language), random);
			int grade = draws.grade();
			LocalDate birth = draws.birthDate(grade);
			Sex sex = draws.sex(0.515);
			String given = family.given(sex, random);
			pupil(school, language, grade, parallels, birth, sex, given, senRate);
			i++;
			if (twins) {
				Sex twinSex = draws.sex(0.515);
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
			int nextGrade = yearEnd.pupil(school.code, iin, surname, given, patronymic, birth, sex, grade, language,
					learner ? lastCategory : -1, learner ? lastDelivered : 0);
			if (learner && grade == 0 && nextGrade == 1) {
				gradeOne.learner(lastPreschool);
			}
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
				? PmpcConclusions.categoryIndex(OrganisationNames.profileCategory(school.profile))
				: conclusions.drawCategory();
		boolean disabled = random.nextDouble() < DISABILITY[primary] * DISABILITY_SCALE;
		learnerRow(iin, surname, given, patronymic, birth, sex, language, disabled, school.unit.code(), school.code);
		learners++;
		String form = school.isSpecialSchool() ? (random.nextDouble() < 0.95 ? "SPECIAL_SCHOOL" : "HOME_BASED")
				: draws.recommendedForm();
		LocalDate concluded = draws.concludedOn(birth);
		int[] hours = conclusions.write(iin, school.pmpc, concluded, primary, form);
		String[] categories = conclusions.categories(primary);
		functioning.learner(out.functioning, iin, birth, concluded, extractDate, categories);
		plans.learner(out, iin, language, PmpcConclusions.specialists(primary), hours, categories);
		LearnerEnrolmentRows.Enrolled enrolled = enrolments.write(school, plan.schools, iin, language, grade, parallels,
				concluded, form);
		lastPreschool = grade == 0
				? new GradeOneStart.Preschool(iin, school, school.pmpc, form, enrolled, conclusions.last()) : null;
		lastCategory = primary;
		lastDelivered = sessions.learner(iin, PmpcConclusions.specialists(primary), hours, grade, enrolled.form());
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

	// learners and children out of school

	private void learnersOutOfSchool() {
		long count = Math.round(learners * LEARNERS_OUT_OF_SCHOOL);
		for (long k = 0; k < count; k++) {
			Organisation near = plan.schools.get(random.nextInt(plan.schools.size()));
			String language = draws.pupilLanguage(near);
			family.draw(draws.origin(language), random);
			Sex sex = draws.sex(0.6);
			boolean preschool = random.nextDouble() < 0.65;
			LocalDate birth = preschool ? draws.birthAged(3, 6) : draws.birthAged(7, 17);
			String iin = serials.next(birth, sex);
			String surname = family.surname(sex);
			String given = family.given(sex, random);
			String patronymic = family.patronymic(sex);
			int primary = conclusions.drawCategory();
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
			LocalDate concluded = draws.concludedOn(birth);
			conclusions.write(iin, plan.pmpcFor(near.unit), concluded, primary, form);
			functioning.learner(out.functioning, iin, birth, concluded, extractDate, conclusions.categories(primary));
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
			family.draw(draws.origin(draws.pupilLanguage(near)), random);
			Sex sex = draws.sex(0.56);
			LocalDate birth = random.nextDouble() < 0.6 ? draws.birthAged(0, 5) : draws.birthAged(6, 17);
			String iin = serials.next(birth, sex);
			health.add(new HealthExtract.Child(iin, family.surname(sex), family.given(sex, random),
					family.patronymic(sex), birth, sex, near.unit.code(), false));
		}
	}

	/** A seed for the region from the run's seed, so regions are independent streams. */
	static long mix(long seed, String regionCode) {
		long z = seed * 0x9E3779B97F4A7C15L + regionCode.hashCode() * 0xC2B2AE3D27D4EB4FL;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
