package org.barshaga.registry;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@BarshagaTest
class DemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoOrganisations demo;

	@Test
	void schoolCountsAndRuralSharesFollowTheCalibrationFigures() {
		assertThat(schools("KZ-61", null)).isEqualTo(1000);
		assertThat(schools("KZ-61", "RURAL")).isEqualTo(850);
		assertThat(schools("KZ-75", null)).isEqualTo(280);
		assertThat(schools("KZ-75", "RURAL")).isZero();
		assertThat(schools("KZ-59", null)).isEqualTo(450);
		assertThat(schools("KZ-59", "RURAL")).isEqualTo(405);
		for (String region : List.of("KZ-61", "KZ-75", "KZ-59")) {
			for (String type : List.of("PMPC", "KPPK", "SPECIAL_SCHOOL", "AUTISM_CENTRE", "RESOURCE_CENTRE")) {
				assertThat(jdbc.sql(
						"SELECT COUNT(*) FROM organisation WHERE created_by = 'demo-data' AND type = :t AND path LIKE :p")
					.param("t", type)
					.param("p", "/KZ/" + region + "/%")
					.query(Long.class)
					.single()).as(region + " " + type).isPositive();
			}
		}
	}

	@Test
	void everyDemoOrganisationSitsUnderItsUnit() {
		List<Map<String, Object>> wrong = jdbc.sql("""
				SELECT o.code FROM organisation o JOIN org_unit u ON u.code = o.org_unit_code
				WHERE o.path <> CONCAT(u.path, CONCAT(o.code, '/'))
				""").query().listOfRows();
		assertThat(wrong).isEmpty();
	}

	@Test
	void generationIsDeterministic() {
		List<Organisation> first = demo.generateAll();
		assertThat(demo.generateAll()).isEqualTo(first);
		assertThat(first).extracting(Organisation::code).doesNotHaveDuplicates();
	}

	@Test
	void theDemoAccountsAreBoundToTheirPlaces() {
		Map<String, String> scopes = Map.of("admin", "/KZ/", "ministry", "/KZ/", "region.turkistan", "/KZ/KZ-61/",
				"district.saryagash", "/KZ/KZ-61/KZ-61-D08/", "school.demo", "/KZ/KZ-61/KZ-61-D08/KZ-61-D08-S001/",
				"specialist.demo", "/KZ/KZ-61/KZ-61-D08/KZ-61-D08-S001/", "researcher", "/KZ/");
		scopes.forEach((username,
				path) -> assertThat(jdbc.sql("SELECT scope_path FROM app_user WHERE username = :u")
					.param("u", username)
					.query(String.class)
					.single()).as(username).isEqualTo(path));
		assertThat(jdbc.sql("SELECT scope_path FROM app_user WHERE username = 'pmpc.turkistan'")
			.query(String.class)
			.single()).startsWith("/KZ/KZ-61/").endsWith("-PM001/");
	}

	@Test
	void theProductionProfileNeverLoadsDemoData() throws Exception {
		Properties postgres = new Properties();
		try (var reader = new InputStreamReader(getClass().getResourceAsStream("/application-postgres.properties"),
				StandardCharsets.UTF_8)) {
			postgres.load(reader);
		}
		assertThat(postgres.getProperty("barshaga.demo.enabled")).isEqualTo("false");
	}

	private long schools(String region, String settlement) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM organisation WHERE created_by = 'demo-data' AND type = 'GENERAL_SCHOOL'
				AND path LIKE :p AND (CAST(:s AS VARCHAR) IS NULL OR settlement = :s)
				""").param("p", "/KZ/" + region + "/%").param("s", settlement).query(Long.class).single();
	}

}
