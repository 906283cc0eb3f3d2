package org.barshaga.quality;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The paper path: forms printed as PDF from the definition in the three languages, their
 * import template, and paper answers stored like online ones or refused whole.
 */
@BarshagaTest
class PaperTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Instruments instruments;

	@Test
	void theFormIsPrintedInTheThreeLanguagesWithItsItemsOptionValuesAndConditions() throws Exception {
		InstrumentVersion definition = instruments.definition("PARENT_SEN", 1);
		Item first = definition.item("PA_1").orElseThrow();
		Item missing = definition.item("SU_MISSING").orElseThrow();
		for (String language : List.of("kk", "ru", "en")) {
			Locale locale = Locale.forLanguageTag(language);
			String text = pdfText("/quality/instruments/PARENT_SEN/versions/1/paper.pdf?language=" + language);
			assertThat(text).contains(words(definition.name().in(locale)), "PA_1", words(first.text().in(locale)),
					words(missing.text().in(locale)), words(missing.options().get(0).label().in(locale)), "NA", "DK",
					"COMMENT");
			String easy = pdfText(
					"/quality/instruments/PARENT_SEN/versions/1/paper.pdf?easy=true&language=" + language);
			assertThat(easy).contains(words(first.text().easyIn(locale)));
		}
		String english = pdfText("/quality/instruments/PARENT_SEN/versions/1/paper.pdf?language=en");
		assertThat(english).contains(words("Answer only if your answer to SU_PLAN was"), words("from 0 to 100"),
				words("version 1"));
	}

	@Test
	void aRoundsFormNamesTheRoundTheSchoolAndTheVersionAndStaysInScope() throws Exception {
		long round = new RoundFixture(mvc).open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		String text = pdfText("/quality/rounds/" + round + "/paper.pdf?school=" + RoundFixture.SCHOOL + "&language=ru");
		assertThat(text).contains(RoundFixture.SCHOOL, "PARENT_SEN", words("версия 1"), words("Номер анкеты"),
				words("Тур опроса " + round));
		mvc.perform(get("/quality/rounds/" + round + "/paper.pdf?school=" + otherSchool(round)).with(as(Demo.SCHOOL)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/quality/rounds/" + round + "?lang=en").with(as(Demo.SCHOOL)))
			.andExpect(content().string(containsString("/quality/rounds/" + round + "/paper")));
		mvc.perform(get("/quality/instruments/PARENT_SEN/versions/1?lang=en").with(as(Demo.SCHOOL)))
			.andExpect(content().string(allOf(
					containsString("/quality/instruments/PARENT_SEN/versions/1/paper.pdf?language=kk&amp;easy=true"),
					containsString("Paper form (PDF), Русский"))));
		mvc.perform(get("/quality/rounds/" + round + "/paper?lang=en").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Import the answers"),
					containsString("/quality/instruments/PARENT_SEN/versions/1/paper.csv"))));
	}

	@Test
	void aGoodFileAddsOneResponsePerFormScoredByTheRuleAndCountedForTheSchool() throws Exception {
		RoundFixture fixture = new RoundFixture(mvc);
		long round = fixture.open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		String template = mvc.perform(get("/quality/instruments/PARENT_SEN/versions/1/paper.csv").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String[] lines = template.replace("\uFEFF", "").split("\r\n");
		assertThat(lines[0]).isEqualTo("instrument,PARENT_SEN,version,1");
		assertThat(lines[1]).startsWith("school,form,PA_1,PA_2").contains("SU_MISSING", "MEETINGS", "COMMENT");
		List<String> columns = List.of(lines[1].split(","));
		List<Map<String, String>> forms = List.of(form("1", "4", "5", "3", "4", "4", "1", "1;3", "12", "Good school"),
				form("2", "2", "na", "2", "3", "1", "dk", "", "0", ""),
				form("3", "5", "5", "5", "5", "5", "1", "2", "\"3,0\"", "\"quoted, with a comma\""));
		StringBuilder csv = new StringBuilder(lines[0] + "\r\n" + lines[1] + "\r\n");
		for (Map<String, String> form : forms) {
			csv.append(String.join(",", columns.stream().map(c -> form.getOrDefault(c, "")).toList())).append("\r\n");
		}
		upload(round, Demo.SCHOOL, csv.toString()).andExpect(status().isOk())
			.andExpect(content().string(containsString("3 paper forms were stored")));
		List<Double> stored = jdbc.sql("""
				SELECT s.score FROM quality_response_scale s JOIN quality_response r ON r.id = s.response_id
				WHERE r.round_id = :round AND s.scale_code = 'PARTNERSHIP' ORDER BY s.score""")
			.param("round", round)
			.query(Double.class)
			.list();
		List<Double> expected = new ArrayList<>();
		for (Map<String, String> form : forms) {
			Map<String, Object> answers = new LinkedHashMap<>();
			for (String item : List.of("PA_1", "PA_2", "PA_3", "PA_4", "PA_5")) {
				String value = form.get(item).toUpperCase(Locale.ROOT);
				answers.put(item, value.equals("NA") ? "NOT_APPLICABLE"
						: value.equals("DK") ? "DONT_KNOW" : Integer.valueOf(value));
			}
			expected.add(instruments.score("PARENT_SEN", 1, answers).get("PARTNERSHIP").score());
		}
		assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM quality_response_answer a JOIN quality_response r ON r.id = a.response_id
				WHERE r.round_id = :round AND a.item_code = 'SU_MISSING'""")
			.param("round", round)
			.query(Long.class)
			.single()).isEqualTo(3);
		mvc.perform(get("/api/v1/rounds/" + round).with(as(Demo.SCHOOL)))
			.andExpect(content().string(containsString("\"responses\":3")));
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORT' AND record_type = 'quality_round'"
					+ " AND record_id = :round")
			.param("round", String.valueOf(round))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void everyBadFormIsListedByLineAndColumnAndNothingIsKept() throws Exception {
		long round = new RoundFixture(mvc).open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		String head = "instrument,PARENT_SEN,version,1\nschool,form,PA_1,SU_PLAN,SU_MISSING,MEETINGS,COMMENT\n";
		String s = RoundFixture.SCHOOL;
		String file = head + s + ",1,4,1,1,5,fine\n" // a good form, not kept either
				+ s + ",2,9,,,,\n" // off the scale
				+ s + ",3,4,1,1;99,,\n" // not an option
				+ s + ",4,4,,,101,\n" // out of range
				+ s + ",5,4,,,," + "x".repeat(2001) + "\n" // text too long
				+ s + ",6,abc,,,,\n" // not a number
				+ s + ",7,4,0,2,,\n" // hidden item answered
				+ otherSchool(round) + ",8,4,,,,\n"; // another school than the
														// coordinator's
		upload(round, Demo.SCHOOL, file).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("nothing was stored (7 problems)"),
					containsString("Line 4, column C (PA_1): the answer to PA_1 is 9"),
					containsString("Line 5, column E (SU_MISSING): the answer to SU_MISSING is 99"),
					containsString("Line 6, column F (MEETINGS): the answer to MEETINGS is 101, outside 0 to 100"),
					containsString("Line 7, column G (COMMENT): the answer to COMMENT must be at most 2"),
					containsString("Line 8, column C (PA_1): the answer to PA_1 is &quot;abc&quot;"),
					containsString("Line 9, column E (SU_MISSING): item SU_MISSING is not asked"),
					containsString("Line 10, column A (school): the school " + otherSchool(round)))));
		assertThat(responses(round)).isZero();
		upload(round, Demo.SCHOOL, "instrument,PARENT_SEN,version,1\nschool,PA_1,NO_SUCH\n" + s + ",4,1\n").andExpect(
				content().string(containsString("Line 2, column C (NO_SUCH): the instrument has no item NO_SUCH")));
		assertThat(responses(round)).isZero();
		assertThat(jdbc
			.sql("SELECT codes_issued FROM quality_round_school s JOIN organisation o"
					+ " ON o.id = s.organisation_id WHERE s.round_id = :round AND o.code = :school")
			.param("round", round)
			.param("school", s)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aFileForAnotherVersionOrInstrumentIsRefusedNamingBoth() throws Exception {
		long round = new RoundFixture(mvc).open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		String rows = "school,PA_1\n" + RoundFixture.SCHOOL + ",4\n";
		upload(round, Demo.SCHOOL, "instrument,PARENT_SEN,version,2\n" + rows).andExpect(content()
			.string(containsString("The file is for PARENT_SEN version 2, but this round uses PARENT_SEN version 1")));
		upload(round, Demo.SCHOOL, "instrument;PUPIL_VOICE;version;1\n" + rows.replace(',', ';')).andExpect(content()
			.string(containsString("The file is for PUPIL_VOICE version 1, but this round uses PARENT_SEN version 1")));
		upload(round, Demo.SCHOOL, rows).andExpect(content().string(containsString("The first line must name")));
		assertThat(responses(round)).isZero();
	}

	@Test
	void aClosedRoundAndAnUploaderWithoutTheRightAreRefused() throws Exception {
		long round = new RoundFixture(mvc).open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		String file = "instrument,PARENT_SEN,version,1\nschool,PA_1\n" + RoundFixture.SCHOOL + ",4\n";
		mvc.perform(
				multipart("/quality/rounds/" + round + "/paper").file(csv(file)).with(as(Demo.SPECIALIST)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/quality/rounds/" + round + "/paper").file(csv(file)).with(as(Demo.PMPC)).with(csrf()))
			.andExpect(status().is4xxClientError());
		assertThat(responses(round)).isZero();
		upload(round, Demo.DISTRICT_SARYAGASH, file).andExpect(content().string(containsString("1 paper forms")));
		assertThat(responses(round)).isEqualTo(1);
		jdbc.sql("UPDATE quality_round SET opens_on = :opens, closes_on = :closes WHERE id = :round")
			.param("opens", java.sql.Date.valueOf(java.time.LocalDate.now().minusDays(20)))
			.param("closes", java.sql.Date.valueOf(java.time.LocalDate.now().minusDays(1)))
			.param("round", round)
			.update();
		upload(round, Demo.DISTRICT_SARYAGASH, file).andExpect(content().string(containsString("The round closed on")));
		assertThat(responses(round)).isEqualTo(1);
	}

	@Test
	void formsBeyondTheSchoolsPeopleToReachRefuseTheWholeFileForEverySchool() throws Exception {
		RoundFixture fixture = new RoundFixture(mvc);
		long round = fixture.open("PARENT_SEN", RoundFixture.DISTRICT, List.of());
		String other = otherSchool(round);
		int room = jdbc.sql("""
				SELECT s.expected FROM quality_round_school s JOIN organisation o ON o.id = s.organisation_id
				WHERE s.round_id = :round AND o.code = :school""")
			.param("round", round)
			.param("school", other)
			.query(Integer.class)
			.single();
		StringBuilder file = new StringBuilder("instrument,PARENT_SEN,version,1\nschool,PA_1\n");
		file.append(RoundFixture.SCHOOL).append(",4\n");
		for (int i = 0; i <= room; i++) {
			file.append(other).append(",3\n");
		}
		upload(round, Demo.DISTRICT_SARYAGASH, file.toString())
			.andExpect(content().string(containsString("The school " + other + " would get " + (room + 1))));
		assertThat(responses(round)).isZero();
		assertThat(jdbc.sql("SELECT SUM(codes_issued) FROM quality_round_school WHERE round_id = :round")
			.param("round", round)
			.query(Integer.class)
			.single()).isZero();
	}

	private static Map<String, String> form(String number, String pa1, String pa2, String pa3, String pa4, String pa5,
			String plan, String missing, String meetings, String comment) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("school", RoundFixture.SCHOOL);
		form.put("form", number);
		form.put("PA_1", pa1);
		form.put("PA_2", pa2);
		form.put("PA_3", pa3);
		form.put("PA_4", pa4);
		form.put("PA_5", pa5);
		form.put("SU_PLAN", plan);
		form.put("SU_MISSING", missing);
		form.put("MEETINGS", meetings);
		form.put("COMMENT", comment);
		return form;
	}

	private ResultActions upload(long round, String user, String file) throws Exception {
		return mvc.perform(multipart("/quality/rounds/" + round + "/paper").file(csv(file))
			.param("lang", "en")
			.with(as(user))
			.with(csrf()));
	}

	private static MockMultipartFile csv(String file) {
		return new MockMultipartFile("file", "paper.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8));
	}

	private long responses(long round) {
		return jdbc.sql("SELECT COUNT(*) FROM quality_response WHERE round_id = :round")
			.param("round", round)
			.query(Long.class)
			.single();
	}

	private String otherSchool(long round) {
		return jdbc.sql("""
				SELECT o.code FROM quality_round_school s JOIN organisation o ON o.id = s.organisation_id
				WHERE s.round_id = :round AND o.code <> :school ORDER BY o.code""")
			.param("round", round)
			.param("school", RoundFixture.SCHOOL)
			.query(String.class)
			.list()
			.get(0);
	}

	private String pdfText(String url) throws Exception {
		byte[] pdf = mvc.perform(get(url).with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return words(new PDFTextStripper().getText(document));
		}
	}

	/**
	 * The text without white space, which the PDF breaks lines at (and after hyphens).
	 */
	private static String words(String text) {
		return text.replaceAll("\\s+", "");
	}

}
