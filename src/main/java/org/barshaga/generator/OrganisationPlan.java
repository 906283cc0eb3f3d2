package org.barshaga.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The organisations of one region: general schools from the calibration table spread over
 * the region's cities and districts by its rural share, with pupil numbers that add up to
 * the region's pupils; and the specialised organisations (special schools and
 * kindergartens, PMPC, correction rooms, autism, rehabilitation and resource centres) in
 * the national numbers of the calibration, shared out by pupils
 * ({@link SpecialisedKind}). Their names are {@link OrganisationNames}.
 */
final class OrganisationPlan {

	final List<Organisation> all = new ArrayList<>();

	/** Open general and special schools, in the order their pupils are written. */
	final List<Organisation> schools = new ArrayList<>();

	final List<Organisation> pmpcs = new ArrayList<>();

	private final RegionProfile region;

	private final List<AdminUnitsFile.Unit> places;

	private final SplittableRandom random;

	private final int schoolYear;

	private final Map<String, Integer> numbers = new HashMap<>();

	private final OrganisationNames names;

	OrganisationPlan(RegionProfile region, List<AdminUnitsFile.Unit> places, SplittableRandom random, int schoolYear) {
		this.region = region;
		this.places = places;
		this.random = random;
		this.schoolYear = schoolYear;
		this.names = new OrganisationNames(random);
		List<Organisation> general = generalSchools();
		int[] counts = SpecialisedKind.countsOf(region.code());
		List<Organisation> special = new ArrayList<>();
		for (SpecialisedKind kind : SpecialisedKind.values()) {
			for (int i = 0; i < counts[kind.ordinal()]; i++) {
				Organisation organisation = specialised(kind, i);
				(kind == SpecialisedKind.SPECIAL_SCHOOL ? special : all).add(organisation);
			}
		}
		sizes(general, special);
		for (Organisation school : general) {
			names.nameGeneralSchool(school);
		}
		all.addAll(0, general);
		all.addAll(general.size(), special);
		for (Organisation organisation : all) {
			if (organisation.type.equals(Organisation.PMPC)) {
				organisation.pmpcOrdinal = pmpcs.size() + 1;
				organisation.conclusionsByYear = new int[8];
				pmpcs.add(organisation);
			}
		}
		for (Organisation organisation : all) {
			if (organisation.isSchool() && organisation.isOpen()) {
				schools.add(organisation);
				organisation.pmpc = pmpcFor(organisation.unit);
			}
		}
	}

	/** The PMPC of the unit when there is one, otherwise one of the region's. */
	Organisation pmpcFor(AdminUnitsFile.Unit unit) {
		for (Organisation pmpc : pmpcs) {
			if (pmpc.unit == unit) {
				return pmpc;
			}
		}
		return pmpcs.get(Math.floorMod(unit.code().hashCode(), pmpcs.size()));
	}

	void write(CsvFile out) {
		for (Organisation o : all) {
			out.text(o.code)
				.text(o.type)
				.text(o.nameKk)
				.text(o.nameRu)
				.text(o.nameEn)
				.text(o.unit.code())
				.text(o.urban ? "URBAN" : "RURAL")
				.text(o.privatelyOwned ? "PRIVATE" : "STATE")
				.text(o.languageList())
				.text(o.isOpen() ? "OPEN" : "CLOSED")
				.date(o.closedOn);
			if (o.pupils >= 0) {
				out.number(o.pupils);
			}
			else {
				out.empty();
			}
			out.endRow();
		}
	}

	private List<Organisation> generalSchools() {
		List<AdminUnitsFile.Unit> cities = places.stream().filter(AdminUnitsFile.Unit::urban).toList();
		List<AdminUnitsFile.Unit> districts = places.stream().filter(u -> !u.urban()).toList();
		int rural = (int) Math.round(region.schools() * region.ruralShare());
		int urban = region.schools() - rural;
		int urbanInCities = districts.isEmpty() ? urban : cities.isEmpty() ? 0 : (int) Math.round(urban * 0.75);
		int ruralInCities = cities.isEmpty() ? 0 : districts.isEmpty() ? rural : (int) Math.round(rural * 0.05);
		double[] cityWeights = new double[cities.size()];
		for (int i = 0; i < cityWeights.length; i++) {
			boolean centre = i == 0 && cities.get(i).kind().equals("city");
			cityWeights[i] = (centre ? 4 : 1) * (0.7 + 0.6 * random.nextDouble());
		}
		double[] districtWeights = new double[districts.size()];
		for (int i = 0; i < districtWeights.length; i++) {
			districtWeights[i] = 0.6 + random.nextDouble();
		}
		int[] cityUrban = split(urbanInCities, cityWeights);
		int[] cityRural = split(ruralInCities, cityWeights);
		int[] districtUrban = split(urban - urbanInCities, districtWeights);
		int[] districtRural = split(rural - ruralInCities, districtWeights);
		List<Organisation> schools = new ArrayList<>();
		int c = 0;
		int d = 0;
		for (AdminUnitsFile.Unit place : places) {
			int urbanHere = place.urban() ? cityUrban[c] : districtUrban[d];
			int ruralHere = place.urban() ? cityRural[c++] : districtRural[d++];
			for (int i = 0; i < urbanHere + ruralHere; i++) {
				Organisation school = new Organisation(Organisation.GENERAL_SCHOOL, place);
				school.urban = i < urbanHere;
				number(school, 'G');
				school.privatelyOwned = random.nextDouble() < (school.urban ? 0.06 : 0.005);
				school.languages = schoolLanguages(school.urban);
				if (random.nextDouble() < 0.005) {
					school.closedOn = LocalDate.of(schoolYear - 1 - random.nextInt(5), 8, 31);
				}
				schools.add(school);
			}
		}
		return schools;
	}

