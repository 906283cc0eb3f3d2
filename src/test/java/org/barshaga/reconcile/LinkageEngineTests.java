package org.barshaga.reconcile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The linkage engine on a small synthetic country: some twenty thousand pupils in three
 * regions, some fourteen hundred health records of them with the registry's usual errors,
 * some children who are not in the extract, and hand-made records for each rule. The
 * population is large enough for the engine to fit m by EM and u from random pairs.
 */
class LinkageEngineTests {

	private static Population population;

	private static LinkageEngine.Model model;

	private static Map<String, Link> links;

	@BeforeAll
	static void linkOnce() {
		population = Population.build();
		LinkageEngine.Outcome outcome = run(population, Map.of(), LinkageSettings.DEFAULT);
		model = outcome.model();
		links = byRecord(outcome);
	}

	@Test
	void thePopulationIsLargeEnoughToFitTheModel() {
		// below these counts the engine keeps its starting m and u, and the tests would
		// not see the fitted model
		assertThat(model.candidatePairs()).isGreaterThanOrEqualTo(LinkageEngine.FEW_PAIRS);
		assertThat(model.randomPairs()).isGreaterThanOrEqualTo(LinkageEngine.FEW_PAIRS);
		assertThat(model.pupils()).isEqualTo(population.pupils.size());
		assertThat(model.m()[Field.BIRTH_DATE.ordinal()])
			.isNotEqualTo(Weights.provisionalM()[Field.BIRTH_DATE.ordinal()]);
	}

	// identity numbers

	@Test
	void linksByExactIinEvenWhenNamesAreInLatin() {
		Link link = links.get("exact-iin-latin");
		assertThat(link.pupil().iin()).isEqualTo(population.iinOf("exact-iin-latin"));
		assertThat(link.verdict()).isEqualTo(Link.Verdict.MATCH);
		assertThat(level(link, Field.IIN)).isEqualTo(3);
		// ZHUMABAEV NURSULTAN ERLANULY is Жұмабаев Нұрсұлтан Ерланұлы
		assertThat(level(link, Field.SURNAME)).isEqualTo(4);
		assertThat(level(link, Field.GIVEN_NAME)).isEqualTo(4);
		assertThat(level(link, Field.PATRONYMIC)).isEqualTo(3);
	}

	@Test
	void linksAnIinWithOneDigitMistypedToThePupilItWasMeantFor() {
		Link link = links.get("iin-digit");
		assertThat(Iin.isValid(link.record().iin())).isFalse();
		// the decoy has the same surname, given name and birth date, and the record has
		// no patronymic: only the corrected IIN tells them apart
		assertThat(Agreement.oneEdit(link.record().iin(), population.iinOf("iin-digit-decoy"))).isFalse();
		assertThat(link.pupil().iin()).isEqualTo(population.iinOf("iin-digit"))
			.isNotEqualTo(population.iinOf("iin-digit-decoy"));
		assertThat(level(link, Field.IIN)).isEqualTo(2);
		assertThat(link.verdict()).isEqualTo(Link.Verdict.MATCH);
	}

	@Test
	void linksAnIinWithTwoNeighbouringDigitsSwappedToThePupilItWasMeantFor() {
		Link link = links.get("iin-swap");
		assertThat(Iin.isValid(link.record().iin())).isFalse();
		assertThat(Agreement.oneEdit(link.record().iin(), population.iinOf("iin-swap-decoy"))).isFalse();
		assertThat(link.pupil().iin()).isEqualTo(population.iinOf("iin-swap"))
			.isNotEqualTo(population.iinOf("iin-swap-decoy"));
		assertThat(level(link, Field.IIN)).isEqualTo(2);
		assertThat(link.verdict()).isEqualTo(Link.Verdict.MATCH);
	}

	@Test
	void linksARecordWithoutIinByNamesAndBirthDate() {
		Link link = links.get("no-iin");
		assertThat(link.record().iin()).isNull();
		assertThat(link.pupil().iin()).isEqualTo(population.iinOf("no-iin"));
		assertThat(level(link, Field.IIN)).isZero();
		assertThat(link.verdict()).isEqualTo(Link.Verdict.MATCH);
	}

	// spellings and typing errors, all without IIN so that the names must do the work

	@Test
	void linksAcrossThePassportRomanisation() {
		assertLinked("passport", 4, 4, 3, 4);
	}

	@Test
	void linksAcrossTheKazakhLatinAlphabetOf2021() {
		assertLinked("latin-2021", 4, 4, 3, 4);
	}

	@Test
	void linksAcrossKazakhLettersFoldedToRussianOnes() {
		assertLinked("folded", 4, 4, 3, 4);
	}

	@Test
	void linksDespiteATypoInTheSurname() {
		Link link = assertLinked("surname-typo", -1, 4, 3, 4);
		assertThat(level(link, Field.SURNAME)).isBetween(2, 3);
	}

	@Test
	void linksWithoutThePatronymic() {
		assertLinked("no-patronymic", 4, 4, 0, 4);
	}

	@Test
	void linksWithDayAndMonthOfBirthSwapped() {
		assertLinked("day-month", 4, 4, 3, 3);
		// with a typo in the surname too, only the swapped date's block finds the pupil
		Link link = assertLinked("day-month-typo", -1, 4, 3, 3);
		assertThat(level(link, Field.SURNAME)).isBetween(2, 3);
	}

	@Test
	void linksGivenNameAndSurnameSwappedAndSaysSo() {
		Link link = assertLinked("names-swapped", 4, 4, 3, 4);
		assertThat(link.namesSwapped()).isTrue();
		assertThat(links.get("passport").namesSwapped()).isFalse();
	}

