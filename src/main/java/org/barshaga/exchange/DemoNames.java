package org.barshaga.exchange;

import java.util.Locale;

import org.barshaga.kernel.Sex;

/**
 * The names of the demo's children: Kazakh, Russian and Uzbek surnames, given names and
 * fathers' names, and how the registers spell them (Kazakh letters folded, Latin script).
 */
final class DemoNames {

	/** A naming tradition. */
	enum Origin {

		KAZAKH, RUSSIAN, UZBEK

	}

	private static final String[] KK_SURNAMES = words("""
			Ахметов Серікбаев Омаров Жұмабаев Сүлейменов Оспанов Искаков Абдрахманов Қасымов Исаев Ермеков
			Мұхаметов Нұрланов Әбілов Байжанов Тұрсынов Сейітов Бекмұратов Төлеуов Рахымов Әлімов Жақсылықов
			Сағындықов Есенов Мусин Ибраев Кенжебаев Нұрпейісов Құдайбергенов Жанзақов Темірбеков Аманов
			Бейсенов Тоқтаров Сәрсенбаев Ержанов Қалиев Байқадамов Тәжібаев Жолдасбеков Нұрмағамбетов Шәкенов
			Садықов Құрманов Мамыров Жүнісов Бақытжанов Есімов Жұмағұлов Қожахметов Мұратов Мақсұтов Сәрсенов
			Айтбаев Ақылбеков Алпысбаев Әміров Асанов Әшімов Баймұханов Бекетов Бердібеков Бисенов Дәулетов
			Дүйсенов Ерғалиев Есжанов Жапаров Жексенбаев Жүсіпов Ілиясов Кәрімов Кемелов Қабдолов Қадыров
			Қайыпов Қанатов Қараев Қасенов Мажитов Мамбетов Молдабеков Мырзахметов Наурызбаев Нұржанов
			Оразбаев Өмірзақов Рысқұлов Сабитов Сапаров Сейдахметов Смағұлов Сұлтанов Сыздықов Тасболатов
			Төлегенов Ұзақов Үсенов Хамитов Шалабаев Ысқақов Әбенов Серіков Сейітов Жұмабаев""");

	private static final String[] KK_MALE = words("""
			Нұрсұлтан Алихан Ерасыл Айбек Нұрислам Әлинұр Диас Арсен Ернұр Бекзат Санжар Темірлан Мирас Абылай
			Ислам Ерлан Нұрлан Асқар Айдар Арман Азамат Дамир Ержан Жандос Қайрат Мақсат Мейіржан Нұрдәулет
			Нұрбол Олжас Рамазан Рустам Саят Талғат Тимур Ұлан Әділет Әлішер Бауыржан Бекжан Берік Дәурен
			Дінмұхамед Ерғали Еркебұлан Ерназар Жәнібек Ильяс Қуаныш Мағжан Медет Мұхаммед Нұрәли Нұрасыл
			Руслан Самат Сұлтан Тәуекел Шыңғыс Ақжол Алдияр Әмір Бексұлтан Бейбарыс Дастан Ернар Жігер Қанат""");

	private static final String[] KK_FEMALE = words("""
			Айзере Аружан Томирис Інжу Медина Айша Жансая Әйгерім Дана Камила Аяжан Нұрай Сабина Ақбота Амина
			Айым Айлин Аделя Асылым Ақерке Айгерім Айгүл Айдана Айжан Айназ Айнұр Айсұлу Ақмарал Ақнұр Алтынай
			Алия Анар Арайлым Асель Әсел Балауса Баян Гүлназ Гүлнұр Дариға Дария Динара Дильназ Еркежан Жазира
			Жания Жаннұр Жұлдыз Зарина Зере Зейнеп Іңкәр Қарақат Қымбат Ләйлә Мадина Мақпал Меруерт Мөлдір
			Назерке Назым Нұрсұлу Сәуле Сымбат Тоғжан Толқын Ұлжан Ұлпан Фариза Шынар Шолпан Әлия Айкөркем""");

