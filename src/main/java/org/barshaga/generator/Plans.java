package org.barshaga.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The individual plans of the school year for learners in a school (about 85%), with the
 * services of their conclusion, usually at the recommended hours and sometimes fewer, and
 * one to three goals in the domains that fit their SEN categories, in Kazakh for learners
 * taught in Kazakh and in Russian otherwise.
 */
final class Plans {

	/** Share of learners in a school with a plan for the school year. */
	static final double PLANNED = 0.85;

	static final String[] DOMAINS = { "COMMUNICATION", "COGNITIVE", "ACADEMIC", "SOCIAL_EMOTIONAL", "SELF_CARE",
			"MOTOR" };

	private static final int COMMUNICATION = 0;

	private static final int COGNITIVE = 1;

	private static final int ACADEMIC = 2;

	private static final int SOCIAL_EMOTIONAL = 3;

	private static final int SELF_CARE = 4;

	private static final int MOTOR = 5;

	/**
	 * For each domain and language (Russian, Kazakh): two descriptions, two baselines and
	 * two target states, the n-th of each belonging together.
	 */
	private static final String[][][][] GOALS = {
			// COMMUNICATION
			{ { { "Развитие связной речи: составлять рассказ по картинке из 3-4 предложений",
					"Расширение словарного запаса и использование фраз для выражения просьб" },
					{ "Отвечает односложно, по картинке называет отдельные предметы",
							"Просьбы выражает жестами, фразовая речь ограничена" },
					{ "Самостоятельно составляет рассказ из 3-4 предложений",
							"Выражает просьбы фразой из 2-3 слов в классе и дома" } },
					{ { "Байланыстырып сөйлеуді дамыту: сурет бойынша 3-4 сөйлемнен әңгіме құрау",
							"Сөздік қорын кеңейту және өтінішін сөйлеммен білдіру" },
							{ "Сұрақтарға бір сөзбен жауап береді, суреттегі заттарды атайды",
									"Өтінішін ым-ишарамен білдіреді, сөйлем құрауы шектеулі" },
							{ "3-4 сөйлемнен тұратын әңгімені өздігінен құрайды",
									"Сыныпта және үйде өтінішін 2-3 сөзден тұратын сөйлеммен білдіреді" } } },
			// COGNITIVE
			{ { { "Развитие произвольного внимания и памяти на учебном материале",
					"Формирование умения сравнивать и классифицировать предметы" },
					{ "Удерживает внимание на задании не более 5-7 минут",
							"Группирует предметы по одному признаку с помощью взрослого" },
					{ "Работает над заданием 15 минут, запоминает инструкцию из 2 шагов",
							"Самостоятельно классифицирует предметы по двум признакам" } },
					{ { "Оқу материалында ерікті зейін мен есте сақтауды дамыту",
							"Заттарды салыстыру және топтастыру біліктілігін қалыптастыру" },
							{ "Тапсырмаға зейінін 5-7 минуттан артық ұстай алмайды",
									"Заттарды ересектің көмегімен бір белгісі бойынша топтастырады" },
							{ "Тапсырманы 15 минут орындайды, 2 қадамнан тұратын нұсқауды есте сақтайды",
									"Заттарды екі белгісі бойынша өздігінен топтастырады" } } },
			// ACADEMIC
			{ { { "Чтение: осознанное чтение коротких текстов по слогам и целыми словами",
					"Математика: счёт и решение простых задач в пределах 20" },
					{ "Читает по слогам, пересказать прочитанное затрудняется",
							"Считает в пределах 10 с опорой на наглядный материал" },
					{ "Читает целыми словами, отвечает на 3 вопроса по тексту",
							"Решает задачи в одно действие в пределах 20, без опоры" } },
					{ { "Оқу: қысқа мәтіндерді буындап және тұтас сөзбен түсініп оқу",
							"Математика: 20 көлеміндегі санау және қарапайым есептер шығару" },
							{ "Буындап оқиды, оқығанын әңгімелеп беруге қиналады",
									"Көрнекі құралдың көмегімен 10 көлемінде санайды" },
							{ "Тұтас сөзбен оқиды, мәтін бойынша 3 сұраққа жауап береді",
									"20 көлемінде бір амалды есептерді көмексіз шығарады" } } },
			// SOCIAL_EMOTIONAL
			{ { { "Развитие навыков взаимодействия со сверстниками в группе",
					"Саморегуляция: умение справляться с волнением и переходами между занятиями" },
					{ "Избегает совместных игр, в группе держится в стороне",
							"При смене занятия или шуме возникают вспышки, нужна помощь взрослого" },
					{ "Участвует в парной и групповой работе не менее 10 минут",
							"Использует визуальное расписание и приёмы успокоения, вспышки реже раза в неделю" } },
					{ { "Құрдастарымен топта өзара әрекеттесу дағдыларын дамыту",
							"Өзін-өзі реттеу: толқуды және сабақтар арасындағы ауысуды жеңе білу" },
							{ "Бірлескен ойындардан бас тартады, топта шетте жүреді",
									"Сабақ ауысқанда немесе шу болғанда ашуланады, ересектің көмегі қажет" },
							{ "Жұптық және топтық жұмысқа кемінде 10 минут қатысады",
									"Көрнекі кестені және тыныштану тәсілдерін қолданады, ашулану аптасына бір реттен сирек" } } },
			// SELF_CARE
			{ { { "Самообслуживание: одевание, гигиена и порядок на рабочем месте",
					"Самостоятельность в школьном распорядке: столовая, раздевалка, туалет" },
					{ "Одевается и моет руки с частичной помощью взрослого",
							"Ориентируется в школе только в сопровождении ассистента" },
					{ "Самостоятельно одевается, моет руки и готовит рабочее место",
							"Самостоятельно ходит в столовую и раздевалку по знакомому маршруту" } },
					{ { "Өзіне-өзі қызмет ету: киіну, гигиена және жұмыс орнындағы тәртіп",
							"Мектеп тәртібіндегі дербестік: асхана, киім ілетін орын, дәретхана" },
							{ "Ересектің ішінара көмегімен киінеді және қол жуады",
									"Мектепте тек ассистенттің сүйемелдеуімен бағдарлайды" },
							{ "Өздігінен киінеді, қолын жуады және жұмыс орнын дайындайды",
									"Таныс бағытпен асханаға және киім ілетін орынға өзі барады" } } },
			// MOTOR
			{ { { "Развитие мелкой моторики и графических навыков письма",
					"Развитие общей моторики, координации и передвижения по школе" },
					{ "Удерживает карандаш с трудом, пишет крупно, выходя за строку",
							"Передвигается по лестнице с поддержкой, быстро устаёт" },
					{ "Пишет печатные буквы в строке, обводит и штрихует по контуру",
							"Самостоятельно поднимается на второй этаж, выполняет упражнения ЛФК" } },
					{ { "Ұсақ моториканы және жазудың графикалық дағдыларын дамыту",
							"Жалпы моториканы, үйлесімділікті және мектепте жүріп-тұруды дамыту" },
							{ "Қарындашты қиындықпен ұстайды, жолдан шығып, ірі жазады",
									"Баспалдақпен сүйемелдеумен жүреді, тез шаршайды" },
							{ "Баспа әріптерді жолға жазады, контур бойынша сызады және штрихтайды",
									"Екінші қабатқа өздігінен көтеріледі, емдік дене шынықтыру жаттығуларын орындайды" } } } };

