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
 * the national numbers of the calibration, shared out by pupils.
 */
final class OrganisationPlan {

	/** Types other than general schools, their code letter and national number. */
	private enum Kind {

		SPECIAL_SCHOOL('S', 99, 1), SPECIAL_KINDERGARTEN('N', 48, 0), KINDERGARTEN('K', 400, 1), COLLEGE('C', 230, 1),
		PMPC('P', 126, 1), KPPK('T', 238, 1), AUTISM_CENTRE('A', 12, 0), REHABILITATION_CENTRE('H', 14, 0),
		RESOURCE_CENTRE('R', 22, 1);

		final char letter;

		final int national;

		final int minimum;

		Kind(char letter, int national, int minimum) {
			this.letter = letter;
			this.national = national;
			this.minimum = minimum;
		}

	}

	/** Special-school profiles: the SEN category index and the words of the name. */
	private static final String[][] SPECIAL_PROFILES = {
			{ "INTELLECTUAL", "зияты зақымдалған балаларға арналған", "для детей с нарушением интеллекта",
					"for children with intellectual disabilities" },
			{ "HEARING", "есту қабілеті бұзылған балаларға арналған", "для детей с нарушением слуха",
					"for children with hearing impairments" },
			{ "VISION", "көру қабілеті бұзылған балаларға арналған", "для детей с нарушением зрения",
					"for children with visual impairments" },
			{ "SPEECH", "сөйлеу тілі бұзылған балаларға арналған", "для детей с тяжёлыми нарушениями речи",
					"for children with severe speech disorders" },
			{ "MOTOR", "тірек-қимыл аппараты бұзылған балаларға арналған",
					"для детей с нарушениями опорно-двигательного аппарата", "for children with motor impairments" },
			{ "DEVELOPMENTAL_DELAY", "психикалық дамуы тежелген балаларға арналған",
					"для детей с задержкой психического развития", "for children with developmental delay" } };

	private static final double[] SPECIAL_PROFILE_WEIGHTS = { 0.45, 0.12, 0.10, 0.13, 0.08, 0.12 };

	private static final String[][] VILLAGES = { { "Ақсу", "Аксу", "Aksu" }, { "Жаңаталап", "Жанаталап", "Zhanatalap" },
			{ "Қызылжар", "Кызылжар", "Kyzylzhar" }, { "Бірлік", "Бирлик", "Birlik" }, { "Береке", "Береке", "Bereke" },
			{ "Достық", "Достык", "Dostyk" }, { "Жаңаауыл", "Жанаауыл", "Zhanaauyl" },
			{ "Көктерек", "Коктерек", "Kokterek" }, { "Ынтымақ", "Ынтымак", "Yntymak" }, { "Тасты", "Тасты", "Tasty" },
			{ "Қарабұлақ", "Карабулак", "Karabulak" }, { "Сарыбұлақ", "Сарыбулак", "Sarybulak" },
			{ "Алмалы", "Алмалы", "Almaly" }, { "Жібек жолы", "Жибек жолы", "Zhibek Zholy" },
			{ "Шұбарсу", "Шубарсу", "Shubarsu" }, { "Талдыбұлақ", "Талдыбулак", "Taldybulak" },
			{ "Көкжиде", "Кокжиде", "Kokzhide" }, { "Ақжар", "Акжар", "Akzhar" }, { "Қаракөл", "Караколь", "Karakol" },
			{ "Жаңатұрмыс", "Жанатурмыс", "Zhanaturmys" }, { "Еңбек", "Енбек", "Enbek" },
			{ "Бескөл", "Бесколь", "Beskol" }, { "Арықбалық", "Арыкбалык", "Arykbalyk" },
			{ "Жамбыл", "Жамбыл", "Zhambyl" }, { "Майбалық", "Майбалык", "Maibalyk" },
			{ "Таскешу", "Таскешу", "Taskeshu" }, { "Қосқұдық", "Коскудук", "Koskuduk" },
			{ "Шолаққорған", "Шолаккорган", "Sholakkorgan" }, { "Қарасу", "Карасу", "Karasu" },
			{ "Тоғызкент", "Тогызкент", "Togyzkent" }, { "Көксай", "Коксай", "Koksai" }, { "Абай", "Абай", "Abai" },
			{ "Ақтоған", "Актоган", "Aktogan" }, { "Қызылқайың", "Кызылкайын", "Kyzylkaiyn" },
			{ "Жаңажол", "Жанажол", "Zhanazhol" }, { "Қайнар", "Кайнар", "Kainar" }, { "Шиелі", "Шиели", "Shieli" },
			{ "Қаражар", "Каражар", "Karazhar" }, { "Сарыкөл", "Сарыколь", "Sarykol" },
			{ "Талапты", "Талапты", "Talapty" }, { "Ұзынбұлақ", "Узынбулак", "Uzynbulak" },
			{ "Ақбұлақ", "Акбулак", "Akbulak" }, { "Есіл", "Есиль", "Esil" }, { "Қоғалы", "Когалы", "Kogaly" },
			{ "Теректі", "Теректи", "Terekti" }, { "Жетіген", "Жетыген", "Zhetigen" } };