	private String[] schoolLanguages(boolean urban) {
		double factor = urban ? 1.4 : 0.85;
		double draw = random.nextDouble();
		String[] base;
		if (draw < region.russianSchools() * factor) {
			base = new String[] { "RU" };
		}
		else if (draw < (region.russianSchools() + region.mixedSchools()) * factor) {
			base = new String[] { "KK", "RU" };
		}
		else {
			base = new String[] { "KK" };
		}
		if (region.minority() != null && random.nextDouble() < region.minorityShare()) {
			if (random.nextDouble() < 0.4) {
				return new String[] { region.minority() };
			}
			String[] with = new String[base.length + 1];
			System.arraycopy(base, 0, with, 0, base.length);
			with[base.length] = region.minority();
			return with;
		}
		return base;
	}

	private Organisation specialised(SpecialisedKind kind, int index) {
		AdminUnitsFile.Unit centre = places.get(0);
		for (AdminUnitsFile.Unit place : places) {
			if (place.urban()) {
				centre = place;
				break;
			}
		}
		AdminUnitsFile.Unit place;
		switch (kind) {
			case AUTISM_CENTRE, REHABILITATION_CENTRE, RESOURCE_CENTRE -> place = index == 0 ? centre : any();
			case PMPC -> place = index == 0 ? centre : any();
			case SPECIAL_SCHOOL, SPECIAL_KINDERGARTEN, COLLEGE -> place = random.nextDouble() < 0.6 ? centre : any();
			default -> place = any();
		}
		Organisation o = new Organisation(kind.name(), place);
		o.urban = place.urban() || random.nextDouble() < 0.4;
		o.privatelyOwned = kind == SpecialisedKind.KINDERGARTEN ? random.nextDouble() < 0.3
				: kind == SpecialisedKind.COLLEGE && random.nextDouble() < 0.35;
		o.languages = schoolLanguages(o.urban);
		number(o, kind.letter);
		// kindergartens are numbered within their town or district, the others within the
		// region
		int n = kind == SpecialisedKind.KINDERGARTEN ? o.number : index + 1;
		names.nameSpecialised(o, kind, n);
		return o;
	}

	/** Pupil numbers: special schools first, the rest over general schools by size. */
	private void sizes(List<Organisation> general, List<Organisation> special) {
		int specialPupils = 0;
		for (Organisation school : special) {
			school.pupils = 60 + random.nextInt(120) + random.nextInt(100);
			specialPupils += school.pupils;
		}
		double[] weights = new double[general.size()];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			Organisation school = general.get(i);
			if (school.isOpen()) {
				double spread = school.urban ? 0.45 : 0.7;
				weights[i] = (school.urban ? 4.0 : 1.0) * StrictMath.exp(spread * gaussian());
				sum += weights[i];
			}
		}
		int remaining = region.pupils() - specialPupils;
		for (int i = 0; i < weights.length; i++) {
			Organisation school = general.get(i);
			school.pupils = school.isOpen() ? Math.max(5, (int) Math.round(remaining * weights[i] / sum)) : 0;
		}
	}

	private void number(Organisation o, char letter) {
		String key = o.unit.code() + '-' + letter;
		int n = numbers.merge(key, 1, Integer::sum);
		o.number = n;
		StringBuilder code = new StringBuilder(key);
		String digits = Integer.toString(n);
		for (int i = digits.length(); i < 4; i++) {
			code.append('0');
		}
		o.code = code.append(digits).toString();
	}

	private AdminUnitsFile.Unit any() {
		return places.get(random.nextInt(places.size()));
	}

	private double gaussian() {
		double u = 1 - random.nextDouble();
		return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * random.nextDouble());
	}

	/** Splits a total by weights, rounding by the largest remainders. */
	static int[] split(int total, double[] weights) {
		int[] shares = new int[weights.length];
		if (weights.length == 0 || total <= 0) {
			return shares;
		}
		double sum = 0;
		for (double w : weights) {
			sum += w;
		}
		double[] remainders = new double[weights.length];
		int assigned = 0;
		for (int i = 0; i < weights.length; i++) {
			double exact = total * weights[i] / sum;
			shares[i] = (int) Math.floor(exact);
			remainders[i] = exact - shares[i];
			assigned += shares[i];
		}
		while (assigned < total) {
			int best = 0;
			for (int i = 1; i < weights.length; i++) {
				if (remainders[i] > remainders[best]) {
					best = i;
				}
			}
			shares[best]++;
			remainders[best] = -1;
			assigned++;
		}
		return shares;
	}

}