	private static final String[][] MEASURES = {
			{ "Наблюдение специалиста, запись в дневнике раз в неделю",
					"Диагностика в начале, середине и конце года, сравнение с исходным уровнем",
					"Портфолио работ, оценка по шкале от 0 до 3" },
			{ "Маманның бақылауы, аптасына бір рет күнделікке жазу",
					"Жыл басында, ортасында және соңында диагностика, бастапқы деңгеймен салыстыру",
					"Жұмыстар портфолиосы, 0-ден 3-ке дейінгі шкала бойынша бағалау" } };

	private static final String[][] ADAPTATIONS = { { "Место за первой партой, дополнительное время на задания",
			"Индивидуальные карточки и визуальное расписание", "Упрощённые задания, сокращённый объём домашней работы",
			"Обучение по адаптированной программе", "Работа в паре с ассистентом, перерывы каждые 20 минут" },
			{ "Бірінші партада отыру, тапсырмаларға қосымша уақыт", "Жеке карточкалар және көрнекі кесте",
					"Жеңілдетілген тапсырмалар, үй жұмысының көлемі қысқартылған",
					"Бейімделген бағдарлама бойынша оқыту", "Ассистентпен жұпта жұмыс, әр 20 минут сайын үзіліс" } };

	/** Adaptations for hearing, vision and motor needs, by language. */
	private static final String[][] SENSORY_ADAPTATIONS = {
			{ "Место рядом с учителем, письменные инструкции", "Укрупнённый шрифт, освещённое рабочее место",
					"Доступное рабочее место, перерывы на отдых" },
			{ "Мұғалімнің жанында отыру, жазбаша нұсқаулар", "Ірілендірілген қаріп, жарық жұмыс орны",
					"Қолжетімді жұмыс орны, демалуға үзілістер" } };

	private final SplittableRandom random;

	private final int year;

	private final LocalDate censusDate;

	private final StringBuilder services = new StringBuilder(64);

