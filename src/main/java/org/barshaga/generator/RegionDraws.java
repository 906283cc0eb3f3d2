package org.barshaga.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.barshaga.generator.Names.Origin;
import org.barshaga.kernel.Sex;

/**
 * The draws of a region's people from the region's stream: language, naming tradition,
 * grade, birth date, sex and form of education. They live apart from the writing of rows
 * so that the order of the draws, which the byte-identical output depends on, stays
 * visible call by call in {@link RegionGenerator}.
 */
final class RegionDraws {

	/**
	 * Pupils per grade 0-11, relative: the younger cohorts are larger, fewer stay after
	 * 9.
	 */
	private static final double[] GRADE_WEIGHTS = { 1.05, 1.1, 1.1, 1.08, 1.06, 1.04, 1.02, 1.0, 0.98, 0.95, 0.6,
			0.55 };

	private final RegionProfile region;

	private final SplittableRandom random;

	private final int year;

	/** The census date of the extracts: 1 October of the school year. */
	private final LocalDate extractDate;

	private final LocalDate lastBirth;

	private final double[] gradeCumulative;

	RegionDraws(RegionProfile region, SplittableRandom random, int schoolYear) {
		this.region = region;
		this.random = random;
		this.year = schoolYear;
		this.extractDate = LocalDate.of(schoolYear, 10, 1);
		this.lastBirth = LocalDate.of(schoolYear, 8, 31);
		this.gradeCumulative = cumulative(GRADE_WEIGHTS);
	}

	String pupilLanguage(Organisation school) {
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

	Origin origin(String language) {
		double draw = random.nextDouble();
		return switch (language) {
			case "KK" -> draw < 0.985 ? Origin.KAZAKH : draw < 0.99 ? Origin.RUSSIAN : Origin.OTHER;
			case "RU" -> draw < region.russianNamesInRussianClasses() ? Origin.RUSSIAN
					: region.minority() != null && draw > 0.95 ? Origin.OTHER : Origin.KAZAKH;
			default -> draw < 0.95 ? Origin.OTHER : Origin.KAZAKH;
		};
	}

	/** The naming traditions of a school's staff, by its languages. */
	Origin[] origins(Organisation school) {
		Origin[] origins = new Origin[school.languages.length];
		for (int i = 0; i < origins.length; i++) {
			origins[i] = origin(school.languages[i]);
		}
		return origins;
	}

	int grade() {
		double draw = random.nextDouble();
		for (int g = 0; g < gradeCumulative.length; g++) {
			if (draw < gradeCumulative[g]) {
				return g;
			}
		}
		return gradeCumulative.length - 1;
	}

	/** Born between 1 September and 31 August of the cohort; a few a year older. */
	LocalDate birthDate(int grade) {
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
	LocalDate birthAged(int from, int to) {
		LocalDate earliest = extractDate.minusYears(to + 1).plusDays(1);
		LocalDate latest = from == 0 ? lastBirth : extractDate.minusYears(from);
		long days = ChronoUnit.DAYS.between(earliest, latest);
		return earliest.plusDays(random.nextLong(days + 1));
	}

	Sex sex(double male) {
		return random.nextDouble() < male ? Sex.MALE : Sex.FEMALE;
	}

	String recommendedForm() {
		double draw = random.nextDouble();
		return draw < 0.74 ? "INCLUSIVE_CLASS" : draw < 0.81 ? "SPECIAL_CLASS"
				: draw < 0.91 ? "HOME_BASED" : draw < 0.97 ? "SPECIAL_SCHOOL" : draw < 0.99 ? "DISTANCE" : "HOSPITAL";
	}

	/** The form the school provides: usually the recommended one, not always. */
	String providedForm(Organisation school, String recommended) {
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
	LocalDate concludedOn(LocalDate birth) {
		double u = random.nextDouble();
		LocalDate concluded = lastBirth.minusDays((long) (1095 * u * u));
		LocalDate earliest = birth.plusYears(2);
		if (concluded.isBefore(earliest)) {
			long span = Math.max(0, ChronoUnit.DAYS.between(earliest, lastBirth));
			concluded = earliest.plusDays(random.nextLong(span + 1));
		}
		return concluded;
	}

	/** An index drawn by the weights, which sum to 1. */
	static int pick(SplittableRandom draws, double[] weights) {
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

}