	@Test
	void linksNamesSwappedWithTheBirthYearMistyped() {
		// only the full-name block over neighbouring years can find this one
		Link link = assertLinked("swapped-year-boy", 4, 4, 3, 2);
		assertThat(link.namesSwapped()).isTrue();
	}

	@Test
	void linksNamesSwappedWithTheBirthYearMistypedForAFeminineSurname() {
		Link link = assertLinked("swapped-year-girl", 4, 4, 3, 2);
		assertThat(link.namesSwapped()).isTrue();
	}

	// twins

	@Test
	void keepsTwinsApart() {
		Link first = links.get("twin-arsen");
		Link second = links.get("twin-arman");
		assertThat(first.pupil().iin()).isEqualTo(population.iinOf("twin-arsen"));
		assertThat(second.pupil().iin()).isEqualTo(population.iinOf("twin-arman"));
		assertThat(first.pupil().iin()).isNotEqualTo(second.pupil().iin());
		assertThat(first.verdict()).isNotEqualTo(Link.Verdict.NONE);
		assertThat(second.verdict()).isNotEqualTo(Link.Verdict.NONE);
	}

	@Test
	void aTwinWhoseRecordHasNoGivenNameGoesToTheTwinLeft() {
		// the record without a given name fits both sisters alike; Айлин, whose IIN sorts
		// first, is taken by her own record
		Link ailin = links.get("twin-ailin");
		Link unnamed = links.get("twin-unnamed");
		assertThat(ailin.pupil().iin()).isEqualTo(population.iinOf("twin-ailin"));
		assertThat(population.iinOf("twin-ailin")).isLessThan(population.iinOf("twin-unnamed"));
		assertThat(unnamed.pupil().iin()).isEqualTo(population.iinOf("twin-unnamed"));
		assertThat(level(unnamed, Field.GIVEN_NAME)).isZero();
	}

	@Test
	void aRecordForOneTwinOnlyDoesNotTakeTheOther() {
		Link link = links.get("twin-ayazhan");
		assertThat(link.pupil().iin()).isEqualTo(population.iinOf("twin-ayazhan"));
		String other = population.iinOf("twin-aruzhan");
		assertThat(links.values()).noneMatch(l -> l.pupil() != null && l.pupil().iin().equals(other));
	}

	@Test
	void noPupilIsLinkedToTwoRecords() {
		Set<String> seen = new HashSet<>();
		for (Link link : links.values()) {
			if (link.pupil() != null) {
				assertThat(seen.add(link.pupil().iin())).as("pupil of %s linked twice", link.record().recordId())
					.isTrue();
			}
		}
	}

	// children who are not in the extract

	@Test
	void doesNotLinkAChildWhoIsNotInTheExtract() {
		Link link = links.get("absent");
		// Ахметова Жансая has the same surname and birth date and lives in the same
		// district
		assertThat(population.iinOf("absent-namesake")).isNotNull();
		assertThat(link.verdict()).isEqualTo(Link.Verdict.NONE);
		assertThat(link.pupil()).isNull();
	}

	@Test
	void doesNotLinkAChildWhoIsNotInTheExtractAndHasNoIin() {
		Link link = links.get("absent-no-iin");
		assertThat(population.iinOf("absent-no-iin-namesake")).isNotNull();
		assertThat(link.verdict()).isEqualTo(Link.Verdict.NONE);
		assertThat(link.pupil()).isNull();
	}

