package org.barshaga.registry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.barshaga.support.Demo.ADMIN;
import static org.barshaga.support.Demo.MINISTRY;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BarshagaTest
class KatoImportTests {

	static final Actor ADMIN_ACTOR = new Actor(1, "admin", "Admin", Role.ADMIN, DataScope.NATION);

	static final LocalDate EFFECTIVE = LocalDate.of(2026, 1, 1);

	static final String TURKISTAN = """
			\uFEFFcode;parent_code;name_kk;name_ru
			610000000;;Түркістан облысы;Туркестанская область
			613400000;610000000;Сарыағаш ауданы;Сарыагашский район
			612800000;610000000;Қазығұрт ауданы;район Казыгурт
			613430000;613400000;Жібек жолы ауылдық округі;Сельский округ Жибек жолы
			""";

	@Autowired
	KatoImport kato;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	KatoImport.Report run(String csv, boolean dryRun) {
		return kato.run(ADMIN_ACTOR, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), EFFECTIVE, dryRun);
	}

	@Test
	@Transactional
	void linksExistingUnitsByNameRenamesWithHistoryAndAddsNewOnes() {
		KatoImport.Report report = run(TURKISTAN, false);
		assertThat(report.problems()).isEmpty();
		assertThat(report.applied()).isTrue();
		assertThat(report.count(KatoImport.ChangeKind.LINKED)).isEqualTo(3);
		assertThat(report.count(KatoImport.ChangeKind.RENAMED)).isEqualTo(1);
		assertThat(report.count(KatoImport.ChangeKind.ADDED)).isEqualTo(1);
		assertThat(unit("KZ-61-D08").get("kato_code")).isEqualTo("613400000");
		assertThat(unit("KZ-61-D04").get("name_ru")).isEqualTo("район Казыгурт");
		assertThat(jdbc.sql("SELECT name_ru FROM org_unit_name_history WHERE unit_code = 'KZ-61-D04'")
			.query(String.class)
			.single()).isEqualTo("Казыгуртский район");
		Map<String, Object> added = unit("KATO-613430000");
		assertThat(added.get("path")).isEqualTo("/KZ/KZ-61/KZ-61-D08/KATO-613430000/");
		assertThat(added.get("kind")).isEqualTo("rural_district");
		assertThat(added.get("name_en")).isEqualTo("Jıbek joly auyldyq okrugı");
		KatoImport.Report again = run(TURKISTAN, false);
		assertThat(again.changes()).as("a second import of the same file changes nothing").isEmpty();
	}

	@Test
	@Transactional
	void aDistrictMovedToANewRegionIsClosedAndReopenedWithEverythingBeneathIt() {
		run(TURKISTAN, false);
		String split = """
				code,parent_code,name_kk,name_ru
				619900000,,Жаңа облыс,Новая область
				613400000,619900000,Сарыағаш ауданы,Сарыагашский район
				""";
		KatoImport.Report report = run(split, false);
		assertThat(report.problems()).isEmpty();
		assertThat(report.count(KatoImport.ChangeKind.MOVED)).isEqualTo(1);
		Map<String, Object> old = unit("KZ-61-D08");
		assertThat(old.get("valid_to").toString()).isEqualTo("2026-01-01");
		assertThat(old.get("kato_code")).isNull();
		Map<String, Object> moved = unit("KATO-613400000");
		assertThat(moved.get("path")).isEqualTo("/KZ/KATO-619900000/KATO-613400000/");
		assertThat(moved.get("name_en")).isEqualTo("Saryagash District");
		assertThat(jdbc.sql("SELECT path FROM organisation WHERE code = 'KZ-61-D08-S001'").query(String.class).single())
			.isEqualTo("/KZ/KATO-619900000/KATO-613400000/KZ-61-D08-S001/");
		assertThat(jdbc.sql("SELECT org_unit_code FROM organisation WHERE code = 'KZ-61-D08-S001'")
			.query(String.class)
			.single()).isEqualTo("KATO-613400000");
		assertThat(unit("KATO-613430000").get("parent_code")).isEqualTo("KATO-613400000");
		Map<String, Object> officer = jdbc
			.sql("SELECT scope_unit_code, scope_path FROM app_user WHERE username = 'district.saryagash'")
			.query()
			.singleRow();
		assertThat(officer.get("scope_unit_code")).isEqualTo("KATO-613400000");
		assertThat(officer.get("scope_path")).isEqualTo("/KZ/KATO-619900000/KATO-613400000/");
		assertThat(
				jdbc.sql("SELECT scope_path FROM app_user WHERE username = 'school.demo'").query(String.class).single())
			.isEqualTo("/KZ/KATO-619900000/KATO-613400000/KZ-61-D08-S001/");
		assertThat(report.absent()).extracting(KatoImport.AbsentUnit::code).contains("KZ-61", "KZ-61-D04");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = 'KZ-61'").query(Long.class).single())
			.as("absent units are kept")
			.isEqualTo(1);
	}

	@Test
	void aBadLineStopsTheWholeImportAndIsReportedByLine() {
		long before = jdbc.sql("SELECT COUNT(*) FROM org_unit").query(Long.class).single();
		String bad = """
				code,parent_code,name_kk,name_ru
				610000000,,Түркістан облысы,Туркестанская область
				61340000,610000000,Сарыағаш ауданы,Сарыагашский район
				613500000,610000000,,Район без казахского названия
				613600000,777777777,Белгісіз,Неизвестный
				613700000,610000000,Жаңа аудан,Новый район
				""";
		KatoImport.Report report = run(bad, false);
		assertThat(report.applied()).isFalse();
		assertThat(report.problems()).extracting(KatoImport.LineProblem::line, KatoImport.LineProblem::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "code"),
					org.assertj.core.groups.Tuple.tuple(4, "name_kk"));
		String unknownParent = """
				code,parent_code,name_kk,name_ru
				613600000,777777777,Белгісіз,Неизвестный
				613700000,610000000,Жаңа аудан,Новый район
				""";
		KatoImport.Report second = run(unknownParent, false);
		assertThat(second.problems()).extracting(KatoImport.LineProblem::line, KatoImport.LineProblem::messageKey)
			.contains(org.assertj.core.groups.Tuple.tuple(2, "kato.error.unknownParent"));
		assertThat(second.applied()).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit").query(Long.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE kato_code IS NOT NULL").query(Long.class).single())
			.isZero();
	}

	@Test
	void aDryRunReportsTheChangesAndChangesNothing() {
		KatoImport.Report report = run(TURKISTAN, true);
		assertThat(report.applied()).isFalse();
		assertThat(report.count(KatoImport.ChangeKind.ADDED)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = 'KATO-613430000'").query(Long.class).single())
			.isZero();
		assertThat(unit("KZ-61-D04").get("name_ru")).isEqualTo("Казыгуртский район");
	}

	@Test
	void onlyAnAdministratorImports() throws Exception {
		Actor ministry = new Actor(2, "ministry", "Ministry", Role.MINISTRY, DataScope.NATION);
		assertThatThrownBy(() -> kato.run(ministry, new ByteArrayInputStream(new byte[0]), EFFECTIVE, true))
			.isInstanceOf(NotPermittedException.class);
		MockMultipartFile file = new MockMultipartFile("file", "kato.csv", "text/csv",
				TURKISTAN.getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/admin/kato-import").file(file).param("dryRun", "true").with(csrf()).with(as(MINISTRY)))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/admin/kato-import").file(file)
			.param("dryRun", "true")
			.param("lang", "en")
			.with(csrf())
			.with(as(ADMIN))).andExpect(status().isOk()).andExpect(content().string(containsString("Check complete")));
		mvc.perform(multipart("/admin/kato-import").param("lang", "en").with(csrf()).with(as(ADMIN)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("choose a file")));
	}

	private Map<String, Object> unit(String code) {
		return jdbc.sql("SELECT * FROM org_unit WHERE code = :code").param("code", code).query().singleRow();
	}

}
