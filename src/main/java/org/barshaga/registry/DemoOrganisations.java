package org.barshaga.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.barshaga.kernel.LocalizedName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty embedded database with the organisations of three regions (Turkistan,
 * Almaty city, North Kazakhstan), generated deterministically from the published counts:
 * schools per region and their rural share, and the national numbers of specialised
 * organisations scaled to the region. Names follow the patterns schools really use in
 * Kazakh, Russian and English.
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(10)
class DemoOrganisations implements ApplicationRunner {

	/** The Saryagash school that the demo school coordinator is bound to. */
	static final String DEMO_SCHOOL_CODE = "KZ-61-D08-S001";

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);

	private static final String BY = "demo-data";

	private record RegionProfile(String code, int schools, double ruralShare, int specialSchools,
			int specialKindergartens, int pmpc, int kppk, int colleges, Set<InstructionLanguage> mainLanguages,
			InstructionLanguage minority, double minorityShare, double privateShare) {
	}

	private static final List<RegionProfile> REGIONS = List.of(
			new RegionProfile("KZ-61", 1000, 0.85, 13, 6, 16, 31, 60, EnumSet.of(InstructionLanguage.KK),
					InstructionLanguage.UZ, 0.08, 0.04),
			new RegionProfile("KZ-75", 280, 0.0, 5, 3, 8, 10, 80,
					EnumSet.of(InstructionLanguage.KK, InstructionLanguage.RU), InstructionLanguage.UG, 0.03, 0.15),
			new RegionProfile("KZ-59", 450, 0.90, 6, 3, 7, 14, 25, EnumSet.of(InstructionLanguage.RU),
					InstructionLanguage.KK, 0.35, 0.02));

	private static final String[][] VILLAGES = { { "Ақсу", "Аксу", "Aksu" }, { "Жаңаталап", "Жанаталап", "Zhanatalap" },
			{ "Қызылжар", "Кызылжар", "Kyzylzhar" }, { "Бірлік", "Бирлик", "Birlik" }, { "Береке", "Береке", "Bereke" },
			{ "Достық", "Достык", "Dostyk" }, { "Жаңаауыл", "Жанаауыл", "Zhanaauyl" },
			{ "Көктерек", "Коктерек", "Kokterek" }, { "Ынтымақ", "Ынтымак", "Yntymak" }, { "Тасты", "Тасты", "Tasty" },
			{ "Қарабұлақ", "Карабулак", "Karabulak" }, { "Сарыбұлақ", "Сарыбулак", "Sarybulak" },
			{ "Алмалы", "Алмалы", "Almaly" }, { "Жібек жолы", "Жибек жолы", "Zhibek Zholy" },
			{ "Шұбарсу", "Шубарсу", "Shubarsu" }, { "Талдыбұлақ", "Талдыбулак", "Taldybulak" },
			{ "Көкжиде", "Кокжиде", "Kokzhide" }, { "Ақжар", "Акжар", "Akzhar" }, { "Қаракөл", "Караколь", "Karakol" },
			{ "Жаңатұрмыс", "Жанатурмыс", "Zhanaturmys" }, { "Еңбек", "Енбек", "Enbek" },
			{ "Ақтөбе", "Актобе", "Aktobe" }, { "Тельман", "Тельман", "Telman" },
			{ "Новоишимка", "Новоишимка", "Novoishimka" }, { "Бескөл", "Бесколь", "Beskol" },
			{ "Арықбалық", "Арыкбалык", "Arykbalyk" }, { "Жамбыл", "Жамбыл", "Zhambyl" },
			{ "Майбалық", "Майбалык", "Maibalyk" }, { "Таскешу", "Таскешу", "Taskeshu" },
			{ "Қосқұдық", "Коскудук", "Koskuduk" } };

	private static final String[][] NAMESAKES = { { "Абай", "Абая", "Abai" },
			{ "Ы. Алтынсарин", "И. Алтынсарина", "Y. Altynsarin" }, { "М. Әуезов", "М. Ауэзова", "M. Auezov" },
			{ "Ш. Уәлиханов", "Ш. Уалиханова", "Sh. Ualikhanov" }, { "Ж. Баласағұн", "Ж. Баласагуна", "Zh. Balasagun" },
			{ "Қ. Сәтбаев", "К. Сатпаева", "K. Satpayev" }, { "М. Жұмабаев", "М. Жумабаева", "M. Zhumabayev" },
			{ "Төле би", "Толе би", "Tole Bi" }, { "А. Байтұрсынұлы", "А. Байтурсынулы", "A. Baitursynuly" },
			{ "Ғ. Мүсірепов", "Г. Мусрепова", "G. Musrepov" } };

	private final OrgUnitRepository units;

	private final OrganisationRepository organisations;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoOrganisations(OrgUnitRepository units, OrganisationRepository organisations, JdbcClient jdbc, Clock clock) {
		this.units = units;
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		if (jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single() > 0) {
			return;
		}
		List<Organisation> all = generateAll();
		organisations.insertAll(all, BY, Instant.now(clock));
		// Pupil numbers in the usual ranges of the type and settlement, deterministic by
		// id.
		jdbc.sql("""
				UPDATE organisation SET pupils = CASE
					WHEN type = 'GENERAL_SCHOOL' AND settlement = 'URBAN' THEN 500 + MOD(id * 7919, 1200)
					WHEN type = 'GENERAL_SCHOOL' THEN 40 + MOD(id * 7919, 360)
					WHEN type = 'SPECIAL_SCHOOL' THEN 80 + MOD(id * 7919, 220)
					WHEN type IN ('KINDERGARTEN', 'SPECIAL_KINDERGARTEN') THEN 60 + MOD(id * 7919, 240)
					WHEN type = 'COLLEGE' THEN 300 + MOD(id * 7919, 900)
					ELSE NULL END""").update();
		log.info("Demo data: {} organisations in {} regions", all.size(), REGIONS.size());
	}

	List<Organisation> generateAll() {
		List<Organisation> all = new ArrayList<>();
		for (RegionProfile region : REGIONS) {
			all.addAll(generate(region));
		}
		return all;
	}

	private List<Organisation> generate(RegionProfile region) {
		SplittableRandom random = new SplittableRandom(region.code().hashCode());
		List<OrgUnit> places = units.children(region.code()).stream().filter(u -> !u.isClosed()).toList();
		List<OrgUnit> cities = places.stream().filter(u -> u.kind() != OrgUnitKind.DISTRICT).toList();
		List<OrgUnit> districts = places.stream().filter(u -> u.kind() == OrgUnitKind.DISTRICT).toList();
		int rural = (int) Math.round(region.schools() * region.ruralShare());
		int urban = region.schools() - rural;
		// Urban schools: most in the cities, the rest in district centres.
		int urbanInCities = districts.isEmpty() ? urban : (int) Math.round(urban * 0.7);
		int[] citySchools = split(urbanInCities, cities.size(), random);
		int[] districtUrban = split(urban - urbanInCities, districts.size(), random);
		int[] districtRural = split(rural, districts.size(), random);
		List<Organisation> result = new ArrayList<>();
		for (int i = 0; i < cities.size(); i++) {
			result.addAll(schoolsOf(cities.get(i), region, citySchools[i], 0, random));
		}
		for (int i = 0; i < districts.size(); i++) {
			result.addAll(schoolsOf(districts.get(i), region, districtUrban[i], districtRural[i], random));
		}
		specialised(region, places, random, result);
		return result;
	}

	/** Splits a total into uneven shares, as real districts are uneven. */
	private static int[] split(int total, int parts, SplittableRandom random) {
		int[] shares = new int[parts];
		if (parts == 0) {
			return shares;
		}
		double[] weights = new double[parts];
		double sum = 0;
		for (int i = 0; i < parts; i++) {
			weights[i] = 0.5 + random.nextDouble() * 1.5;
			sum += weights[i];
		}
		int assigned = 0;
		for (int i = 0; i < parts; i++) {
			shares[i] = (int) Math.floor(total * weights[i] / sum);
			assigned += shares[i];
		}
		for (int i = 0; assigned < total; i = (i + 1) % parts, assigned++) {
			shares[i]++;
		}
		return shares;
	}

	private List<Organisation> schoolsOf(OrgUnit unit, RegionProfile region, int urban, int rural,
			SplittableRandom random) {
		List<Organisation> schools = new ArrayList<>();
		int number = 1;
		for (int i = 0; i < urban + rural; i++, number++) {
			Settlement settlement = i < urban ? Settlement.URBAN : Settlement.RURAL;
			LocalizedName name = settlement == Settlement.URBAN ? urbanSchoolName(number, random)
					: ruralSchoolName(number, random);
			schools.add(organisation(unit, "S" + three(number), OrganisationType.GENERAL_SCHOOL, name, settlement,
					region, random));
			if (random.nextDouble() < 0.6) {
				schools.add(organisation(unit, "K" + three(number), OrganisationType.KINDERGARTEN,
						kindergartenName(number, settlement, random), settlement, region, random));
			}
		}
		return schools;
	}

	private void specialised(RegionProfile region, List<OrgUnit> places, SplittableRandom random,
			List<Organisation> result) {
		OrgUnit centre = places.get(0);
		addSeries(result, region, places, random, OrganisationType.SPECIAL_SCHOOL, "SP", region.specialSchools(),
				n -> new LocalizedName("№ " + n + " арнайы мектеп-интернат", "Специальная школа-интернат № " + n,
						"Special Boarding School No. " + n));
		addSeries(result, region, places, random, OrganisationType.SPECIAL_KINDERGARTEN, "SK",
				region.specialKindergartens(), n -> new LocalizedName("№ " + n + " арнайы балабақша",
						"Специальный детский сад № " + n, "Special Kindergarten No. " + n));
		addSeries(result, region, places, random, OrganisationType.PMPC, "PM", region.pmpc(),
				n -> new LocalizedName("№ " + n + " психологиялық-медициналық-педагогикалық консультация",
						"Психолого-медико-педагогическая консультация № " + n,
						"Psychological-Medical-Pedagogical Consultation No. " + n));
		addSeries(result, region, places, random, OrganisationType.KPPK, "PP", region.kppk(),
				n -> new LocalizedName("№ " + n + " психологиялық-педагогикалық түзету кабинеті",
						"Кабинет психолого-педагогической коррекции № " + n,
						"Psychological-Pedagogical Correction Room No. " + n));
		addSeries(result, region, places, random, OrganisationType.COLLEGE, "C", region.colleges(),
				n -> new LocalizedName("№ " + n + " колледж", "Колледж № " + n, "College No. " + n));
		Settlement urban = Settlement.URBAN;
		result.add(organisation(centre, "AC1", OrganisationType.AUTISM_CENTRE,
				new LocalizedName("Аутизм спектрі бұзылған балаларға арналған өңірлік орталық",
						"Региональный центр для детей с расстройствами аутистического спектра",
						"Regional Centre for Children with Autism Spectrum Disorders"),
				urban, region, random));
		result.add(organisation(
				centre, "RH1", OrganisationType.REHABILITATION_CENTRE, new LocalizedName("Балаларды оңалту орталығы",
						"Реабилитационный центр для детей", "Children's Rehabilitation Centre"),
				urban, region, random));
		result.add(organisation(centre, "RC1", OrganisationType.RESOURCE_CENTRE,
				new LocalizedName("Инклюзивті білім беруді қолдау өңірлік ресурстық орталығы",
						"Региональный ресурсный центр поддержки инклюзивного образования",
						"Regional Resource Centre for Inclusive Education"),
				urban, region, random));
	}

	private void addSeries(List<Organisation> result, RegionProfile region, List<OrgUnit> places,
			SplittableRandom random, OrganisationType type, String prefix, int count,
			java.util.function.IntFunction<LocalizedName> name) {
		for (int n = 1; n <= count; n++) {
			OrgUnit place = n == 1 ? places.get(0) : places.get(random.nextInt(places.size()));
			Settlement settlement = place.kind() == OrgUnitKind.DISTRICT && random.nextDouble() < 0.5 ? Settlement.RURAL
					: Settlement.URBAN;
			result.add(organisation(place, prefix + three(n), type, name.apply(n), settlement, region, random));
		}
	}

	private Organisation organisation(OrgUnit unit, String suffix, OrganisationType type, LocalizedName name,
			Settlement settlement, RegionProfile region, SplittableRandom random) {
		String code = unit.code() + "-" + suffix;
		Set<InstructionLanguage> languages = EnumSet.copyOf(region.mainLanguages());
		if (random.nextDouble() < region.minorityShare()) {
			languages.add(region.minority());
		}
		Ownership ownership = type == OrganisationType.GENERAL_SCHOOL || type == OrganisationType.KINDERGARTEN
				? (random.nextDouble() < region.privateShare() ? Ownership.PRIVATE : Ownership.STATE) : Ownership.STATE;
		return new Organisation(0, code, type, name, unit.code(), unit.path() + code + "/", settlement, ownership,
				languages, OrganisationStatus.OPEN, null, null, null, 0);
	}

	private static LocalizedName urbanSchoolName(int number, SplittableRandom random) {
		if (random.nextDouble() < 0.2) {
			String[] person = NAMESAKES[random.nextInt(NAMESAKES.length)];
			return new LocalizedName(person[0] + " атындағы № " + number + " мектеп-гимназия",
					"Школа-гимназия № " + number + " имени " + person[1],
					"School-Gymnasium No. " + number + " named after " + person[2]);
		}
		return new LocalizedName("№ " + number + " жалпы білім беретін мектеп", "Общеобразовательная школа № " + number,
				"Secondary School No. " + number);
	}

	private static LocalizedName ruralSchoolName(int number, SplittableRandom random) {
		String[] village = VILLAGES[random.nextInt(VILLAGES.length)];
		if (random.nextDouble() < 0.15) {
			return new LocalizedName(village[0] + " шағын жинақты мектебі (№ " + number + ")",
					"Малокомплектная школа «" + village[1] + "» (№ " + number + ")",
					village[2] + " Small Rural School (No. " + number + ")");
		}
		return new LocalizedName(village[0] + " жалпы білім беретін мектебі (№ " + number + ")",
				"Общеобразовательная школа «" + village[1] + "» (№ " + number + ")",
				village[2] + " Secondary School (No. " + number + ")");
	}

	private static LocalizedName kindergartenName(int number, Settlement settlement, SplittableRandom random) {
		if (settlement == Settlement.RURAL) {
			String[] village = VILLAGES[random.nextInt(VILLAGES.length)];
			return new LocalizedName(village[0] + " ауылының балабақшасы (№ " + number + ")",
					"Детский сад села " + village[1] + " (№ " + number + ")",
					village[2] + " Village Kindergarten (No. " + number + ")");
		}
		return new LocalizedName("№ " + number + " балабақша", "Детский сад № " + number, "Kindergarten No. " + number);
	}

	private static String three(int number) {
		return String.format("%03d", number);
	}

}
