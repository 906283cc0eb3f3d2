package org.barshaga.generator;

import java.util.SplittableRandom;

/**
 * The names of a region's organisations in Kazakh, Russian and English: general schools
 * by their village, namesake or private name, specialised organisations by their kind and
 * number, special schools by the profile drawn for them. Apart from
 * {@link OrganisationPlan} because the words are data and the plan is about numbers; they
 * draw from the region's stream at the same points as before.
 */
final class OrganisationNames {

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

	private final SplittableRandom random;

	OrganisationNames(SplittableRandom random) {
		this.random = random;
	}

	/**
	 * Names a specialised organisation numbered {@code n}; a special school gets its
	 * profile here, since its name tells it.
	 */
	void nameSpecialised(Organisation o, SpecialisedKind kind, int n) {
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
	}

	void nameGeneralSchool(Organisation school) {
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

	private String[] village() {
		return VILLAGES[random.nextInt(VILLAGES.length)];
	}

}