	private static final String[][] NAMESAKES = { { "Абай", "Абая", "Abai" },
			{ "Ы. Алтынсарин", "И. Алтынсарина", "Y. Altynsarin" }, { "М. Әуезов", "М. Ауэзова", "M. Auezov" },
			{ "Ш. Уәлиханов", "Ш. Уалиханова", "Sh. Ualikhanov" }, { "Ж. Баласағұн", "Ж. Баласагуна", "Zh. Balasagun" },
			{ "Қ. Сәтбаев", "К. Сатпаева", "K. Satpayev" }, { "М. Жұмабаев", "М. Жумабаева", "M. Zhumabayev" },
			{ "Төле би", "Толе би", "Tole Bi" }, { "А. Байтұрсынұлы", "А. Байтурсынулы", "A. Baitursynuly" },
			{ "Ғ. Мүсірепов", "Г. Мусрепова", "G. Musrepov" }, { "Жамбыл", "Жамбыла", "Zhambyl" },
			{ "Б. Момышұлы", "Б. Момышулы", "B. Momyshuly" }, { "Ә. Молдағұлова", "А. Молдагуловой", "A. Moldagulova" },
			{ "М. Мақатаев", "М. Макатаева", "M. Makatayev" } };

	private static final String[] PRIVATE_NAMES = { "Зерде", "Болашақ", "Дарын", "Ақниет", "Өркен", "Білім-Инновация",
			"Мирас", "Сапа", "Шабыт", "Парасат" };

	private static final Map<String, int[]> ALLOCATION = allocate();

	final List<Organisation> all = new ArrayList<>();

	/** Open general and special schools, in the order their pupils are written. */
	final List<Organisation> schools = new ArrayList<>();

	final List<Organisation> pmpcs = new ArrayList<>();

	private final RegionProfile region;

	private final List<AdminUnitsFile.Unit> places;

	private final SplittableRandom random;

	private final int schoolYear;

	private final Map<String, Integer> numbers = new HashMap<>();