	private final int[] domains = new int[3];

	Plans(SplittableRandom random, int schoolYear, LocalDate censusDate) {
		this.random = random;
		this.year = schoolYear;
		this.censusDate = censusDate;
	}

	/**
	 * Writes the learner's plan and its goals with about {@link #PLANNED} chance.
	 * @param specialists the specialists of the learner's category
	 * @param halves the recommended weekly hours in halves, by specialist, 0 when none
	 * @param categories the SEN categories of the conclusion, the primary first
	 */
	void learner(Output out, String iin, String language, String[] specialists, int[] halves, String... categories) {
		if (random.nextDouble() >= PLANNED) {
			return;
		}
		int lang = "KK".equals(language) ? 1 : 0;
		long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(year, 9, 1), censusDate);
		LocalDate started = LocalDate.of(year, 9, 1).plusDays(random.nextLong(days + 1));
		services.setLength(0);
		for (int i = 0; i < specialists.length; i++) {
			if (halves[i] > 0) {
				int planned = halves[i];
				if (planned > 1 && random.nextDouble() < 0.15) {
					planned -= 1 + random.nextInt(Math.min(2, planned - 1));
				}
				if (!services.isEmpty()) {
					services.append('|');
				}
				services.append(specialists[i]).append(':').append(planned / 2);
				if (planned % 2 == 1) {
					services.append(".5");
				}
			}
		}
		out.plans.text(iin)
			.number(year)
			.date(started)
			.text(adaptation(lang, categories[0]))
			.text(services.toString())
			.endRow();
		int count = goals(categories);
		for (int g = 0; g < count; g++) {
			String[][] texts = GOALS[domains[g]][lang];
			int variant = random.nextInt(2);
			out.planGoals.text(iin)
				.number(year)
				.text(DOMAINS[domains[g]])
				.text(texts[0][variant])
				.text(texts[1][variant])
				.text(texts[2][variant])
				.text(MEASURES[lang][random.nextInt(MEASURES[lang].length)])
				.endRow();
		}
	}

	private String adaptation(int lang, String primary) {
		int sensory = switch (primary) {
			case "HEARING" -> 0;
			case "VISION" -> 1;
			case "MOTOR" -> 2;
			default -> -1;
		};
		if (sensory >= 0 && random.nextDouble() < 0.6) {
			return SENSORY_ADAPTATIONS[lang][sensory];
		}
		return ADAPTATIONS[lang][random.nextInt(ADAPTATIONS[lang].length)];
	}

	/** Chooses 1-3 distinct goal domains into {@link #domains}, answering how many. */
	private int goals(String[] categories) {
		double draw = random.nextDouble();
		int count = draw < 0.3 ? 1 : draw < 0.75 ? 2 : 3;
		int chosen = 0;
		int[] preferred = preferred(categories[0]);
		int[] second = categories.length > 1 ? preferred(categories[1]) : preferred;
		while (chosen < count) {
			int candidate;
			double which = random.nextDouble();
			if (which < 0.6) {
				candidate = preferred[Math.min(chosen, preferred.length - 1)];
			}
			else if (which < 0.8) {
				candidate = second[random.nextInt(second.length)];
			}
			else {
				candidate = random.nextInt(DOMAINS.length);
			}
			boolean seen = false;
			for (int i = 0; i < chosen; i++) {
				seen |= domains[i] == candidate;
			}
			if (!seen) {
				domains[chosen++] = candidate;
			}
		}
		return count;
	}

	private static int[] preferred(String category) {
		return switch (category) {
			case "SPEECH" -> new int[] { COMMUNICATION, ACADEMIC, COGNITIVE };
			case "DEVELOPMENTAL_DELAY" -> new int[] { COGNITIVE, ACADEMIC, COMMUNICATION };
			case "INTELLECTUAL" -> new int[] { COGNITIVE, SELF_CARE, ACADEMIC };
			case "AUTISM" -> new int[] { SOCIAL_EMOTIONAL, COMMUNICATION, SELF_CARE };
			case "MOTOR" -> new int[] { MOTOR, SELF_CARE, ACADEMIC };
			case "HEARING" -> new int[] { COMMUNICATION, ACADEMIC, SOCIAL_EMOTIONAL };
			case "VISION" -> new int[] { ACADEMIC, MOTOR, SELF_CARE };
			case "EMOTIONAL_BEHAVIOURAL" -> new int[] { SOCIAL_EMOTIONAL, ACADEMIC, COGNITIVE };
			case "SOMATIC" -> new int[] { ACADEMIC, SOCIAL_EMOTIONAL, MOTOR };
			default -> new int[] { SELF_CARE, COMMUNICATION, MOTOR };
		};
	}

}