	@Test
	void neverMatchesAChildOfTheBackgroundWhoIsNotInTheExtract() {
		List<String> absent = population.truth.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith("h-") && e.getValue() == null)
			.map(Map.Entry::getKey)
			.toList();
		assertThat(absent).hasSizeGreaterThan(20);
		assertThat(absent)
			.allSatisfy(id -> assertThat(links.get(id).verdict()).as(id).isNotEqualTo(Link.Verdict.MATCH));
	}

	@Test
	void matchesTheNoisyBackgroundRecordsToTheRightPupils() {
		int present = 0;
		int matched = 0;
		for (Map.Entry<String, String> truth : population.truth.entrySet()) {
			if (!truth.getKey().startsWith("h-") || truth.getValue() == null) {
				continue;
			}
			present++;
			Link link = links.get(truth.getKey());
			if (link.verdict() == Link.Verdict.MATCH) {
				assertThat(link.pupil().iin()).as(truth.getKey()).isEqualTo(truth.getValue());
				matched++;
			}
			else if (link.verdict() == Link.Verdict.REVIEW) {
				assertThat(link.probability()).isBetween(LinkageSettings.DEFAULT.reviewAbove(),
						LinkageSettings.DEFAULT.matchAbove());
			}
		}
		assertThat(present).isGreaterThan(250);
		assertThat(matched).isGreaterThanOrEqualTo(present * 95 / 100);
	}

	// the review queue

	@Test
	void putsAnAmbiguousPairInReviewNotInMatch() {
		Link link = links.get("ambiguous");
		// two pupils Серікбаев Нұрислам born the same day in the same district; the
		// record has neither IIN nor patronymic
		assertThat(link.pupil().iin()).isIn(population.iinOf("ambiguous-1"), population.iinOf("ambiguous-2"));
		assertThat(link.verdict()).isNotEqualTo(Link.Verdict.MATCH).isEqualTo(Link.Verdict.REVIEW);
	}

	// remembered decisions

	@Test
	void neverLinksARejectedPairAgain() {
		String pupil = population.iinOf("exact-iin-latin");
		Map<String, Link> decided = byRecord(
				run(population, Map.of("HEALTH:exact-iin-latin", Map.of(pupil, false)), LinkageSettings.DEFAULT));
		Link link = decided.get("exact-iin-latin");
		assertThat(link.pupil()).isNull();
		assertThat(link.verdict()).isEqualTo(Link.Verdict.NONE);
		assertThat(decided.values()).noneMatch(l -> l.record().recordId().equals("exact-iin-latin") && l.pupil() != null
				&& l.pupil().iin().equals(pupil));
		// nothing else changes pupils because of it
		assertThat(decided.get("passport").pupil().iin()).isEqualTo(population.iinOf("passport"));
	}

	@Test
	void rejectingTheBestCandidateLeavesTheOthers() {
		String first = population.iinOf("twin-arsen");
		Map<String, Link> decided = byRecord(
				run(population, Map.of("HEALTH:twin-arsen", Map.of(first, false)), LinkageSettings.DEFAULT));
		Link link = decided.get("twin-arsen");
		// Арман, the next candidate, is his own record's
		assertThat(decided.get("twin-arman").pupil().iin()).isEqualTo(population.iinOf("twin-arman"));
		assertThat(link.pupil()).isNull();
		assertThat(link.verdict()).isEqualTo(Link.Verdict.NONE);
	}

	@Test
	void linksAConfirmedPairAsDecidedMatch() {
		// of the two pupils of the ambiguous record, the reviewer confirmed the one the
		// engine did not propose
		String proposed = links.get("ambiguous").pupil().iin();
		String confirmed = proposed.equals(population.iinOf("ambiguous-1")) ? population.iinOf("ambiguous-2")
				: population.iinOf("ambiguous-1");
		Map<String, Link> decided = byRecord(
				run(population, Map.of("HEALTH:ambiguous", Map.of(confirmed, true)), LinkageSettings.DEFAULT));
		Link link = decided.get("ambiguous");
		assertThat(link.pupil().iin()).isEqualTo(confirmed);
		assertThat(link.verdict()).isEqualTo(Link.Verdict.MATCH);
		assertThat(link.decided()).isTrue();
		assertThat(link.probability()).isEqualTo(1.0);
		assertThat(links.get("ambiguous").decided()).isFalse();
	}

	@Test
	void aConfirmedPairWinsOverAStrongerCandidate() {
		// the reviewer said the record of Бекмұратов Арсен is his twin Арман
		String arman = population.iinOf("twin-arman");
		Map<String, Link> decided = byRecord(
				run(population, Map.of("HEALTH:twin-arsen", Map.of(arman, true)), LinkageSettings.DEFAULT));
		assertThat(decided.get("twin-arsen").pupil().iin()).isEqualTo(arman);
		assertThat(decided.get("twin-arsen").decided()).isTrue();
		assertThat(decided.get("twin-arsen").verdict()).isEqualTo(Link.Verdict.MATCH);
		// Арман is taken, and his own record does not go to Арсен either
		assertThat(decided.get("twin-arman").pupil() == null ? null : decided.get("twin-arman").pupil().iin())
			.isNotEqualTo(arman);
	}

	@Test
	void linksAConfirmedPairThatIsNotAmongTheBestCandidates() {
		LinkageSettings d = LinkageSettings.DEFAULT;
		LinkageSettings oneCandidate = new LinkageSettings(d.matchAbove(), d.reviewAbove(), 1, d.sampleEvery(),
				d.seed(), d.threads());
		String first = population.iinOf("ambiguous-1");
		String second = population.iinOf("ambiguous-2");
		String confirmed = first.compareTo(second) > 0 ? first : second;
		Link link = byRecord(run(population, Map.of("HEALTH:ambiguous", Map.of(confirmed, true)), oneCandidate))
			.get("ambiguous");
		assertThat(link.pupil()).isNotNull();
		assertThat(link.pupil().iin()).isEqualTo(confirmed);
		assertThat(link.decided()).isTrue();
		assertThat(link.verdict()).isEqualTo(Link.Verdict.MATCH);
	}

	@Test
	void linksAConfirmedPairWhateverItsWeight() {
		String pupil = population.iinOf("confirmed-weak");
		assertThat(links.get("confirmed-weak").verdict()).isEqualTo(Link.Verdict.NONE);
		Link link = byRecord(
				run(population, Map.of("HEALTH:confirmed-weak", Map.of(pupil, true)), LinkageSettings.DEFAULT))
			.get("confirmed-weak");
		assertThat(link.pupil()).isNotNull();
		assertThat(link.pupil().iin()).isEqualTo(pupil);
		assertThat(link.decided()).isTrue();
		assertThat(link.verdict()).isEqualTo(Link.Verdict.MATCH);
	}

	// determinism

	@Test
	void theSameInputGivesTheSameLinks() {
		LinkageSettings one = threads(1);
		List<String> once = describe(run(population, Map.of(), one));
		List<String> again = describe(run(population, Map.of(), one));
		assertThat(again).hasSize(population.records.size()).isEqualTo(once);
	}

	@Test
	void twoThreadsLinkTheSamePupilsWithTheSameVerdictsAsOne() {
		List<String> single = assignments(run(population, Map.of(), threads(1)));
		assertThat(assignments(run(population, Map.of(), threads(2)))).isEqualTo(single);
		assertThat(assignments(links)).isEqualTo(single);
	}

	@Test
	void twoThreadsGiveExactlyTheSameProbabilitiesAsOne() {
		LinkageEngine.Outcome single = run(population, Map.of(), threads(1));
		for (int i = 0; i < 20; i++) {
			LinkageEngine.Outcome dual = run(population, Map.of(), threads(2));
			assertThat(dual.model().u()).as("run %d", i).isDeepEqualTo(single.model().u());
			assertThat(describe(dual)).as("run %d", i).isEqualTo(describe(single));
		}
	}

	// helpers

	private static Link assertLinked(String id, int surname, int given, int patronymic, int birth) {
		Link link = links.get(id);
		assertThat(link.record().iin()).isNull();
		assertThat(link.pupil()).as(id).isNotNull();
		assertThat(link.pupil().iin()).as(id).isEqualTo(population.iinOf(id));
		assertThat(link.verdict()).as(id + " " + Field.describe(link.vector())).isEqualTo(Link.Verdict.MATCH);
		if (surname >= 0) {
			assertThat(level(link, Field.SURNAME)).as("surname").isEqualTo(surname);
		}
		assertThat(level(link, Field.GIVEN_NAME)).as("given name").isEqualTo(given);
		assertThat(level(link, Field.PATRONYMIC)).as("patronymic").isEqualTo(patronymic);
		assertThat(level(link, Field.BIRTH_DATE)).as("birth date").isEqualTo(birth);
		return link;
	}

	private static LinkageSettings threads(int threads) {
		LinkageSettings d = LinkageSettings.DEFAULT;
		return new LinkageSettings(d.matchAbove(), d.reviewAbove(), d.candidatesPerRecord(), d.sampleEvery(), d.seed(),
				threads);
	}

	/**
	 * Which pupil each record went to, with the verdict and the agreement of every field.
	 */
	private static List<String> assignments(LinkageEngine.Outcome outcome) {
		return assignments(byRecord(outcome));
	}

	private static List<String> assignments(Map<String, Link> links) {
		return links.values()
			.stream()
			.map(l -> l.record().recordId() + " " + (l.pupil() == null ? "-" : l.pupil().iin()) + " " + l.verdict()
					+ " " + l.vector() + " " + l.namesSwapped() + " " + l.decided())
			.toList();
	}

	private static int level(Link link, Field field) {
		return field.of(link.vector());
	}

	private static LinkageEngine.Outcome run(Population population, Map<String, Map<String, Boolean>> decisions,
			LinkageSettings settings) {
		return new LinkageEngine(settings).link(population.records, population.pupils::forEach, decisions, read -> {
		});
	}

	private static Map<String, Link> byRecord(LinkageEngine.Outcome outcome) {
		Map<String, Link> map = new LinkedHashMap<>();
		for (Link link : outcome.links()) {
			map.put(link.record().recordId(), link);
		}
		return map;
	}

	private static List<String> describe(LinkageEngine.Outcome outcome) {
		return describe(byRecord(outcome));
	}

	private static List<String> describe(Map<String, Link> links) {
		return links.values()
			.stream()
			.map(l -> l.record().recordId() + " " + (l.pupil() == null ? "-" : l.pupil().iin()) + " " + l.verdict()
					+ " " + l.probability() + " " + l.weight() + " " + l.vector() + " " + l.namesSwapped())
			.toList();
	}

	/**
	 * Pupils and health records built from a fixed seed. Records whose id starts with
	 * "h-" are the background, drawn with the error rates of the generator's health
	 * noise; the others are made by hand for one rule each.
	 */
	static final class Population {

		static final String[] REGIONS = { "KZ-61", "KZ-75", "KZ-43" };

		static final int DISTRICTS = 4;

		static final int SCHOOLS = 5;

		static final int PUPILS = 20000;

		static final String[] KAZAKH_SURNAMES = split("""
				Ахметов Серікбаев Омаров Жұмабаев Сүлейменов Оспанов Искаков Абдрахманов Қасымов Исаев Ермеков
				Мұхаметов Нұрланов Әбілов Байжанов Тұрсынов Сейітов Бекмұратов Төлеуов Рахымов Әлімов Жақсылықов
				Сағындықов Есенов Мусин Ибраев Кенжебаев Нұрпейісов Құдайбергенов Жанзақов Темірбеков Аманов
				Бейсенов Тоқтаров Сәрсенбаев Ержанов Қалиев Байқадамов Тәжібаев Жолдасбеков Шәкенов Садықов
				Құрманов Мамыров Жүнісов Әуезов Бақытжанов Есімов Қожахметов Мұратов Мақсұтов Айтбаев Ақылбеков
				Алпысбаев Асанов Әшімов Баймұханов Байтұрсынов Бекетов Бисенов Дәулетов Дүйсенов Жапаров Жүсіпов
				Зейнуллин Ыбыраев Ілиясов Кәрімов Кемелов Көшербаев Қадыров Қайыпов Қанатов Қараев Қуанышев
				""");

		static final String[] KAZAKH_MALE = split("""
				Нұрсұлтан Алихан Ерасыл Айбек Нұрислам Әлинұр Диас Арсен Ернұр Бекзат Санжар Темірлан Мирас Абылай
				Ислам Ерлан Нұрлан Асқар Айдар Арман Азамат Дамир Ержан Жандос Қайрат Мақсат Мейіржан Нұрдәулет
				Нұрбол Олжас Рамазан Рустам Саят Талғат Тимур Ұлан Әділет Әлішер Бауыржан Бекжан Берік Дәурен
				Дінмұхамед Ерғали Еркебұлан Ерназар Жәнібек Жасұлан Ильяс Қуаныш Мағжан Медет Мұхаммед Нұрәли
				""");

		static final String[] KAZAKH_FEMALE = split("""
				Айзере Аружан Томирис Інжу Медина Айша Жансая Әйгерім Дана Камила Аяжан Нұрай Сабина Ақбота Амина
				Айым Айлин Аделя Асылым Ақерке Айгерім Айгүл Айдана Айжан Айназ Айнұр Айсұлу Ақмарал Ақнұр Ақжан
				Алтынай Алия Анар Арайлым Асель Асем Әсел Балауса Бағлан Баян Гүлназ Гүлнұр Гүлжан Гүлмира Дариға
				""");

		static final String[] KAZAKH_FATHERS = split("""
				Серік Ерлан Нұрлан Болат Қайрат Асқар Марат Бауыржан Дәурен Ержан Талғат Ғалым Ерболат Мұрат Жандос
				Асхат Бақыт Берік Ербол Жанат Арман Азамат Айдос Алмас Бекжан Бағдат Дархан Данияр Ерғали Ерік
				""");

		static final String[] RUSSIAN_SURNAMES = split("""
				Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков
				Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Ким Шевченко Бондаренко Орлов
				Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев
				""");

		static final String[] RUSSIAN_MALE = split("""
				Александр Максим Артём Михаил Даниил Иван Дмитрий Кирилл Андрей Егор Никита Илья Алексей Матвей
				Тимофей Роман Владимир Ярослав Фёдор Георгий Константин Лев Николай Степан Владислав Павел
				""");

		static final String[] RUSSIAN_FEMALE = split("""
				София Анна Мария Виктория Алиса Полина Дарья Анастасия Екатерина Ксения Варвара Вероника
				Александра Арина Елизавета Ева Милана Кира Ульяна Василиса Таисия Валерия Маргарита Алёна
				""");

		/** Stems of Russian patronymics: "ич" for a son and "на" for a daughter. */
		static final String[] RUSSIAN_PATRONYMICS = split("""
				Александров Сергеев Андреев Владимиров Николаев Олегов Игорев Викторов Юрьев Евгеньев Дмитриев
				Алексеев Михайлов Павлов Петров Иванов Анатольев Валерьев Геннадьев Васильев Константинов
				""");

		final List<Pupil> pupils = new ArrayList<>();

		final List<RegisterRecord> records = new ArrayList<>();

		/**
		 * Record id to the IIN of the pupil it belongs to, null for a child not in the
		 * extract.
		 */
		final Map<String, String> truth = new LinkedHashMap<>();

		/** Hand-made pupils by name. */
		private final Map<String, Pupil> named = new HashMap<>();

		private final Set<String> iins = new HashSet<>();

		private final SplittableRandom random = new SplittableRandom(20261203L);

		private long organisations;

		private Population() {
		}

		String iinOf(String name) {
			Pupil pupil = named.get(name);
			return pupil == null ? null : pupil.iin();
		}

		static Population build() {
			Population p = new Population();
			List<Pupil> background = new ArrayList<>();
			for (int i = 0; i < PUPILS; i++) {
				background.add(p.randomPupil());
			}
			List<Pupil> special = p.scenarios();
			// the hand-made pupils are spread through the stream, not at its end
			for (Pupil pupil : special) {
				background.add(p.random.nextInt(background.size() + 1), pupil);
			}
			p.pupils.addAll(background);
			for (int i = 0; i < PUPILS; i++) {
				if (p.random.nextDouble() < 0.06) {
					Pupil pupil = background.get(p.random.nextInt(background.size()));
					String id = "h-" + p.records.size();
					if (!p.truth.containsValue(pupil.iin()) && !p.named.containsValue(pupil)) {
						p.truth.put(id, pupil.iin());
						p.records.add(p.noisy(id, pupil));
					}
				}
				if (p.random.nextDouble() < 0.008) {
					// a child of the health registry who is not at school
					Pupil child = p.randomPupil();
					String id = "h-" + p.records.size() + "-absent";
					p.truth.put(id, null);
					p.records.add(p.noisy(id, child));
				}
			}
			return p;
		}

		/**
		 * The pupils and records of the hand-made cases; their records go to the list.
		 */
		private List<Pupil> scenarios() {
			List<Pupil> made = new ArrayList<>();
			String d08 = "KZ-61-D08";

			Pupil exact = pupil(made, "exact-iin-latin", "Жұмабаев", "Нұрсұлтан", "Ерланұлы", date(2014, 5, 17),
					Sex.MALE, d08, 3);
			record("exact-iin-latin", exact.iin(), "ZHUMABAEV", "NURSULTAN", "ERLANULY", exact.birthDate(), Sex.MALE,
					"/KZ/KZ-61/");

			Pupil digit = pupil(made, "iin-digit", "Сүлейменова", "Аружан", "Бауыржанқызы", date(2012, 9, 3),
					Sex.FEMALE, "KZ-75-D02", 1);
			pupil(made, "iin-digit-decoy", "Сүлейменова", "Аружан", "Мұратқызы", date(2012, 9, 3), Sex.FEMALE,
					"KZ-75-D02", 4);
			record("iin-digit", mistypeDigit(digit.iin()), "Сүлейменова", "Аружан", null, digit.birthDate(), Sex.FEMALE,
					"/KZ/KZ-75/KZ-75-D02/");

			Pupil swap = pupil(made, "iin-swap", "Тоқтаров", "Ерасыл", "Қайратұлы", date(2011, 2, 24), Sex.MALE,
					"KZ-43-D03", 2);
			pupil(made, "iin-swap-decoy", "Тоқтаров", "Ерасыл", "Асқарұлы", date(2011, 2, 24), Sex.MALE, "KZ-43-D03",
					5);
			record("iin-swap", swapNeighbours(swap.iin()), "Тоқтаров", "Ерасыл", null, swap.birthDate(), Sex.MALE,
					"/KZ/KZ-43/KZ-43-D03/");

			Pupil noIin = pupil(made, "no-iin", "Омарова", "Томирис", "Асқарқызы", date(2016, 11, 8), Sex.FEMALE,
					"KZ-61-D06", 2);
			record("no-iin", null, "Омарова", "Томирис", "Асқарқызы", noIin.birthDate(), Sex.FEMALE,
					"/KZ/KZ-61/KZ-61-D06/");

			Pupil passport = pupil(made, "passport", "Қожахметов", "Дінмұхамед", "Серікұлы", date(2013, 4, 12),
					Sex.MALE, d08, 1);
			record("passport", null, "Kozhakhmetov", "Dinmukhamed", "Serikuly", passport.birthDate(), Sex.MALE,
					"/KZ/KZ-61/KZ-61-D08/");

			Pupil latin = pupil(made, "latin-2021", "Шәкенова", "Әйгерім", "Жақсылыққызы", date(2010, 12, 30),
					Sex.FEMALE, "KZ-75-D01", 3);
			record("latin-2021", null, "Şäkenova", "Äigerım", "Jaqsylyqqyzy", latin.birthDate(), Sex.FEMALE,
					"/KZ/KZ-75/");

			Pupil folded = pupil(made, "folded", "Нұрпейісов", "Әлинұр", "Төлегенұлы", date(2017, 6, 21), Sex.MALE,
					"KZ-43-D01", 4);
			record("folded", null, "Нурпейисов", "Алинур", "Толегенулы", folded.birthDate(), Sex.MALE,
					"/KZ/KZ-43/KZ-43-D01/");

			Pupil typo = pupil(made, "surname-typo", "Байтұрсынова", "Ақбота", "Маратқызы", date(2012, 1, 15),
					Sex.FEMALE, "KZ-61-D05", 2);
			record("surname-typo", null, "Байтұрснова", "Ақбота", "Маратқызы", typo.birthDate(), Sex.FEMALE,
					"/KZ/KZ-61/KZ-61-D05/");

			Pupil noPatronymic = pupil(made, "no-patronymic", "Ермеков", "Бекзат", "Нұрланұлы", date(2015, 8, 9),
					Sex.MALE, "KZ-75-D03", 5);
			record("no-patronymic", null, "Ермеков", "Бекзат", null, noPatronymic.birthDate(), Sex.MALE,
					"/KZ/KZ-75/KZ-75-D03/");

			pupil(made, "day-month", "Исаева", "Камила", "Ерболқызы", date(2013, 3, 7), Sex.FEMALE, "KZ-43-D02", 1);
			record("day-month", null, "Исаева", "Камила", "Ерболқызы", date(2013, 7, 3), Sex.FEMALE,
					"/KZ/KZ-43/KZ-43-D02/");

			pupil(made, "day-month-typo", "Кенжебаева", "Сабина", "Ерікқызы", date(2011, 5, 9), Sex.FEMALE, "KZ-75-D03",
					2);
			record("day-month-typo", null, "Кенжебева", "Сабина", "Ерікқызы", date(2011, 9, 5), Sex.FEMALE,
					"/KZ/KZ-75/KZ-75-D03/");

			Pupil swapped = pupil(made, "names-swapped", "Сейітов", "Алихан", "Маратұлы", date(2014, 10, 2), Sex.MALE,
					"KZ-61-D07", 3);
			record("names-swapped", null, "Алихан", "Сейітов", "Маратұлы", swapped.birthDate(), Sex.MALE,
					"/KZ/KZ-61/KZ-61-D07/");

			pupil(made, "swapped-year-boy", "Абенов", "Бекзат", "Серікұлы", date(2012, 6, 15), Sex.MALE, "KZ-43-D01",
					1);
			record("swapped-year-boy", null, "Бекзат", "Абенов", "Серікұлы", date(2013, 6, 15), Sex.MALE,
					"/KZ/KZ-43/KZ-43-D01/");
			pupil(made, "swapped-year-girl", "Абенова", "Айгерім", "Серікқызы", date(2012, 6, 14), Sex.FEMALE,
					"KZ-43-D01", 1);
			record("swapped-year-girl", null, "Айгерім", "Абенова", "Серікқызы", date(2013, 6, 14), Sex.FEMALE,
					"/KZ/KZ-43/KZ-43-D01/");

			// twins: one school, one birth date, consecutive IINs
			LocalDate twins = date(2015, 2, 14);
			Pupil arsen = twin(made, "twin-arsen", null, "Бекмұратов", "Арсен", "Серікұлы", twins, Sex.MALE,
					"KZ-61-D06", 4);
			Pupil arman = twin(made, "twin-arman", arsen, "Бекмұратов", "Арман", "Серікұлы", twins, Sex.MALE,
					"KZ-61-D06", 4);
			record("twin-arsen", null, "Бекмұратов", "Арсен", "Серікұлы", twins, Sex.MALE, "/KZ/KZ-61/KZ-61-D06/");
			record("twin-arman", null, "Bekmuratov", "Arman", "Serikuly", twins, Sex.MALE, "/KZ/KZ-61/KZ-61-D06/");

			LocalDate sisters = date(2018, 9, 27);
			Pupil aruzhan = twin(made, "twin-aruzhan", null, "Әбілова", "Аружан", "Қанатқызы", sisters, Sex.FEMALE,
					"KZ-75-D04", 2);
			twin(made, "twin-ayazhan", aruzhan, "Әбілова", "Аяжан", "Қанатқызы", sisters, Sex.FEMALE, "KZ-75-D04", 2);
			record("twin-ayazhan", null, "Abilova", "Ayazhan", "Kanatkyzy", sisters, Sex.FEMALE,
					"/KZ/KZ-75/KZ-75-D04/");

			LocalDate girls = date(2019, 5, 30);
			Pupil ailin = twin(made, "twin-ailin", null, "Жүсіпова", "Айлин", "Ержанқызы", girls, Sex.FEMALE,
					"KZ-43-D02", 3);
			twin(made, "twin-unnamed", ailin, "Жүсіпова", "Айгүл", "Ержанқызы", girls, Sex.FEMALE, "KZ-43-D02", 3);
			record("twin-ailin", null, "Жүсіпова", "Айлин", "Ержанқызы", girls, Sex.FEMALE, "/KZ/KZ-43/KZ-43-D02/");
			record("twin-unnamed", null, "Жусипова", null, "Ержанкызы", girls, Sex.FEMALE, "/KZ/KZ-43/KZ-43-D02/");

			// children of the registry who are not at school, with a namesake born the
			// same day
			pupil(made, "absent-namesake", "Ахметова", "Жансая", "Ерланқызы", date(2016, 4, 19), Sex.FEMALE,
					"KZ-43-D04", 3);
			record("absent", Iin.of(date(2016, 4, 19), Sex.FEMALE, 9001), "Ахметова", "Дана", "Болатқызы",
					date(2016, 4, 19), Sex.FEMALE, "/KZ/KZ-43/KZ-43-D04/");
			pupil(made, "absent-no-iin-namesake", "Тұрсынов", "Санжар", "Мұратұлы", date(2019, 1, 23), Sex.MALE,
					"KZ-61-D05", 1);
			record("absent-no-iin", null, "Тұрсынов", "Тимур", "Асхатұлы", date(2019, 1, 23), Sex.MALE,
					"/KZ/KZ-61/KZ-61-D05/");

			// two pupils of one common name and birth date; the record says no more
			pupil(made, "ambiguous-1", "Серікбаев", "Нұрислам", "Ерланұлы", date(2013, 9, 1), Sex.MALE, "KZ-61-D07", 1);
			pupil(made, "ambiguous-2", "Серікбаев", "Нұрислам", "Болатұлы", date(2013, 9, 1), Sex.MALE, "KZ-61-D07", 5);
			record("ambiguous", null, "Серікбаев", "Нұрислам", null, date(2013, 9, 1), Sex.MALE,
					"/KZ/KZ-61/KZ-61-D07/");

			// a pair a reviewer confirmed, since when the pupil has changed surname and
			// moved
			pupil(made, "confirmed-weak", "Тоқаева", "Айым", "Ержанқызы", date(2014, 3, 25), Sex.FEMALE, "KZ-43-D01",
					3);
			record("confirmed-weak", null, "Қалиева", "Айым", null, date(2014, 3, 5), Sex.FEMALE, "/KZ/KZ-75/");
			return made;
		}

		private Pupil pupil(List<Pupil> made, String name, String surname, String given, String patronymic,
				LocalDate birth, Sex sex, String district, int school) {
			Pupil pupil = new Pupil(freshIin(birth, sex), surname, given, patronymic, birth, sex,
					organisationId(district, school), path(district, school));
			named.put(name, pupil);
			made.add(pupil);
			return pupil;
		}

		/** A pupil whose IIN follows that of the twin born first. */
		private Pupil twin(List<Pupil> made, String name, Pupil first, String surname, String given, String patronymic,
				LocalDate birth, Sex sex, String district, int school) {
			String iin;
			if (first == null) {
				iin = freshIin(birth, sex);
			}
			else {
				int serial = Integer.parseInt(first.iin().substring(7, 11)) + 1;
				iin = Iin.of(birth, sex, serial);
				if (!iins.add(iin)) {
					throw new IllegalStateException("twin IIN taken");
				}
			}
			Pupil pupil = new Pupil(iin, surname, given, patronymic, birth, sex, organisationId(district, school),
					path(district, school));
			named.put(name, pupil);
			made.add(pupil);
			return pupil;
		}

		private void record(String id, String iin, String surname, String given, String patronymic, LocalDate birth,
				Sex sex, String path) {
			records.add(new RegisterRecord(id, iin, surname, given, patronymic, birth, sex, path));
			Pupil pupil = named.get(id);
			truth.put(id, pupil == null ? null : pupil.iin());
		}

		private Pupil randomPupil() {
			Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
			boolean female = sex == Sex.FEMALE;
			String surname;
			String given;
			String patronymic;
			if (random.nextDouble() < 0.7) {
				surname = pick(KAZAKH_SURNAMES);
				given = pick(female ? KAZAKH_FEMALE : KAZAKH_MALE);
				String father = pick(KAZAKH_FATHERS);
				patronymic = random.nextDouble() < 0.7 ? father + (female ? "қызы" : "ұлы")
						: Romanisation.fold(father) + (female ? "овна" : "ович");
			}
			else {
				surname = pick(RUSSIAN_SURNAMES);
				given = pick(female ? RUSSIAN_FEMALE : RUSSIAN_MALE);
				patronymic = pick(RUSSIAN_PATRONYMICS) + (female ? "на" : "ич");
			}
			if (female && (surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("ёв")
					|| surname.endsWith("ин"))) {
				surname = surname + "а";
			}
			LocalDate first = LocalDate.of(2009, 1, 1);
			LocalDate birth = first
				.plusDays(random.nextInt((int) (LocalDate.of(2020, 12, 31).toEpochDay() - first.toEpochDay() + 1)));
			String district = REGIONS[random.nextInt(REGIONS.length)] + "-D0" + (1 + random.nextInt(DISTRICTS));
			if (district.startsWith("KZ-61")) {
				// the districts of KZ-61 are D05 to D08
				district = district.substring(0, district.length() - 1)
						+ (char) (district.charAt(district.length() - 1) + DISTRICTS);
			}
			int school = 1 + random.nextInt(SCHOOLS);
			return new Pupil(freshIin(birth, sex), surname, given, patronymic, birth, sex,
					organisationId(district, school), path(district, school));
		}

		/** The record of a pupil as the health registry keeps it. */
		RegisterRecord noisy(String id, Pupil pupil) {
			String iin = pupil.iin();
			if (random.nextDouble() < 0.05) {
				iin = null;
			}
			else if (random.nextDouble() < 0.03) {
				iin = random.nextBoolean() ? mistypeDigit(iin) : swapNeighbours(iin);
			}
			String surname = pupil.surname();
			String given = pupil.givenName();
			String patronymic = pupil.patronymic();
			if (random.nextDouble() < 0.03) {
				surname = typo(surname);
			}
			if (random.nextDouble() < 0.15) {
				surname = Romanisation.fold(surname);
				given = Romanisation.fold(given);
				patronymic = Romanisation.fold(patronymic);
			}
			if (random.nextDouble() < 0.10) {
				boolean passport = random.nextBoolean();
				boolean capitals = passport && random.nextDouble() < 0.4;
				surname = Romanisation.latin(surname, passport, capitals);
				given = Romanisation.latin(given, passport, capitals);
				patronymic = Romanisation.latin(patronymic, passport, capitals);
			}
			if (random.nextDouble() < 0.03) {
				String g = given;
				given = surname;
				surname = g;
			}
			if (random.nextDouble() < 0.20) {
				patronymic = null;
			}
			LocalDate birth = pupil.birthDate();
			if (random.nextDouble() < 0.01 && birth.getDayOfMonth() <= 12
					&& birth.getDayOfMonth() != birth.getMonthValue()) {
				birth = LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue());
			}
			String path = pupil.path();
			String district = path.substring(0, path.indexOf('/', "/KZ/KZ-61/".length()) + 1);
			String region = path.substring(0, "/KZ/KZ-61/".length());
			return new RegisterRecord(id, iin, surname, given, patronymic, birth, pupil.sex(),
					random.nextDouble() < 0.7 ? district : region);
		}

		private String typo(String word) {
			if (word.length() < 4) {
				return word;
			}
			StringBuilder s = new StringBuilder(word);
			int at = 1 + random.nextInt(word.length() - 2);
			switch (random.nextInt(3)) {
				case 0 -> s.deleteCharAt(at);
				case 1 -> s.insert(at, s.charAt(at));
				default -> {
					char c = s.charAt(at);
					s.setCharAt(at, s.charAt(at + 1));
					s.setCharAt(at + 1, c);
				}
			}
			String result = s.toString();
			return result.equals(word) ? word.substring(0, at) + word.substring(at + 1) : result;
		}

		private String pick(String[] names) {
			// the first names of a list are far more common than the last
			double r = random.nextDouble();
			return names[(int) (names.length * r * r)];
		}

		private String freshIin(LocalDate birth, Sex sex) {
			while (true) {
				String iin = Iin.of(birth, sex, random.nextInt(9000));
				if (iins.add(iin)) {
					return iin;
				}
			}
		}

		private long organisationId(String district, int school) {
			return district.hashCode() * 100L + school;
		}

		private static String path(String district, int school) {
			String region = district.substring(0, district.lastIndexOf('-'));
			return "/KZ/" + region + "/" + district + "/" + district + "-G000" + school + "/";
		}

		private static LocalDate date(int year, int month, int day) {
			return LocalDate.of(year, month, day);
		}

		private static String[] split(String text) {
			return text.trim().split("\\s+");
		}

	}

	/** One digit replaced so that the IIN is no longer valid. */
	static String mistypeDigit(String iin) {
		for (int at = 8; at < 11; at++) {
			for (int d = 1; d < 10; d++) {
				char[] digits = iin.toCharArray();
				digits[at] = (char) ('0' + (digits[at] - '0' + d) % 10);
				String typed = new String(digits);
				if (!Iin.isValid(typed)) {
					return typed;
				}
			}
		}
		throw new IllegalStateException("every one-digit typo is valid");
	}

	/** Two different neighbouring digits swapped so that the IIN is no longer valid. */
	static String swapNeighbours(String iin) {
		for (int at = 7; at < 11; at++) {
			if (iin.charAt(at) != iin.charAt(at + 1)) {
				char[] digits = iin.toCharArray();
				digits[at] = iin.charAt(at + 1);
				digits[at + 1] = iin.charAt(at);
				String typed = new String(digits);
				if (!Iin.isValid(typed)) {
					return typed;
				}
			}
		}
		throw new IllegalStateException("no swap gives an invalid IIN");
	}

	/**
	 * The spellings other registers use: Kazakh letters folded, the passport style and
	 * the Kazakh Latin alphabet of 2021, as the generator writes them.
	 */
	static final class Romanisation {

		private static final String FOLD_FROM = "әғқңөұүіһӘҒҚҢӨҰҮІҺ";

		private static final String FOLD_TO = "агкноууихАГКНОУУИХ";

		private static final String LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүіһ";

		private static final String[] PASSPORT = { "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l",
				"m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu",
				"ia", "a", "g", "k", "n", "o", "u", "u", "i", "h" };

		private static final String[] LATIN_2021 = { "a", "b", "v", "g", "d", "e", "io", "j", "z", "i", "i", "k", "l",
				"m", "n", "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "ş", "şş", "", "y", "", "e", "iu", "ia",
				"ä", "ğ", "q", "ñ", "ö", "ū", "ü", "ı", "h" };

		private Romanisation() {
		}

		static String fold(String text) {
			if (text == null) {
				return null;
			}
			StringBuilder out = new StringBuilder(text);
			for (int i = 0; i < out.length(); i++) {
				int at = FOLD_FROM.indexOf(out.charAt(i));
				if (at >= 0) {
					out.setCharAt(i, FOLD_TO.charAt(at));
				}
			}
			return out.toString();
		}

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

	}

}