	private static final String[] KK_FATHERS = words("""
			Серік Ерлан Нұрлан Болат Қайрат Асқар Марат Бауыржан Дәурен Ержан Талғат Ғалым Ерболат Мұрат Жандос
			Асхат Бақыт Берік Ербол Жанат Арман Азамат Айдос Алмас Бекжан Бағдат Дархан Данияр Ерғали Ерік
			Жасұлан Жомарт Қайсар Қанат Қуаныш Мақсат Мейрам Мұхтар Нұрболат Нұржан Олжас Самат Саят Сәкен
			Сержан Тимур Төлеген Ұлан Шыңғыс Әділ Әлібек Бейбіт Дәулет Елдос Есен Жақсылық Жарас Жеңіс Қасым""");

	private static final String[] RU_SURNAMES = words("""
			Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков
			Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Ким Шевченко Бондаренко Орлов
			Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев
			Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Ковалёв
			Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Пак Цой Ли Коваленко
			Ткаченко Кравченко Шмидт Миллер Мельник Литвиненко Савченко Нам Тен Югай""");

	private static final String[] RU_MALE = words("""
			Александр Максим Артём Михаил Даниил Иван Дмитрий Кирилл Андрей Егор Никита Илья Алексей Матвей
			Тимофей Роман Владимир Ярослав Фёдор Георгий Константин Лев Николай Степан Владислав Павел Арсений
			Денис Тимур Глеб Марк Евгений Богдан Вадим Виктор Давид Захар Игорь Леонид Макар Мирон Олег
			Платон Семён Сергей Станислав Антон Артур Борис Василий Виталий""");

	private static final String[] RU_FEMALE = words("""
			София Анна Мария Виктория Алиса Полина Дарья Анастасия Екатерина Ксения Варвара Вероника
			Александра Арина Елизавета Ева Милана Кира Ульяна Василиса Таисия Валерия Маргарита Алёна Алина
			Татьяна Ольга Юлия Елена Ирина Светлана Марина Кристина Диана Яна Есения Злата Мирослава
			Стефания Агата Аделина Ангелина Вера Евгения Карина Камилла Надежда Эвелина Эмилия""");

	/**
	 * Fathers' names with the stems of their patronymics: Сергей, Сергеевич, Сергеевна.
	 */
	private static final String[] RU_FATHER_STEMS = words("""
			Александров Сергеев Андреев Владимиров Николаев Олегов Игорев Викторов Юрьев Евгеньев Дмитриев
			Алексеев Михайлов Павлов Петров Иванов Анатольев Валерьев Геннадьев Васильев Константинов Романов
			Максимов Денисов Витальев Леонидов Борисов Григорьев Степанов Фёдоров Вадимов Антонов""");

	private static final String[] UZ_SURNAMES = words("""
			Юсупов Каримов Рахимов Турсунов Юлдашев Эргашев Мирзаев Исмаилов Усманов Абдуллаев Хасанов Алимов
			Азимов Султанов Расулов Холматов Нуриддинов Шарипов Хакимов Ибрагимов Умаров Салиев Ахмедов
			Ниязов Файзиев Насыров Закиров Хамраев Абдурахманов""");

	private static final String[] UZ_MALE = words("""
			Шохрух Бехруз Жасур Азиз Бобур Фаррух Дилшод Улугбек Сардор Жахонгир Абдулла Акбар Анвар Бахтиёр
			Рустам Шерзод Отабек Ислом Мухаммадали Умид Зафар Жавлон Мирзо Санжар""");

	private static final String[] UZ_FEMALE = words("""
			Дилноза Гулноза Мадина Севара Нилуфар Шахзода Зарина Малика Мохира Дилфуза Феруза Гульчехра Нодира
			Ширин Мунира Юлдуз Дильбар Гузаль Зульфия Нигора Камола Лобар Хилола Замира""");

	private static final String[] UZ_FATHER_STEMS = words("""
			Каримов Рахимов Юсупов Абдуллаев Ахмедов Иброхимов Умаров Алишеров Хасанов Муратов Рашидов
			Баходиров Равшанов Азамов Акмалов Анваров Тахиров Шавкатов Фарходов""");

	private static final String FOLD_FROM = "әғқңөұүіһӘҒҚҢӨҰҮІҺ";

	private static final String FOLD_TO = "агкноууихАГКНОУУИХ";

	private static final String LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүіһ";

	private static final String[] PASSPORT = { "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m",
			"n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia", "a",
			"g", "k", "n", "o", "u", "u", "i", "h" };

