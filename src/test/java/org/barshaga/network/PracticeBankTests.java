package org.barshaga.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.Level;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.learner.SenCategory;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bank of practical solutions through its pages and service: a school writes a
 * practice, a resource centre of its region returns and then publishes it, files are
 * recognised by their content and size, search finds words in their other forms in the
 * three languages, and other schools say they tried it. Drafts stay with their place.
 */
@BarshagaTest
class PracticeBankTests {

	static final String CENTRE = "bank.test.centre";

	static final String FAR_CENTRE = "bank.test.farcentre";

	static final String OTHER_SCHOOL = "bank.test.other";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Practices practices;

	@Autowired
	Indicators indicators;

	@BeforeEach
	void accounts() {
		account(CENTRE, "SPECIALIST",
				"SELECT MIN(code) FROM organisation WHERE type = 'RESOURCE_CENTRE' AND status = 'OPEN' AND path LIKE '/KZ/KZ-61/%'");
		account(FAR_CENTRE, "SPECIALIST",
				"SELECT MIN(code) FROM organisation WHERE type = 'RESOURCE_CENTRE' AND status = 'OPEN' AND path LIKE '/KZ/KZ-75/%'");
		account(OTHER_SCHOOL, "SCHOOL_COORDINATOR", "SELECT 'KZ-61-D08-S002'");
	}

	@Test
	void aResourceCentreOfTheRegionReturnsAndThenPublishesAPractice() throws Exception {
		form(Demo.SCHOOL,
				post("/practices?lang=en").param("practiceLanguage", "en")
					.param("practiceTitle", "Bank test: half-done"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("choose at least one barrier group"),
					containsString("What was done: this field is required"))));
		form(Demo.RESEARCHER, post("/practices").param("practiceTitle", "x")).andExpect(status().isForbidden());
		long id = create(Demo.SCHOOL, "en", "Bank test: quiet corner for breaks",
				"A quiet corner with cushions and headphones where pupils calm down during noisy breaks.");

		// a draft stays with its place and the officers above it
		page(OTHER_SCHOOL, get("/practices/" + id)).andExpect(status().isNotFound());
		page(Demo.RESEARCHER, get("/practices/" + id)).andExpect(status().isNotFound());
		page(Demo.DISTRICT_SARYAGASH, get("/practices/" + id)).andExpect(status().isOk());
		page(CENTRE, get("/practices/" + id)).andExpect(status().isNotFound());
		assertThat(found("headphones cushions")).doesNotContain(id);

		form(Demo.SCHOOL, step(id, "submit", 0)).andExpect(status().is3xxRedirection());
		page(CENTRE, get("/practices?lang=en")).andExpect(content().string(containsString("/practices/" + id + "\"")));
		form(Demo.SCHOOL, step(id, "publish", 1)).andExpect(status().isForbidden());
		form(FAR_CENTRE, step(id, "publish", 1)).andExpect(status().isNotFound());
		form(CENTRE, step(id, "return", 1)).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Note: this field is required")));
		form(CENTRE, step(id, "return", 1).param("moderationNote", "Say how long the pupils stay in the corner."))
			.andExpect(status().is3xxRedirection());
		assertThat(stateOf(id)).isEqualTo("RETURNED");
		page(Demo.SCHOOL, get("/practices/" + id + "?lang=en"))
			.andExpect(content().string(containsString("Say how long the pupils stay")));

		form(Demo.SCHOOL, edit(id, 2, "Pupils stay up to ten minutes; headphones and cushions help them calm down."))
			.andExpect(status().is3xxRedirection());
		form(Demo.SCHOOL, edit(id, 2, "A stale edit")).andExpect(status().isConflict());
		form(Demo.SCHOOL, step(id, "submit", 3)).andExpect(status().is3xxRedirection());
		form(CENTRE, step(id, "publish", 3)).andExpect(status().isConflict())
			.andExpect(content().string(containsString("someone else changed this record")));
		form(CENTRE, step(id, "publish", 4)).andExpect(status().is3xxRedirection());
		assertThat(stateOf(id)).isEqualTo("PUBLISHED");
		form(CENTRE, step(id, "publish", 5)).andExpect(status().isUnprocessableContent());