	OrganisationPlan(RegionProfile region, List<AdminUnitsFile.Unit> places, SplittableRandom random, int schoolYear) {
		this.region = region;
		this.places = places;
		this.random = random;
		this.schoolYear = schoolYear;
		List<Organisation> general = generalSchools();
		int[] counts = ALLOCATION.get(region.code());
		List<Organisation> special = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			for (int i = 0; i < counts[kind.ordinal()]; i++) {
				Organisation organisation = specialised(kind, i);
				(kind == Kind.SPECIAL_SCHOOL ? special : all).add(organisation);
			}
		}
		sizes(general, special);
		for (Organisation school : general) {
			nameGeneralSchool(school);
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

	private Organisation specialised(Kind kind, int index) {
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
		o.privatelyOwned = kind == Kind.KINDERGARTEN ? random.nextDouble() < 0.3
				: kind == Kind.COLLEGE && random.nextDouble() < 0.35;
		o.languages = schoolLanguages(o.urban);
		number(o, kind.letter);
		// kindergartens are numbered within their town or district, the others within the
		// region
		int n = kind == Kind.KINDERGARTEN ? o.number : index + 1;
		switch (kind) {
			case SPECIAL_SCHOOL -> {
				o.profile = pickProfile();
				String[] p = SPECIAL_PROFILES[o.profile];
				o.name("№ " + n + " " + p[1] + " арнайы мектеп-интернат",
						"Специальная школа-интернат № " + n + " " + p[2],
						"Special boarding school No. " + n + " " + p[3]);
				o.urban = true;
			}
			case SPECIAL_KINDERGARTEN -> o.name("№ " + n + " арнайы балабақша", "Специальный детский сад № " + n,
					"Special kindergarten No. " + n);
			case KINDERGARTEN -> {
				if (!o.urban) {
					String[] v = village();
					o.name(v[0] + " ауылының № " + n + " балабақшасы", "Детский сад № " + n + " села " + v[1],
							"Kindergarten No. " + n + ", " + v[2] + " village");
				}
				else {
					o.name("№ " + n + " балабақша", "Детский сад № " + n, "Kindergarten No. " + n);
				}
			}
			case COLLEGE -> o.name("№ " + n + " жоғары колледж", "Высший колледж № " + n, "Higher college No. " + n);
			case PMPC -> o.name("№ " + n + " психологиялық-медициналық-педагогикалық консультация",
					"Психолого-медико-педагогическая консультация № " + n,
					"Psychological-medical-pedagogical consultation No. " + n);
			case KPPK -> o.name("№ " + n + " психологиялық-педагогикалық түзету кабинеті",
					"Кабинет психолого-педагогической коррекции № " + n,
					"Psychological-pedagogical correction room No. " + n);
			case AUTISM_CENTRE -> o.name("Аутизм спектрі бұзылған балаларға арналған өңірлік орталық",
					"Региональный центр для детей с расстройствами аутистического спектра",
					"Regional centre for children with autism spectrum disorders");
			case REHABILITATION_CENTRE -> o.name("Балаларды оңалту орталығы", "Реабилитационный центр для детей",
					"Children's rehabilitation centre");
			default -> o.name("Инклюзивті білім беруді қолдау ресурстық орталығы",
					"Ресурсный центр поддержки инклюзивного образования", "Resource centre for inclusive education");
		}
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

	private void nameGeneralSchool(Organisation school) {
		int n = school.number;
		if (school.privatelyOwned) {
			String name = PRIVATE_NAMES[random.nextInt(PRIVATE_NAMES.length)];
			school.name("\"" + name + "\" жеке мектебі", "Частная школа \"" + name + "\"",
					"\"" + Romanisation.passport(name) + "\" private school");
		}
		else if (!school.urban) {
			String[] v = village();
			if (school.pupils < 60) {
				school.name(v[0] + " ауылының № " + n + " шағын жинақты мектебі",
						"Малокомплектная школа № " + n + " села " + v[1],
						"Small rural school No. " + n + ", " + v[2] + " village");
			}
			else {
				school.name(v[0] + " ауылының № " + n + " жалпы білім беретін мектебі",
						"Общеобразовательная школа № " + n + " села " + v[1],
						"General school No. " + n + ", " + v[2] + " village");
			}
		}
		else {
			double draw = random.nextDouble();
			if (draw < 0.15) {
				String[] p = NAMESAKES[random.nextInt(NAMESAKES.length)];
				school.name(p[0] + " атындағы № " + n + " мектеп-гимназия", "Школа-гимназия № " + n + " имени " + p[1],
						"School-gymnasium No. " + n + " named after " + p[2]);
			}
			else if (draw < 0.25) {
				school.name("№ " + n + " мектеп-лицей", "Школа-лицей № " + n, "School-lyceum No. " + n);
			}
			else {
				school.name("№ " + n + " жалпы білім беретін мектеп", "Общеобразовательная школа № " + n,
						"General school No. " + n);
			}
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

	private int pickProfile() {
		double draw = random.nextDouble();
		for (int i = 0; i < SPECIAL_PROFILE_WEIGHTS.length; i++) {
			draw -= SPECIAL_PROFILE_WEIGHTS[i];
			if (draw < 0) {
				return i;
			}
		}
		return 0;
	}

	/** The SEN category a special school is for. */
	static String profileCategory(int profile) {
		return SPECIAL_PROFILES[profile][0];
	}

	private AdminUnitsFile.Unit any() {
		return places.get(random.nextInt(places.size()));
	}

	private String[] village() {
		return VILLAGES[random.nextInt(VILLAGES.length)];
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

	/** The national numbers of each kind shared out over the regions by pupils. */
	private static Map<String, int[]> allocate() {
		List<RegionProfile> regions = RegionProfile.ALL;
		double[] weights = regions.stream().mapToDouble(RegionProfile::pupils).toArray();
		Map<String, int[]> counts = new HashMap<>();
		for (RegionProfile region : regions) {
			counts.put(region.code(), new int[Kind.values().length]);
		}
		for (Kind kind : Kind.values()) {
			int[] shares = split(kind.national - kind.minimum * regions.size(), weights);
			for (int i = 0; i < regions.size(); i++) {
				counts.get(regions.get(i).code())[kind.ordinal()] = kind.minimum + shares[i];
			}
		}
		return counts;
	}

}
