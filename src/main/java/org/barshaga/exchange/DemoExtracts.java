package org.barshaga.exchange;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.barshaga.kernel.BulkRows;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.Sex;
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
 * The two extracts that reconciliation links, for the current school year and two demo
 * districts, Saryagash (KZ-61-D08) and Alatau of Almaty city (KZ-75-R01):
 * <ul>
 * <li>the enrolment extract of every open school there: each demo learner enrolled in it
 * and other pupils up to the school's number of pupils (at most {@value #SCHOOL_CAP} a
 * school, so that every first start and every test run stays quick);</li>
 * <li>the health registry's children with a disability living there: the demo learners
 * with a disability, pupils whom the learner register does not know (about one record in
 * five), children of school age in no school (about one in twelve) and some under 6, with
 * the registry's usual errors (IIN missing or mistyped, names in Latin script or with the
 * Kazakh letters folded, patronymic missing, names swapped, day and month of birth
 * swapped) and a few hard cases: twins at a school, one of them disabled; a disabled twin
 * in no school whose brother is at school; and records with more errors than usual, whose
 * links are left for review.</li>
 * </ul>
 * A mistyped IIN is never a valid one here, so a health record whose IIN passes the check
 * carries the child's true IIN. Everything is deterministic for a given day. The rows go
 * straight into the tables: the import is the path for real files. In a new school year
 * the demo's health records are replaced, with new ids, so that no reviewer's decision on
 * last year's records applies to them.
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(50)
class DemoExtracts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoExtracts.class);

	static final String BY = "demo-data";

	/**
	 * The demo district of Turkistan Region, and a city district of Almaty with demo
	 * schools.
	 */
	static final List<String> DISTRICTS = List.of("KZ-61-D08", "KZ-75-R01");

	static final String RECORD_PREFIX = "DEMO-H";

	static final int SCHOOL_CAP = 800;

	static final int TOTAL_CAP = 30_000;

	private static final long SEED = 61_0875L;

	/** Shares of the health records, after the demo learners with a disability. */
	private static final double LEARNER_SHARE = 0.72, OTHER_PUPIL_SHARE = 0.20, OUT_OF_SCHOOL_SHARE = 0.08,
			UNDER_SIX_SHARE = 0.03;

	private static final double IIN_MISSING = 0.05, IIN_MISTYPED = 0.03, SURNAME_TYPO = 0.03, FOLDED = 0.15,
			LATIN = 0.10, NAMES_SWAPPED = 0.03, PATRONYMIC_MISSING = 0.20, DAY_MONTH_SWAPPED = 0.01;

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

	/** Letters confused with one another in handwriting and typing. */
	private static final String[] CONFUSED = { "аоә", "еиэ", "ыіи", "ұүу", "қк", "ғг", "ңн", "өо", "шщ", "сз", "тд",
			"бп", "вф" };

	private static final String FOLD_FROM = "әғқңөұүіһӘҒҚҢӨҰҮІҺ";

	private static final String FOLD_TO = "агкноууихАГКНОУУИХ";

	private static final String LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүіһ";

	private static final String[] PASSPORT = { "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m",
			"n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia", "a",
			"g", "k", "n", "o", "u", "u", "i", "h" };

	private static final String[] LATIN_2021 = { "a", "b", "v", "g", "d", "e", "io", "j", "z", "i", "i", "k", "l", "m",
			"n", "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "ş", "şş", "", "y", "", "e", "iu", "ia", "ä", "ğ",
			"q", "ñ", "ö", "ū", "ü", "ı", "h" };

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DemoExtracts(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record School(long id, String unit, int pupils, String[] languages) {

		boolean teaches(String language) {
			return List.of(languages).contains(language);
		}

	}

	private enum Origin {

		KAZAKH, RUSSIAN, UZBEK

	}

	/** A child as the registers should know it. */
	private record Child(String iin, String surname, String given, String patronymic, LocalDate birth, Sex sex) {
	}

	/** A demo learner enrolled in one of the schools. */
	private record Enrolled(Child child, String language, String disability) {
	}

	/** Who a health record's child is in the education registers. */
	private enum Kind {

		LEARNER, PUPIL, OUT_OF_SCHOOL, UNDER_SIX

	}

	/**
	 * A child the health registry holds, with the errors of the record when they are set.
	 */
	private record HealthChild(Child child, Kind kind, String district, String group, Received forced) {
	}

	/** A health record as received. */
	private static final class Received {

		String iin;

		String surname;

		String given;

		String patronymic;

		LocalDate birth;

		Received(Child child) {
			iin = child.iin();
			surname = child.surname();
			given = child.given();
			patronymic = child.patronymic();
			birth = child.birth();
		}

	}

	/** What was written, for the log. */
	record Counts(int schools, int pupils, int healthRecords, int fromLearners, int otherPupils, int outOfSchool,
			int underSix) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		long started = System.nanoTime();
		int year = SchoolYear.of(LocalDate.now(clock)).startYear();
		Long present = jdbc.queryForObject("""
				SELECT COUNT(*) FROM enrolment_extract e JOIN organisation o ON o.id = e.organisation_id
				WHERE e.school_year = ? AND o.org_unit_code = ?""", Long.class, year, DISTRICTS.get(0));
		if (present != null && present > 0) {
			return;
		}
		Counts counts = new Generation(year).write();
		log.info(
				"Demo data: enrolment extract of {} pupils in {} schools and {} health-registry records ({} demo learners,"
						+ " {} other pupils, {} of school age in no school, {} under 6) of {} for {}-{}, in {} ms",
				counts.pupils(), counts.schools(), counts.healthRecords(), counts.fromLearners(), counts.otherPupils(),
				counts.outOfSchool(), counts.underSix(), String.join(" and ", DISTRICTS), year, year + 1,
				(System.nanoTime() - started) / 1_000_000);
	}

	/** One seeding of both extracts. */
	private final class Generation {

		final int year;

		final LocalDate today = LocalDate.now(clock);

		/** The census day of the extracts. */
		final LocalDate census;

		final SplittableRandom random = new SplittableRandom(SEED);

		final Set<String> iins = new HashSet<>();

		/**
		 * Full names with the birth date, kept apart so that no two children are
		 * namesakes.
		 */
		final Set<String> names = new HashSet<>();

		final BulkRows rows = new BulkRows(jdbc, 5_000);

		final Instant now = Instant.now(clock);

		int pupils;

		Generation(int year) {
			this.year = year;
			this.census = LocalDate.of(year, 10, 1);
		}

		Counts write() {
			// the registry's extract is of today: the demo's records of an earlier school
			// year give way
			jdbc.update("DELETE FROM health_registry_record WHERE updated_by = ? AND record_id LIKE ?", BY,
					RECORD_PREFIX + "%");
			iins.addAll(jdbc.queryForList("SELECT iin FROM learner WHERE iin IS NOT NULL", String.class));
			iins.addAll(jdbc.queryForList("SELECT TRIM(iin) FROM enrolment_extract WHERE school_year = ?", String.class,
					year));
			iins.addAll(
					jdbc.queryForList("SELECT iin FROM health_registry_record WHERE iin IS NOT NULL", String.class));
			Map<String, String> districtPaths = new HashMap<>();
			Map<String, String> regions = new HashMap<>();
			for (String district : DISTRICTS) {
				jdbc.query("SELECT path, parent_code FROM org_unit WHERE code = ?", rs -> {
					districtPaths.put(district, rs.getString(1));
					regions.put(district, rs.getString(2));
				}, district);
			}
			List<School> schools = jdbc.query("""
					SELECT id, org_unit_code, pupils, languages FROM organisation
					WHERE org_unit_code IN (?, ?) AND type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL') AND status = 'OPEN'
					ORDER BY id""",
					(rs, n) -> new School(rs.getLong(1), rs.getString(2), rs.getInt(3),
							rs.getString(4) == null ? new String[] { "KK" } : rs.getString(4).split(",")),
					DISTRICTS.get(0), DISTRICTS.get(1));
			Map<Long, List<Enrolled>> learners = new LinkedHashMap<>();
			Set<Long> seen = new HashSet<>();
			jdbc.query(
					"""
							SELECT l.id, l.iin, l.surname, l.given_name, l.patronymic, l.birth_date, l.sex, l.language,
								l.disability, e.organisation_id
							FROM learner l JOIN enrolment e ON e.learner_id = l.id JOIN organisation o ON o.id = e.organisation_id
							WHERE e.ended_on IS NULL AND l.iin IS NOT NULL AND o.org_unit_code IN (?, ?)
							ORDER BY l.id, e.id""",
					rs -> {
						if (seen.add(rs.getLong(1))) {
							learners.computeIfAbsent(rs.getLong(10), k -> new ArrayList<>())
								.add(new Enrolled(new Child(rs.getString(2).trim(), rs.getString(3), rs.getString(4),
										rs.getString(5), rs.getObject(6, LocalDate.class),
										Sex.valueOf(rs.getString(7))), rs.getString(8), rs.getString(9)));
						}
					}, DISTRICTS.get(0), DISTRICTS.get(1));
			learners.values().forEach(list -> list.forEach(learner -> names.add(nameKey(learner.child()))));

			Map<String, List<HealthChild>> known = new LinkedHashMap<>();
			Map<String, List<Child>> others = new LinkedHashMap<>();
			Map<String, Integer> schoolsOf = new HashMap<>();
			for (String district : DISTRICTS) {
				known.put(district, new ArrayList<>());
				others.put(district, new ArrayList<>());
			}
			for (School school : schools) {
				int ordinal = schoolsOf.merge(school.unit(), 1, Integer::sum);
				List<Enrolled> enrolled = learners.getOrDefault(school.id(), List.of());
				int target = Math.max(enrolled.size(),
						Math.min(Math.min(school.pupils(), SCHOOL_CAP), TOTAL_CAP - pupils));
				for (Enrolled learner : enrolled) {
					Child child = learner.child();
					String language = learner.language();
					int age = (int) ChronoUnit.YEARS.between(child.birth(), LocalDate.of(year, 9, 1));
					pupil(child, school,
							language == null || !school.teaches(language) ? school.languages()[0] : language,
							Math.max(1, Math.min(11, age - 5)));
					String disability = learner.disability();
					if (disability != null && !disability.equals("NONE")) {
						known.get(school.unit())
							.add(new HealthChild(child, Kind.LEARNER, school.unit(), disability, null));
					}
				}
				int count = enrolled.size();
				if (ordinal == 2 || ordinal == 3) {
					count += twins(school, ordinal, known.get(school.unit()));
				}
				else if (ordinal == 4) {
					count += forReview(school, known.get(school.unit()));
				}
				for (; count < target; count++) {
					Origin origin = origin(school);
					String language = language(school, origin);
					int grade = grade();
					Sex sex = random.nextDouble() < 0.51 ? Sex.MALE : Sex.FEMALE;
					Child child = child(origin, sex, birthIn(grade));
					pupil(child, school, language, grade);
					others.get(school.unit()).add(child);
				}
			}

			List<HealthChild> health = new ArrayList<>();
			for (String district : DISTRICTS) {
				List<HealthChild> records = known.get(district);
				int total = (int) Math.round(count(records, Kind.LEARNER) / LEARNER_SHARE);
				Origin[] origins = district.startsWith("KZ-75") ? new Origin[] { Origin.KAZAKH, Origin.RUSSIAN }
						: new Origin[] { Origin.KAZAKH, Origin.UZBEK };
				int otherTarget = (int) Math.round(total * OTHER_PUPIL_SHARE);
				List<Child> pool = others.get(district);
				int taken = count(records, Kind.PUPIL);
				for (int i = 0; i < pool.size() && taken < otherTarget; i++) {
					// each pupil is drawn with the share still needed of those left
					if (random.nextInt(pool.size() - i) < otherTarget - taken) {
						records.add(new HealthChild(pool.get(i), Kind.PUPIL, district, group(pool.get(i)), null));
						taken++;
					}
				}
				int outTarget = Math.max(3, (int) Math.round(total * OUT_OF_SCHOOL_SHARE));
				while (count(records, Kind.OUT_OF_SCHOOL) < outTarget) {
					Origin origin = random.nextDouble() < 0.7 ? origins[0] : origins[1];
					Sex sex = random.nextDouble() < 0.56 ? Sex.MALE : Sex.FEMALE;
					Child child = child(origin, sex, birthAged(6, 17));
					records.add(new HealthChild(child, Kind.OUT_OF_SCHOOL, district, group(child), null));
				}
				int youngTarget = Math.max(2, (int) Math.round(total * UNDER_SIX_SHARE));
				for (int i = 0; i < youngTarget; i++) {
					Sex sex = random.nextDouble() < 0.56 ? Sex.MALE : Sex.FEMALE;
					Child child = child(origins[random.nextDouble() < 0.7 ? 0 : 1], sex, birthAged(0, 5));
					records.add(new HealthChild(child, Kind.UNDER_SIX, district, group(child), null));
				}
				health.addAll(records);
			}
			// the registry's order says nothing about the children
			for (int i = health.size() - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				HealthChild t = health.get(i);
				health.set(i, health.get(j));
				health.set(j, t);
			}
			int number = 0;
			for (HealthChild h : health) {
				healthRecord(String.format(Locale.ROOT, "%s%d-%05d", RECORD_PREFIX, year, ++number), h,
						regions.get(h.district()), districtPaths.get(h.district()));
			}
			rows.close();
			return new Counts(schools.size(), pupils, health.size(), count(health, Kind.LEARNER),
					count(health, Kind.PUPIL), count(health, Kind.OUT_OF_SCHOOL), count(health, Kind.UNDER_SIX));
		}

		private static int count(List<HealthChild> records, Kind kind) {
			return (int) records.stream().filter(h -> h.kind() == kind).count();
		}

		/**
		 * Twins at the second and third school of each district: same surname,
		 * patronymic, birth date and school, adjacent IIN serials as they are often
		 * given, one of them disabled. At the third school, the disabled twin is in no
		 * school (taught at home) and only the brother is a pupil; they were registered
		 * apart, so their IINs are not neighbours.
		 * @return the pupils added
		 */
		private int twins(School school, int ordinal, List<HealthChild> cases) {
			boolean almaty = school.unit().startsWith("KZ-75");
			Origin origin = almaty && ordinal == 3 ? Origin.RUSSIAN : Origin.KAZAKH;
			int grade = 2 + random.nextInt(8);
			LocalDate birth = birthIn(grade);
			if (ordinal == 2) {
				Sex first = almaty ? Sex.FEMALE : Sex.MALE;
				Sex second = almaty ? Sex.FEMALE : random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
				Child[] pair = pair(origin, first, second, birth, true);
				pupil(pair[0], school, school.languages()[0], grade);
				pupil(pair[1], school, school.languages()[0], grade);
				// the disabled twin's record has no IIN: only the given name tells them
				// apart
				Received received = new Received(pair[0]);
				received.iin = null;
				if (almaty) {
					received.surname = latin(received.surname, true, false);
					received.given = latin(received.given, true, false);
					received.patronymic = null;
				}
				cases.add(new HealthChild(pair[0], Kind.PUPIL, school.unit(), "CHILD_WITH_DISABILITY", received));
				// and a pair whose disabled twin's record has the IIN and the usual
				// errors
				int otherGrade = 2 + random.nextInt(8);
				Child[] more = pair(origin, Sex.FEMALE, Sex.MALE, birthIn(otherGrade), true);
				pupil(more[0], school, school.languages()[0], otherGrade);
				pupil(more[1], school, school.languages()[0], otherGrade);
				cases.add(new HealthChild(more[1], Kind.PUPIL, school.unit(), "CHILD_WITH_DISABILITY", null));
				return 4;
			}
			Child[] pair = pair(origin, Sex.MALE, Sex.MALE, birth, false);
			pupil(pair[1], school, school.languages()[0], grade);
			// the disabled twin is in no school (taught at home); the record has his IIN,
			// with the Kazakh letters folded
			Received received = new Received(pair[0]);
			received.surname = fold(received.surname);
			received.given = fold(received.given);
			received.patronymic = fold(received.patronymic);
			cases.add(new HealthChild(pair[0], Kind.OUT_OF_SCHOOL, school.unit(), "CHILD_WITH_DISABILITY", received));
			return 1;
		}

		/**
		 * Three pupils at the fourth school of each district whose records have no IIN
		 * and more than the usual errors, so that their links are left for review: the
		 * surname of another family (a stepfather's, or the mother's), the year of birth
		 * one out and no patronymic, and passport capitals with a typo in the surname, no
		 * patronymic and the day and month of birth swapped when they can be.
		 * @return the pupils added
		 */
		private int forReview(School school, List<HealthChild> cases) {
			Origin origin = school.unit().startsWith("KZ-75") ? Origin.RUSSIAN : Origin.KAZAKH;
			for (int n = 0; n < 3; n++) {
				int grade = 1 + random.nextInt(10);
				Sex sex = n == 1 ? Sex.FEMALE : Sex.MALE;
				Child child = child(n == 2 ? Origin.KAZAKH : origin, sex, birthIn(grade));
				pupil(child, school, school.languages()[0], grade);
				Received received = new Received(child);
				received.iin = null;
				switch (n) {
					case 0 -> {
						do {
							received.surname = surnameFor(pick(surnames(origin)), sex);
						}
						while (received.surname.equals(child.surname()));
					}
					case 1 -> {
						received.birth = child.birth().minusYears(1);
						received.patronymic = null;
					}
					default -> {
						received.surname = latin(typo(child.surname()), true, true);
						received.given = latin(child.given(), true, true);
						received.patronymic = null;
						int day = child.birth().getDayOfMonth();
						if (day <= 12 && day != child.birth().getMonthValue()) {
							received.birth = LocalDate.of(child.birth().getYear(), day, child.birth().getMonthValue());
						}
					}
				}
				cases.add(new HealthChild(child, Kind.PUPIL, school.unit(), group(child), received));
			}
			return 3;
		}

		/**
		 * Twins: the second with the first's surname, patronymic and birth date, and with
		 * the next IIN serial when they were registered together.
		 */
		private Child[] pair(Origin origin, Sex first, Sex second, LocalDate birth, boolean together) {
			Child a;
			do {
				a = child(origin, first, birth);
			}
			while (a.patronymic() == null);
			String father = fatherOf(a.patronymic());
			String surname = surnameFor(masculine(a.surname(), first), second);
			String given;
			String key;
			do {
				given = givenName(origin, second);
				key = surname + " " + given + " " + patronymic(father, second, origin) + " " + birth;
			}
			while (given.equals(a.given()) || !names.add(key));
			String patronymic = patronymic(father, second, origin);
			int serial = together ? Integer.parseInt(a.iin().substring(7, 11)) : random.nextInt(10000);
			String iin;
			do {
				serial = (serial + 1) % 10000;
				iin = Iin.of(birth, second, serial);
			}
			while (!iins.add(iin));
			return new Child[] { a, new Child(iin, surname, given, patronymic, birth, second) };
		}

		private void pupil(Child child, School school, String language, int grade) {
			rows.add("""
					INSERT INTO enrolment_extract (school_year, iin, surname, given_name, patronymic, birth_date, sex,
						organisation_id, grade, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", year, child.iin(),
					child.surname(), child.given(), child.patronymic(), Date.valueOf(child.birth()), child.sex().name(),
					school.id(), grade, language);
			pupils++;
		}

		private void healthRecord(String recordId, HealthChild h, String region, String path) {
			Received r = h.forced() != null ? h.forced() : noisy(h.child());
			int age = (int) ChronoUnit.YEARS.between(h.child().birth(), census);
			LocalDate validUntil = census.plusDays(120 + random.nextInt(1700));
			LocalDate adult = h.child().birth().plusYears(18);
			if (h.group().equals("CHILD_WITH_DISABILITY") && validUntil.isAfter(adult)
					&& adult.isAfter(census.plusDays(120))) {
				validUntil = adult;
			}
			if (age < 1) {
				validUntil = census.plusYears(1);
			}
			rows.add(
					"""
							INSERT INTO health_registry_record (record_id, iin, surname, given_name, patronymic, birth_date, sex,
								region_code, district_code, path, disability_group, valid_until, updated_at, updated_by)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					recordId, r.iin, r.surname, r.given, r.patronymic, Date.valueOf(r.birth), h.child().sex().name(),
					region, h.district(), path, h.group(), Date.valueOf(validUntil), Timestamp.from(now), BY);
		}

		/** The record as the health registry keeps it, each error drawn on its own. */
		private Received noisy(Child child) {
			Received r = new Received(child);
			if (random.nextDouble() < IIN_MISSING) {
				r.iin = null;
			}
			else if (random.nextDouble() < IIN_MISTYPED) {
				r.iin = mistype(child.iin());
			}
			if (random.nextDouble() < SURNAME_TYPO) {
				r.surname = typo(r.surname);
			}
			if (random.nextDouble() < FOLDED) {
				r.surname = fold(r.surname);
				r.given = fold(r.given);
				r.patronymic = fold(r.patronymic);
			}
			if (random.nextDouble() < LATIN) {
				boolean passport = random.nextBoolean();
				boolean capitals = passport && random.nextDouble() < 0.4;
				r.surname = latin(r.surname, passport, capitals);
				r.given = latin(r.given, passport, capitals);
				r.patronymic = latin(r.patronymic, passport, capitals);
			}
			if (random.nextDouble() < NAMES_SWAPPED) {
				String given = r.given;
				r.given = r.surname;
				r.surname = given;
			}
			if (random.nextDouble() < PATRONYMIC_MISSING) {
				r.patronymic = null;
			}
			if (random.nextDouble() < DAY_MONTH_SWAPPED) {
				int day = r.birth.getDayOfMonth();
				int month = r.birth.getMonthValue();
				if (day <= 12 && day != month) {
					LocalDate swapped = LocalDate.of(r.birth.getYear(), day, month);
					if (swapped.isBefore(today)) {
						r.birth = swapped;
					}
				}
			}
			return r;
		}

		/**
		 * One digit replaced, or two different neighbouring digits swapped; never a valid
		 * IIN, so that a record's valid IIN is always the child's own.
		 */
		private String mistype(String iin) {
			for (int attempt = 0; attempt < 50; attempt++) {
				char[] digits = iin.toCharArray();
				if (random.nextBoolean()) {
					int at = random.nextInt(digits.length - 1);
					if (digits[at] == digits[at + 1]) {
						continue;
					}
					char c = digits[at];
					digits[at] = digits[at + 1];
					digits[at + 1] = c;
				}
				else {
					int at = random.nextInt(digits.length);
					digits[at] = (char) ('0' + (digits[at] - '0' + 1 + random.nextInt(9)) % 10);
				}
				String wrong = new String(digits);
				if (!Iin.isValid(wrong)) {
					return wrong;
				}
			}
			return null;
		}

		/**
		 * A letter left out, doubled, swapped with its neighbour or confused with
		 * another.
		 */
		private String typo(String word) {
			if (word == null || word.length() < 4) {
				return word;
			}
			StringBuilder s = new StringBuilder(word);
			int at = 1 + random.nextInt(word.length() - 2);
			switch (random.nextInt(4)) {
				case 0 -> s.deleteCharAt(at);
				case 1 -> s.insert(at, s.charAt(at));
				case 2 -> {
					char c = s.charAt(at);
					s.setCharAt(at, s.charAt(at + 1));
					s.setCharAt(at + 1, c);
				}
				default -> {
					for (String group : CONFUSED) {
						int in = group.indexOf(s.charAt(at));
						if (in >= 0) {
							s.setCharAt(at, group.charAt((in + 1) % group.length()));
							break;
						}
					}
				}
			}
			String result = s.toString();
			return result.equals(word) ? word.substring(0, at) + word.substring(at + 1) : result;
		}

		/**
		 * A child with a unique IIN and a full name no other child of that birth date
		 * has.
		 */
		private Child child(Origin origin, Sex sex, LocalDate birth) {
			String surname;
			String given;
			String patronymic;
			do {
				surname = surnameFor(pick(surnames(origin)), sex);
				given = givenName(origin, sex);
				patronymic = random.nextDouble() < 0.03 ? null : patronymic(father(origin), sex, origin);
			}
			while (!names.add(surname + " " + given + " " + patronymic + " " + birth));
			int serial = random.nextInt(10000);
			String iin;
			do {
				iin = Iin.of(birth, sex, serial);
				serial = (serial + 1) % 10000;
			}
			while (!iins.add(iin));
			return new Child(iin, surname, given, patronymic, birth, sex);
		}

		private String givenName(Origin origin, Sex sex) {
			return pick(switch (origin) {
				case KAZAKH -> sex == Sex.MALE ? KK_MALE : KK_FEMALE;
				case RUSSIAN -> sex == Sex.MALE ? RU_MALE : RU_FEMALE;
				case UZBEK -> sex == Sex.MALE ? UZ_MALE : UZ_FEMALE;
			});
		}

		private String father(Origin origin) {
			return pick(switch (origin) {
				case KAZAKH -> KK_FATHERS;
				case RUSSIAN -> RU_FATHER_STEMS;
				case UZBEK -> UZ_FATHER_STEMS;
			});
		}

		private Origin origin(School school) {
			double draw = random.nextDouble();
			if (school.unit().startsWith("KZ-75")) {
				return draw < 0.62 ? Origin.KAZAKH : draw < 0.97 ? Origin.RUSSIAN : Origin.UZBEK;
			}
			if (school.teaches("UZ")) {
				return draw < 0.45 ? Origin.UZBEK : draw < 0.98 ? Origin.KAZAKH : Origin.RUSSIAN;
			}
			return draw < 0.92 ? Origin.KAZAKH : draw < 0.97 ? Origin.UZBEK : Origin.RUSSIAN;
		}

		private String language(School school, Origin origin) {
			String wanted = switch (origin) {
				case RUSSIAN -> "RU";
				case UZBEK -> "UZ";
				case KAZAKH -> school.teaches("RU") && random.nextDouble() < 0.35 ? "RU" : "KK";
			};
			return school.teaches(wanted) ? wanted : school.languages()[0];
		}

		/** Grades 1 to 11, the upper ones smaller. */
		private int grade() {
			double draw = random.nextDouble() * 10.2;
			return draw < 9 ? 1 + (int) draw : draw < 9.6 ? 10 : 11;
		}

		/**
		 * Born in the grade's cohort (age grade + 5 on 1 September); a few a year older.
		 */
		private LocalDate birthIn(int grade) {
			LocalDate birth = LocalDate.of(year - grade - 6, 9, 2).plusDays(random.nextInt(365));
			return random.nextDouble() < 0.03 ? birth.minusYears(1) : birth;
		}

		/** Aged from {@code from} to {@code to} on 1 September, and born before today. */
		private LocalDate birthAged(int from, int to) {
			LocalDate first = LocalDate.of(year - to - 1, 9, 2);
			LocalDate last = LocalDate.of(year - from, 9, 1);
			if (!last.isBefore(today)) {
				last = today.minusDays(30);
			}
			return first.plusDays(random.nextLong(ChronoUnit.DAYS.between(first, last) + 1));
		}

		private String group(Child child) {
			int age = (int) ChronoUnit.YEARS.between(child.birth(), census);
			if (age >= 16) {
				double draw = random.nextDouble();
				return draw < 0.1 ? "GROUP_1"
						: draw < 0.45 ? "GROUP_2" : draw < 0.8 ? "GROUP_3" : "CHILD_WITH_DISABILITY";
			}
			return "CHILD_WITH_DISABILITY";
		}

		private String pick(String[] values) {
			return values[random.nextInt(values.length)];
		}

	}

	private static String[] surnames(Origin origin) {
		return switch (origin) {
			case KAZAKH -> KK_SURNAMES;
			case RUSSIAN -> RU_SURNAMES;
			case UZBEK -> UZ_SURNAMES;
		};
	}

	private static String nameKey(Child c) {
		return c.surname() + " " + c.given() + " " + c.patronymic() + " " + c.birth();
	}

	/** The feminine form of a masculine surname for a girl: Ахметов, Ахметова. */
	private static String surnameFor(String masculine, Sex sex) {
		if (sex == Sex.FEMALE && (masculine.endsWith("ов") || masculine.endsWith("ев") || masculine.endsWith("ёв")
				|| masculine.endsWith("ин"))) {
			return masculine + "а";
		}
		return masculine;
	}

	private static String masculine(String surname, Sex sex) {
		return sex == Sex.FEMALE && surname.endsWith("а") && surname.length() > 3
				&& "вн".indexOf(surname.charAt(surname.length() - 2)) >= 0 ? surname.substring(0, surname.length() - 1)
						: surname;
	}

	/**
	 * The patronymic from the father's name: Kazakh Серікұлы, Серікқызы; Russian and
	 * Uzbek from the stem, Сергеевич, Сергеевна.
	 */
	private static String patronymic(String father, Sex sex, Origin origin) {
		if (origin == Origin.KAZAKH) {
			return father + (sex == Sex.MALE ? "ұлы" : "қызы");
		}
		return father + (sex == Sex.MALE ? "ич" : "на");
	}

	/** The father's name (Kazakh) or stem (Russian, Uzbek) back from a patronymic. */
	private static String fatherOf(String patronymic) {
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