		// published: everyone signed in reads it, nobody edits it
		page(OTHER_SCHOOL, get("/practices/" + id + "?lang=en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("ten minutes")));
		page(Demo.RESEARCHER, get("/practices/" + id)).andExpect(status().isOk());
		page(Demo.SCHOOL, get("/practices/" + id + "/edit")).andExpect(status().isForbidden());
		form(Demo.SCHOOL, edit(id, 5, "Changed after publication")).andExpect(status().isUnprocessableContent());
		assertThat(found("headphones cushions")).contains(id);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_type = 'practice' AND record_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(6);
	}

	@Test
	void filesAreRecognisedByTheirContentAndRefusedOverTheLimit() throws Exception {
		long id = create(Demo.SCHOOL, "en", "Bank test: files", "Pictures of the adapted classroom.");
		byte[] png = bytes(new int[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, 200);
		upload(id, 0, "classroom.png", png).andExpect(status().is3xxRedirection());
		upload(id, 0, "report.pdf", png).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("the content of report.pdf is not a PDF file")));
		upload(id, 0, "run.exe", png).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("only PDF, Word (DOCX), PNG and JPEG")));
		byte[] big = bytes(new int[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, PracticeFiles.MAX_BYTES + 1);
		upload(id, 0, "big.pdf", big).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("big.pdf is too large: at most 5 MB")));
		upload(id, 0, "plan.docx", zip("[Content_Types].xml", "word/document.xml"))
			.andExpect(status().is3xxRedirection());
		upload(id, 0, "sheet.docx", zip("[Content_Types].xml", "xl/workbook.xml"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("is not a DOCX file")));
		upload(id, 0, "", png).andExpect(status().isUnprocessableContent());
		List<Practice.File> files = practices.read(actor(), id).files();
		assertThat(files).extracting(Practice.File::name).containsExactly("classroom.png", "plan.docx");
		assertThat(files.get(0).contentType()).isEqualTo("image/png");

		page(Demo.SCHOOL, get("/practices/" + id + "/files/" + files.get(0).id())).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().bytes(png));
		page(Demo.SCHOOL, get("/practices/" + id + "/files/" + files.get(1).id()))
			.andExpect(header().string("Content-Disposition", containsString("attachment")));
		// a draft's files are as private as the draft
		page(OTHER_SCHOOL, get("/practices/" + id + "/files/" + files.get(0).id())).andExpect(status().isNotFound());
		form(OTHER_SCHOOL,
				multipart("/practices/" + id + "/files").file(new MockMultipartFile("file", "x.png", "image/png", png))
					.param("version", "0"))
			.andExpect(status().isNotFound());
	}

	@Test
	void searchFindsAWordInItsOtherFormsInTheThreeLanguages() throws Exception {
		long kazakh = publish("kk", "Банк тесті: көрнекі кесте",
				"Мектептерде көрнекі кестелерді ілдік, мұғалімдер балаларға күн тәртібін түсіндірді.");
		long russian = publish("ru", "Банк тест: карточки для общения",
				"Учителями начальных классов введены карточки для общения с детьми без речи.");
		long english = publish("en", "Bank test: picture cards",
				"Teachers used picture cards with the children who do not speak.");
		// Kazakh: a plural dative, a possessive dative and a genitive find the forms
		// written
		assertThat(found("кестелерге")).contains(kazakh);
		assertThat(found("мектебіне")).contains(kazakh);
		assertThat(found("мұғалімнің балалардың")).contains(kazakh).doesNotContain(russian, english);
		// Russian and English
		assertThat(found("учитель карточкам")).contains(russian).doesNotContain(kazakh, english);
		assertThat(found("teacher card")).contains(english).doesNotContain(kazakh, russian);
		assertThat(found("speaking")).contains(english);
		// every word must be found
		assertThat(found("кестелерге жұлдызқұрт")).doesNotContain(kazakh);
		assertThat(found("")).isNotEmpty();
		// through the page, in the user's language
		page(OTHER_SCHOOL, get("/practices").param("q", "кестелерінде").param("lang", "kk")).andExpect(status().isOk())
			.andExpect(content().string(containsString("/practices/" + kazakh + "\"")));
		// open data lists them without their free text
		mvc.perform(get("/open-data/practices.csv?lang=en"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Банк тест: карточки для общения"), containsString("KZ-61-D08-S001"),
						containsString("Speech"), not(containsString("Учителями начальных классов")))));
		page(Demo.RESEARCHER, get("/practices").param("q", "учителям").param("lang", "ru"))
			.andExpect(content().string(allOf(containsString("/practices/" + russian + "\""),
					not(containsString("/practices/" + english + "\"")))));
	}

	@Test
	void otherSchoolsSayTheyTriedAPublishedPractice() throws Exception {
		long id = publish("ru", "Банк тест: утренний круг",
				"Каждое утро класс садится в круг и рассказывает о планах.");
		form(Demo.SCHOOL, post("/practices/" + id + "/tried").param("report", "Ours"))
			.andExpect(status().isForbidden());
		form(Demo.RESEARCHER, post("/practices/" + id + "/tried").param("report", "x"))
			.andExpect(status().isForbidden());
		form(OTHER_SCHOOL, post("/practices/" + id + "/tried?lang=en").param("report", " "))
			.andExpect(status().isUnprocessableContent());
		form(OTHER_SCHOOL,
				post("/practices/" + id + "/tried?lang=en").param("report", "Tried in grade 2 for a month; it works."))
			.andExpect(status().is3xxRedirection());
		form(OTHER_SCHOOL, post("/practices/" + id + "/tried?lang=en").param("report", "Again"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already reported")));
		page(Demo.RESEARCHER, get("/practices/" + id + "?lang=en"))
			.andExpect(content().string(containsString("Tried in grade 2 for a month")));
	}

	@Test
	void aPracticeCitesTheSchoolsOwnFiguresFromTheIndicators() throws Exception {
		long id = create(Demo.SCHOOL, "kk", "Банк тесті: мұғалімдерді оқыту", "Мұғалімдер курстан өтті.");
		int current = indicators.currentYear();
		form(Demo.SCHOOL,
				step(id, "figures", 0).param("indicator", "TRAINED_TEACHERS")
					.param("yearBefore", String.valueOf(current))
					.param("yearAfter", String.valueOf(current - 1)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("the year after must come after the year before")));
		form(Demo.SCHOOL, step(id, "figures", 0).param("indicator", "LEARNERS").param("yearBefore", "2000"))
			.andExpect(status().isUnprocessableContent());
		form(Demo.SCHOOL,
				step(id, "figures", 0).param("indicator", "TRAINED_TEACHERS")
					.param("yearBefore", String.valueOf(current - 1))
					.param("yearAfter", String.valueOf(current)))
			.andExpect(status().is3xxRedirection());
		Practice.Figure figure = practices.read(actor(), id).figures().get(0);
		assertThat(figure.before()).isEqualByComparingTo(value(current - 1));
		assertThat(figure.after()).isEqualByComparingTo(value(current));
	}

	private java.math.BigDecimal value(int year) {
		return indicators.values(actor(), "TRAINED_TEACHERS", "KZ-61-D08-S001", year, Level.SELF, List.of())
			.total()
			.value();
	}

	private long publish(String language, String title, String text) {
		Actor school = new Actor(0, "bank-test", "Bank test", Role.SCHOOL_COORDINATOR,
				new DataScope("/KZ/KZ-61/KZ-61-D08/KZ-61-D08-S001/"));
		long id = practices.create(school, new PracticeDraft(language, title, text, EnumSet.of(BarrierGroup.STAFF),
				EnumSet.of(SenCategory.SPEECH), text, "Bank test", null, null, null, null, "Bank test results"));
		practices.submit(school, id, 0);
		String centre = jdbc.sql("SELECT scope_path FROM app_user WHERE username = :u")
			.param("u", CENTRE)
			.query(String.class)
			.single();
		practices.publish(new Actor(0, "bank-test", "Bank test", Role.SPECIALIST, new DataScope(centre)), id, 1);
		return id;
	}

	private List<Long> found(String words) {
		return practices.search(words).practices().stream().map(Practice::id).toList();
	}

	private Actor actor() {
		return new Actor(0, "bank-test", "Bank test", Role.SCHOOL_COORDINATOR,
				new DataScope("/KZ/KZ-61/KZ-61-D08/KZ-61-D08-S001/"));
	}

	private long create(String user, String language, String title, String whatDone) throws Exception {
		String location = form(user,
				post("/practices?lang=en").param("practiceLanguage", language)
					.param("practiceTitle", title)
					.param("problem", "Bank test problem")
					.param("barriers", "STAFF", "SOCIAL")
					.param("categories", "AUTISM")
					.param("whatDone", whatDone)
					.param("forWhom", "Bank test pupils")
					.param("results", "Bank test results"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private MockHttpServletRequestBuilder edit(long id, int version, String whatDone) {
		return post("/practices/" + id + "/edit?lang=en").param("version", String.valueOf(version))
			.param("practiceLanguage", "en")
			.param("practiceTitle", "Bank test: quiet corner for breaks")
			.param("problem", "Bank test problem")
			.param("barriers", "SOCIAL")
			.param("categories", "AUTISM")
			.param("whatDone", whatDone)
			.param("forWhom", "Bank test pupils")
			.param("results", "Bank test results");
	}

	private MockHttpServletRequestBuilder step(long id, String step, int version) {
		return post("/practices/" + id + "/" + step + "?lang=en").param("version", String.valueOf(version));
	}

	private ResultActions upload(long id, int version, String name, byte[] content) throws Exception {
		return form(Demo.SCHOOL,
				multipart("/practices/" + id + "/files?lang=en")
					.file(new MockMultipartFile("file", name, "application/octet-stream", content))
					.param("version", String.valueOf(version)));
	}

	private String stateOf(long id) {
		return jdbc.sql("SELECT status FROM practice WHERE id = :id").param("id", id).query(String.class).single();
	}

	private static byte[] bytes(int[] magic, int size) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, (byte) 'x');
		for (int i = 0; i < magic.length; i++) {
			bytes[i] = (byte) magic[i];
		}
		return bytes;
	}

	private static byte[] zip(String... entries) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write("<x/>".getBytes());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private void account(String username, String role, String organisationQuery) {
		if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		String code = jdbc.sql(organisationQuery).query(String.class).single();
		jdbc.sql("""
				INSERT INTO app_user (username, full_name, password_hash, role, scope_organisation_id, scope_path,
					enabled, created_at, created_by, updated_at, updated_by, version)
				SELECT :u, 'Bank Test', d.password_hash, :role, o.id, o.path, TRUE,
					CURRENT_TIMESTAMP, 'bank-test', CURRENT_TIMESTAMP, 'bank-test', 0
				FROM app_user d, organisation o WHERE d.username = 'school.demo' AND o.code = :code""")
			.param("u", username)
			.param("role", role)
			.param("code", code)
			.update();
	}

	private ResultActions page(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(user)).accept(MediaType.TEXT_HTML));
	}

	private ResultActions form(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.with(as(user)).with(csrf()).accept(MediaType.TEXT_HTML));
	}

}
