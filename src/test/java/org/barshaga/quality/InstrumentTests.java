package org.barshaga.quality;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Instruments as data: the shipped ones, drafts, and a published version that never
 * changes.
 */
@BarshagaTest
class InstrumentTests {

	static final List<String> SHIPPED = List.of("BARRIERS", "PARENT_SEN", "PUPIL_VOICE", "SCHOOL_SELF_REVIEW",
			"TEACHER_EFFICACY");

	@Autowired
	Instruments instruments;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theShippedInstrumentsArePublishedAndReadBackExactlyAsWritten() {
		List<InstrumentVersion> files = ShippedInstruments.read();
		assertThat(files).extracting(InstrumentVersion::code).containsExactlyInAnyOrderElementsOf(SHIPPED);
		for (InstrumentVersion file : files) {
			InstrumentVersion stored = instruments.definition(file.code(), file.version());
			assertThat(stored.status()).isEqualTo(VersionStatus.PUBLISHED);
			assertThat(stored).isEqualTo(file.withStatus(VersionStatus.PUBLISHED));
		}
		assertThat(instruments.catalogue()).filteredOn(i -> SHIPPED.contains(i.code()))
			.allSatisfy(i -> assertThat(i.versions()).anySatisfy(v -> {
				assertThat(v.version()).isEqualTo(1);
				assertThat(v.status()).isEqualTo(VersionStatus.PUBLISHED);
				assertThat(v.publishedAt()).isNotNull();
			}));
	}

	@Test
	void theShippedInstrumentsHaveTheirScalesAndEasyReadTexts() {
		Map<String, List<String>> scales = Map.of("SCHOOL_SELF_REVIEW", List.of("CULTURES", "POLICIES", "PRACTICES"),
				"TEACHER_EFFICACY", List.of("INSTRUCTION", "COLLABORATION", "BEHAVIOUR", "ATTITUDES"), "PARENT_SEN",
				List.of("PARTNERSHIP", "SUPPORT", "WELLBEING", "DISCRIMINATION"), "PUPIL_VOICE",
				List.of("BELONGING", "HELP", "LEFT_OUT"), "BARRIERS",
				List.of("INFRASTRUCTURE", "STAFF", "FUNDING", "ADMINISTRATION", "SOCIAL"));
		scales.forEach((code, expected) -> assertThat(instruments.definition(code, 1).scales()).extracting(Scale::code)
			.containsExactlyElementsOf(expected));
		for (String code : List.of("PARENT_SEN", "PUPIL_VOICE")) {
			InstrumentVersion version = instruments.definition(code, 1);
			assertThat(version.intro().easyRead()).isNotNull();
			assertThat(version.items()).allSatisfy(item -> {
				assertThat(item.text().easyRead()).as(item.code()).isNotNull();
				assertThat(item.options()).allSatisfy(o -> assertThat(o.label().easyRead()).isNotNull());
			});
		}
		assertThat(instruments.definition("TEACHER_EFFICACY", 1).item("IN_1").orElseThrow().points()).isEqualTo(6);
		assertThat(instruments.definition("PUPIL_VOICE", 1).item("BL_1").orElseThrow().options())
			.extracting(Option::picture)
			.containsExactly("SAD", "NEUTRAL", "HAPPY");
		// every section of the self-review ends with its evidence note
		assertThat(instruments.definition("SCHOOL_SELF_REVIEW", 1).sections()).allSatisfy(
				section -> assertThat(section.items().get(section.items().size() - 1).type()).isEqualTo(ItemType.TEXT));
		for (String code : SHIPPED) {
			assertThat(instruments.definition(code, 1).items()).as(code)
				.allSatisfy(item -> assertThat(item.text().text().kk()).isNotEqualTo(item.text().text().ru()));
		}
	}

