package org.barshaga.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.barshaga.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.Sex;
import org.barshaga.learner.Citizenship;
import org.barshaga.learner.EducationForm;
import org.barshaga.learner.EnrolmentDraft;
import org.barshaga.learner.Learner;
import org.barshaga.learner.LearnerDraft;
import org.barshaga.learner.Learners;
import org.barshaga.registry.InstructionLanguage;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.barshaga.support.PageImports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Codes that name places arrive by the API, the pages and the imports, and are read back
 * from the generator's files through the same import. Every way refuses the same codes: a
 * slash (which would split a path), control and invisible characters, letters that only
 * look Latin. And a place is never found from the last segment of a path.
 */
@BarshagaTest
class OrganisationCodeAttackTests {

	private static final List<String> BAD = List.of("z/KZ-75-R01-S001", "KZ-61-D08-X\u0000", "КZ-61-D08-X1",
			"KZ-61-D08\u200BX2", "KZ-61-D08\u202EX3", "\uFB00-61-D08");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Learners learners;

	@Test
	void theApiRefusesEveryBadCode() throws Exception {
		long before = organisationsInSaryagash();
		for (String code : BAD) {
			String response = mvc
				.perform(post("/api/v1/organisations").with(as(Demo.DISTRICT_SARYAGASH))
					.header("Accept-Language", "en")
					.contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"code":"%s","type":"GENERAL_SCHOOL","names":{"kk":"Мектеп","ru":"Школа","en":"School"},
							 "orgUnitCode":"KZ-61-D08","settlement":"URBAN","ownership":"STATE","languages":["KK"]}
							""".formatted(code.replace("\u0000", "\\u0000"))))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(JsonPath.<List<String>>read(response, "$.errors[*].field")).as(code).containsExactly("code");
		}
		assertThat(organisationsInSaryagash()).isEqualTo(before);
	}

	@Test
	void theImportRefusesWhatTheApiRefusesAndRaisesLowerCaseAsTheApiDoes() throws Exception {
		StringBuilder file = new StringBuilder(
				"code,type,name_kk,name_ru,name_en,unit_code,settlement,ownership,languages,status,closed_on,pupils\n");
		for (String code : BAD) {
			file.append(row(code.contains(",") ? "\"" + code + "\"" : code));
		}
		file.append(row("kz-61-d08-attack1"));
		long run = upload(Demo.DISTRICT_SARYAGASH, "organisations", file.toString());
		assertThat(jdbc.sql("SELECT rows_rejected FROM import_run WHERE id = ?").param(run).query(Long.class).single())
			.isEqualTo(BAD.size());
		assertThat(
				jdbc.sql("SELECT path FROM organisation WHERE code = 'KZ-61-D08-ATTACK1'").query(String.class).single())
			.isEqualTo("/KZ/KZ-61/KZ-61-D08/KZ-61-D08-ATTACK1/");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM organisation WHERE code <> UPPER(code) OR code LIKE '%/%'")
			.query(Long.class)
			.single()).isZero();
		jdbc.sql("DELETE FROM organisation WHERE code = 'KZ-61-D08-ATTACK1'").update();
	}

	@Test
	@Transactional
	void theDatabaseRefusesACodeThatWouldSplitAPath() {
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO organisation (code, type, name_kk, name_ru, name_en, search_text, org_unit_code, path,
					settlement, ownership, languages, status, created_at, created_by, updated_at, updated_by, version)
				VALUES ('Z/KZ-75-R01-S001', 'GENERAL_SCHOOL', 'М', 'Ш', 'S', 's', 'KZ-61-D08',
					'/KZ/KZ-61/KZ-61-D08/Z/KZ-75-R01-S001/', 'URBAN', 'STATE', 'KK', 'OPEN', CURRENT_TIMESTAMP, 'test',
					CURRENT_TIMESTAMP, 'test', 0)""").update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	@Transactional
	void theDatabaseRefusesAUnitCodeInLowerCase() {
		assertThatThrownBy(() -> jdbc
			.sql("""
					INSERT INTO org_unit (code, parent_code, kind, path, depth, name_kk, name_ru, name_en, valid_from)
					VALUES ('kz-61-x99', 'KZ-61', 'district', '/KZ/KZ-61/kz-61-x99/', 2, 'А', 'Р', 'D', DATE '2020-01-01')""")
			.update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	/**
	 * A school whose path ends in another school's code (as a slash in a code once made
	 * possible): its coordinator's new learner is enrolled at the coordinator's own
	 * school, found by the whole path, never at the school the last segment names.
	 */
	@Test
	@Transactional
	void aCoordinatorsLearnerLandsAtTheirOwnSchoolWhateverThePathsLastSegmentSays() {
		String almaty = jdbc
			.sql("SELECT MIN(code) FROM organisation WHERE type = 'GENERAL_SCHOOL' AND path LIKE " + "'/KZ/KZ-75/%'")
			.query(String.class)
			.single();
		String path = "/KZ/KZ-61/KZ-61-D08/" + almaty + "/";
		jdbc.sql("""
				INSERT INTO organisation (code, type, name_kk, name_ru, name_en, search_text, org_unit_code, path,
					settlement, ownership, languages, status, created_at, created_by, updated_at, updated_by, version)
				VALUES ('KZ-61-D08-CRAFTED', 'GENERAL_SCHOOL', 'Мектеп', 'Школа', 'School', 'crafted', 'KZ-61-D08', ?,
					'URBAN', 'STATE', 'KK', 'OPEN', CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test', 0)""")
			.params(path)
			.update();
		long user = jdbc.sql("SELECT id FROM app_user WHERE username = ?")
			.params(Demo.SCHOOL)
			.query(Long.class)
			.single();
		Actor coordinator = new Actor(user, Demo.SCHOOL, "Coordinator", Role.SCHOOL_COORDINATOR, new DataScope(path));
		LocalDate birth = LocalDate.now().minusYears(9);
		String iin = freshIin(birth);
		Learner learner = learners
			.create(coordinator,
					new LearnerDraft(iin, null, "Тестов", "Тест", null, birth, Sex.MALE, Citizenship.KZ,
							InstructionLanguage.RU, null, "KZ-61-D08",
							new EnrolmentDraft(null, "3", "3А", EducationForm.INCLUSIVE_CLASS,
									LocalDate.now().minusDays(10), null),
							null))
			.learner();
		assertThat(jdbc.sql("SELECT path FROM learner WHERE id = ?").params(learner.id()).query(String.class).single())
			.as("the learner stays in the coordinator's scope")
			.startsWith(path);
		assertThat(jdbc
			.sql("""
					SELECT o.code FROM enrolment e JOIN organisation o ON o.id = e.organisation_id WHERE e.learner_id = ?""")
			.params(learner.id())
			.query(String.class)
			.single()).isEqualTo("KZ-61-D08-CRAFTED");
	}

	private String freshIin(LocalDate birth) {
		for (int serial = 7100;; serial++) {
			String iin = Iin.of(birth, Sex.MALE, serial);
			if (jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = ?").params(iin).query(Long.class).single() == 0) {
				return iin;
			}
		}
	}

	private static String row(String code) {
		return code + ",GENERAL_SCHOOL,Мектеп,Школа,School,KZ-61-D08,URBAN,STATE,KK,OPEN,,100\n";
	}

	private long organisationsInSaryagash() {
		return jdbc.sql("SELECT COUNT(*) FROM organisation WHERE path LIKE '/KZ/KZ-61/KZ-61-D08/%'")
			.query(Long.class)
			.single();
	}

	private long upload(String user, String register, String text) throws Exception {
		return PageImports.upload(mvc, jdbc, user, register, text, "valid-rows");
	}

}