	private static final String[] LATIN_2021 = { "a", "b", "v", "g", "d", "e", "io", "j", "z", "i", "i", "k", "l", "m",
			"n", "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "ş", "şş", "", "y", "", "e", "iu", "ia", "ä", "ğ",
			"q", "ñ", "ö", "ū", "ü", "ı", "h" };

	private DemoNames() {
	}

	static String[] givenNames(Origin origin, Sex sex) {
		return switch (origin) {
			case KAZAKH -> sex == Sex.MALE ? KK_MALE : KK_FEMALE;
			case RUSSIAN -> sex == Sex.MALE ? RU_MALE : RU_FEMALE;
			case UZBEK -> sex == Sex.MALE ? UZ_MALE : UZ_FEMALE;
		};
	}

	static String[] fathers(Origin origin) {
		return switch (origin) {
			case KAZAKH -> KK_FATHERS;
			case RUSSIAN -> RU_FATHER_STEMS;
			case UZBEK -> UZ_FATHER_STEMS;
		};
	}

	static String[] surnames(Origin origin) {
		return switch (origin) {
			case KAZAKH -> KK_SURNAMES;
			case RUSSIAN -> RU_SURNAMES;
			case UZBEK -> UZ_SURNAMES;
		};
	}

	/** The feminine form of a masculine surname for a girl: Ахметов, Ахметова. */
	static String surnameFor(String masculine, Sex sex) {
		if (sex == Sex.FEMALE && (masculine.endsWith("ов") || masculine.endsWith("ев") || masculine.endsWith("ёв")
				|| masculine.endsWith("ин"))) {
			return masculine + "а";
		}
		return masculine;
	}

	static String masculine(String surname, Sex sex) {
		return sex == Sex.FEMALE && surname.endsWith("а") && surname.length() > 3
				&& "вн".indexOf(surname.charAt(surname.length() - 2)) >= 0 ? surname.substring(0, surname.length() - 1)
						: surname;
	}

	/**
	 * The patronymic from the father's name: Kazakh Серікұлы, Серікқызы; Russian and
	 * Uzbek from the stem, Сергеевич, Сергеевна.
	 */
	static String patronymic(String father, Sex sex, Origin origin) {
		if (origin == Origin.KAZAKH) {
			return father + (sex == Sex.MALE ? "ұлы" : "қызы");
		}
		return father + (sex == Sex.MALE ? "ич" : "на");
	}

	/** The father's name (Kazakh) or stem (Russian, Uzbek) back from a patronymic. */
	static String fatherOf(String patronymic) {
		if (patronymic == null) {
			return "Серік";
		}
		for (String ending : new String[] { "ұлы", "қызы", "ич", "на" }) {
			if (patronymic.endsWith(ending)) {
				return patronymic.substring(0, patronymic.length() - ending.length());
			}
		}
		return patronymic;
	}

	/**
	 * Kazakh letters replaced by the Russian letters that stand for them in Russian
	 * texts.
	 */
	static String fold(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			int at = FOLD_FROM.indexOf(text.charAt(i));
			out.append(at >= 0 ? FOLD_TO.charAt(at) : text.charAt(i));
		}
		return out.toString();
	}

	/**
	 * Latin script in the passport style (ж zh, ш sh, қ k, х kh) or the 2021 Kazakh
	 * alphabet (ж j, ш ş, қ q, ә ä), in capitals as some passports have it.
	 */
	static String latin(String text, boolean passport, boolean capitals) {
		if (text == null) {
			return null;
		}
		String[] table = passport ? PASSPORT : LATIN_2021;
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			char lower = Character.toLowerCase(c);
			int at = LETTERS.indexOf(lower);
			if (at < 0) {
				out.append(c);
				continue;
			}
			String mapped = table[at];
			if (c != lower && !mapped.isEmpty()) {
				if (!passport && (lower == 'и' || lower == 'й')) {
					out.append('İ').append(mapped, 1, mapped.length());
				}
				else {
					out.append(Character.toUpperCase(mapped.charAt(0))).append(mapped, 1, mapped.length());
				}
			}
			else {
				out.append(mapped);
			}
		}
		String latin = out.toString();
		return capitals ? latin.toUpperCase(Locale.ROOT) : latin;
	}

	private static String[] words(String text) {
		return text.trim().split("\\s+");
	}

}