	@Test
	void aPublishedVersionNeverChangesAndANewVersionIsANewRow() {
		instruments.saveDraft(draft("QT_PUBLISHING", 1, "Бірінші"));
		instruments.saveDraft(draft("QT_PUBLISHING", 1, "Екінші"));
		assertThat(instruments.definition("QT_PUBLISHING", 1).status()).isEqualTo(VersionStatus.DRAFT);
		assertThat(instruments.definition("QT_PUBLISHING", 1).items().get(0).text().text().kk()).isEqualTo("Екінші");
		instruments.publish("QT_PUBLISHING", 1);

		assertThatThrownBy(() -> instruments.saveDraft(draft("QT_PUBLISHING", 1, "Үшінші"))).isInstanceOfSatisfying(
				InvalidInputException.class,
				invalid -> assertThat(invalid.problems()).extracting(InvalidInputException.Problem::messageKey)
					.containsExactly("quality.draft.published"));
		assertThatThrownBy(() -> instruments.publish("QT_PUBLISHING", 1)).isInstanceOf(InvalidInputException.class);
		InstrumentVersion published = instruments.definition("QT_PUBLISHING", 1);
		assertThat(published.status()).isEqualTo(VersionStatus.PUBLISHED);
		assertThat(published.items().get(0).text().text().kk()).isEqualTo("Екінші");

		instruments.saveDraft(draft("QT_PUBLISHING", 2, "Үшінші"));
		assertThat(instruments.definition("QT_PUBLISHING", 2).items().get(0).text().text().kk()).isEqualTo("Үшінші");
		assertThat(instruments.definition("QT_PUBLISHING", 1).items().get(0).text().text().kk()).isEqualTo("Екінші");
		assertThat(instruments.catalogue()).filteredOn(i -> i.code().equals("QT_PUBLISHING"))
			.singleElement()
			.satisfies(i -> assertThat(i.versions()).extracting(Instrument.Version::version, Instrument.Version::status)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(1, VersionStatus.PUBLISHED),
						org.assertj.core.groups.Tuple.tuple(2, VersionStatus.DRAFT)));
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM quality_instrument_version WHERE instrument_code = 'QT_PUBLISHING'""")
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThatThrownBy(() -> instruments.definition("QT_PUBLISHING", 3)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void aMalformedDraftIsRefusedWholeAndNothingIsStored() {
		Item threePoints = new Item("Q1", ItemType.LIKERT, texts("Сұрақ", null), options(1, 3), false, false, null,
				null, null, null);
		Item hidden = new Item("Q2", ItemType.LIKERT, texts("Сұрақ", null), options(1, 4), false, false, "NOWHERE",
				List.of(BigDecimal.ONE), null, null);
		Item text = new Item("Q3", ItemType.TEXT, texts("Сұрақ", null), List.of(), false, false, null, null, null,
				null);
		InstrumentVersion draft = new InstrumentVersion("QT_MALFORMED", 1, VersionStatus.DRAFT, Respondent.PUPIL,
				name("Құрал"), texts("Кіріспе", null),
				List.of(new Section("S", texts("Бөлім", null), List.of(threePoints, hidden, text))),
				List.of(new Scale("SC", name("Шкала"), List.of("Q2", "Q3", "Q9"), List.of("Q1"), 4)));
		assertThatThrownBy(() -> instruments.saveDraft(draft)).isInstanceOfSatisfying(InvalidInputException.class,
				invalid -> assertThat(invalid.problems()).extracting(InvalidInputException.Problem::messageKey)
					.contains("quality.draft.easyRead", "quality.draft.options", "quality.draft.condition",
							"quality.draft.scaleItems"));
		Scale mixed = new Scale("SC", name("Шкала"), List.of("Q1", "Q2"), List.of(), 3);
		Item four = new Item("Q1", ItemType.LIKERT, texts("Сұрақ", null), options(1, 4), false, false, null, null, null,
				null);
		Item five = new Item("Q2", ItemType.LIKERT, texts("Сұрақ", null), options(1, 5), false, false, null, null, null,
				null);
		InstrumentVersion ranges = new InstrumentVersion("QT_MALFORMED", 1, VersionStatus.DRAFT, Respondent.TEACHER,
				name("Құрал"), texts("Кіріспе", null),
				List.of(new Section("S", texts("Бөлім", null), List.of(four, five, text))), List.of(mixed));
		assertThatThrownBy(() -> instruments.saveDraft(ranges)).isInstanceOfSatisfying(InvalidInputException.class,
				invalid -> assertThat(invalid.problems()).extracting(InvalidInputException.Problem::messageKey)
					.containsExactlyInAnyOrder("quality.draft.scaleRange", "quality.draft.minimum"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_instrument WHERE code = 'QT_MALFORMED'")
			.query(Long.class)
			.single()).isZero();
	}

	static InstrumentVersion draft(String code, int version, String firstText) {
		Item first = new Item("Q1", ItemType.LIKERT, texts(firstText, null), options(1, 4), true, false, null, null,
				null, null);
		Item second = new Item("Q2", ItemType.LIKERT, texts("Екінші сұрақ", null), options(1, 4), false, true, null,
				null, null, null);
		return new InstrumentVersion(code, version, VersionStatus.DRAFT, Respondent.TEACHER, name("Сынақ құралы"),
				texts("Кіріспе", null), List.of(new Section("S", texts("Бөлім", null), List.of(first, second))),
				List.of(new Scale("SC", name("Шкала"), List.of("Q1", "Q2"), List.of("Q2"), 2)));
	}

	static List<Option> options(int lowest, int highest) {
		return java.util.stream.IntStream.rangeClosed(lowest, highest)
			.mapToObj(v -> new Option(BigDecimal.valueOf(v), null, texts("Жауап " + v, null)))
			.toList();
	}

	static Texts texts(String kk, LocalizedName easy) {
		return new Texts(new LocalizedName(kk, kk + " (ru)", kk + " (en)"), easy);
	}

	static LocalizedName name(String kk) {
		return new LocalizedName(kk, kk + " (ru)", kk + " (en)");
	}

}
