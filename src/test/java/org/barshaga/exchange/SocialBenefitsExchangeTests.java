package org.barshaga.exchange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.barshaga.support.PageImports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The social-protection register's extract on the exchange page: uploaded, checked line
 * by line before any linking, given out only inside the user's part of the country.
 */
@BarshagaTest
class SocialBenefitsExchangeTests {

	static final String HEADER = "record_id,iin,surname,given_name,patronymic,birth_date,sex,region_code,"
			+ "district_code,benefit_type,paid_from,paid_until";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeRecords() {
		jdbc.sql("DELETE FROM social_benefit_record WHERE record_id LIKE 'SBT-%'").update();
	}

	@Test
	void aGoodExtractIsImportedAsReceivedAndGivenOutInScope() throws Exception {
		String file = String.join("\n", HEADER,
				"SBT-1,150302612345,Әбенова,Аяулым,Серікқызы,2015-03-02,FEMALE,KZ-61,KZ-61-D08,CHILD_WITH_DISABILITY,"
						+ "2016-01-01,2031-03-02",
				// as received: no IIN, passport Latin, no district
				"SBT-2,,ABENOV,Nurlan,,2009-06-30,MALE,KZ-61,,GROUP_2,2025-07-01,",
				"SBT-3,150302612354,Қасымов,Ерлан,,2012-11-05,MALE,KZ-62,,CARER,2013-01-01,");
		long run = PageImports.upload(mvc, jdbc, Demo.ADMIN, "social_benefits", file, "all-or-nothing");
		assertThat(PageImports.runStatus(jdbc, run)).isEqualTo("COMPLETED");
		assertThat(jdbc
			.sql("SELECT record_id || ' ' || COALESCE(iin, '-') || ' ' || path || ' ' || benefit_type"
					+ " FROM social_benefit_record WHERE record_id LIKE 'SBT-%' ORDER BY record_id")
			.query(String.class)
			.list()).containsExactly("SBT-1 150302612345 /KZ/KZ-61/KZ-61-D08/ CHILD_WITH_DISABILITY",
					"SBT-2 - /KZ/KZ-61/ GROUP_2", "SBT-3 150302612354 /KZ/KZ-62/ CARER");

		List<String> district = export(Demo.DISTRICT_SARYAGASH);
		assertThat(district.get(0)).isEqualTo("\uFEFF" + HEADER);
		assertThat(district)
			.contains("SBT-1,150302612345,Әбенова,Аяулым,Серікқызы,2015-03-02,FEMALE,KZ-61,KZ-61-D08,"
					+ "CHILD_WITH_DISABILITY,2016-01-01,2031-03-02")
			.noneMatch(line -> line.startsWith("SBT-2") || line.startsWith("SBT-3"));
		assertThat(district.subList(1, district.size())).allMatch(line -> line.split(",", -1)[8].equals("KZ-61-D08"));
		List<String> region = export(Demo.REGION_TURKISTAN);
		assertThat(region).anyMatch(line -> line.startsWith("SBT-1,"))
			.anyMatch(line -> line.startsWith("SBT-2,"))
			.noneMatch(line -> line.startsWith("SBT-3,"));
		assertThat(region.subList(1, region.size())).allMatch(line -> line.split(",", -1)[7].equals("KZ-61"));
		// the benefit type tells the disability: no school sees the register
		mvc.perform(get("/exchange/exports/social_benefits.csv").with(as(Demo.SCHOOL)))
			.andExpect(status().isForbidden());
	}

	@Test
	void everyBadRowIsReportedByLineAndColumnAndNothingIsKept() throws Exception {
		String tomorrow = LocalDate.now().plusDays(2).toString();
		String row = "SBT-B%d,,Сейітова,Аружан,,%s,FEMALE,%s,%s,%s,%s,%s";
		String file = String.join("\n", HEADER,
				String.format(row, 1, "2015-03-02", "KZ-61", "KZ-61-D08", "CHILD_WITH_DISABILITY", "2016-01-01", ""), // 2
																														// good
				String.format(row, 1, "2015-03-02", "KZ-61", "", "CHILD_WITH_DISABILITY", "2016-01-01", ""), // 3
				String.format(row, 4, "2015-02-30", "KZ-61", "", "CHILD_WITH_DISABILITY", "2016-01-01", ""), // 4
				String.format(row, 5, tomorrow, "KZ-61", "", "CHILD_WITH_DISABILITY", tomorrow, ""), // 5
				String.format(row, 6, "2015-03-02", "KZ-61", "", "CHILD_WITH_DISABILITY", "2016-01-01", "2015-12-31"), // 6
				String.format(row, 7, "2015-03-02", "KZ-61", "", "CHILD_WITH_DISABILITY", "2015-03-01", ""), // 7
				String.format(row, 8, "2015-03-02", "NO-SUCH-UNIT", "", "CHILD_WITH_DISABILITY", "2016-01-01", ""), // 8
				String.format(row, 9, "2015-03-02", "KZ-61", "KZ-62-D01", "CHILD_WITH_DISABILITY", "2016-01-01", ""), // 9
				String.format(row, 10, "2015-03-02", "KZ-61", "", "GROUP_4", "2016-01-01", "")); // 10
		long run = PageImports.upload(mvc, jdbc, Demo.ADMIN, "social_benefits", file, "all-or-nothing");
		assertThat(PageImports.runStatus(jdbc, run)).isEqualTo("REJECTED");
		String report = mvc.perform(get("/exchange/runs/" + run + "/report.csv?lang=en").with(as(Demo.ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = Arrays.asList(report.split("\r\n"));
		assertThat(lines.subList(1, lines.size())).containsExactly("3,,,repeats the row on line 2 (same key)",
				"4,birth_date,2015-02-30,\"not a date; write YYYY-MM-DD or DD.MM.YYYY\"",
				"5,birth_date," + tomorrow + ",a date in the future", "6,paid_until,2015-12-31,earlier than paid_from",
				"7,paid_from,2015-03-01,earlier than birth_date",
				"8,region_code,NO-SUCH-UNIT,no administrative unit has this code",
				"9,district_code,KZ-62-D01,does not lie in the region given in region_code (KZ-61)",
				"10,benefit_type,GROUP_4,\"unknown code; valid codes: CHILD_WITH_DISABILITY, GROUP_1, GROUP_2, GROUP_3,"
						+ " CARER\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM social_benefit_record WHERE record_id LIKE 'SBT-%'")
			.query(Long.class)
			.single()).as("an all-or-nothing run with a bad row keeps nothing").isZero();
	}

	@Test
	void aHealthRegistryBatchUploadedAsTheBenefitRegisterIsRefusedAsAWhole() throws Exception {
		String health = String.join("\n",
				"record_id,iin,surname,given_name,patronymic,birth_date,sex,region_code,district_code,"
						+ "disability_group,valid_until",
				"SBT-H1,,Сейітова,Аружан,,2015-03-02,FEMALE,KZ-61,KZ-61-D08,CHILD_WITH_DISABILITY,");
		long run = PageImports.upload(mvc, jdbc, Demo.ADMIN, "social_benefits", health, "valid-rows");
		assertThat(PageImports.runStatus(jdbc, run)).isEqualTo("REFUSED");
		assertThat(jdbc.sql("SELECT problem_key FROM import_run WHERE id = ?").param(run).query(String.class).single())
			.isEqualTo("exchange.problem.otherRegister");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM social_benefit_record WHERE record_id LIKE 'SBT-%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aRegionOfficerWritesOnlyRecordsOfTheRegion() throws Exception {
		String file = String.join("\n", HEADER,
				"SBT-D1,,Сейітова,Аружан,,2015-03-02,FEMALE,KZ-61,KZ-61-D08,CHILD_WITH_DISABILITY,2016-01-01,",
				"SBT-D2,,Сейітов,Ерлан,,2015-03-02,MALE,KZ-62,,CHILD_WITH_DISABILITY,2016-01-01,");
		long run = PageImports.upload(mvc, jdbc, Demo.REGION_TURKISTAN, "social_benefits", file, "valid-rows");
		assertThat(PageImports.runStatus(jdbc, run)).isEqualTo("COMPLETED");
		assertThat(jdbc.sql("SELECT record_id FROM social_benefit_record WHERE record_id LIKE 'SBT-D%'")
			.query(String.class)
			.list()).containsExactly("SBT-D1");
		assertThat(jdbc
			.sql("SELECT line_number || ' ' || column_name || ' ' || reason_key FROM import_rejection"
					+ " WHERE run_id = ?")
			.param(run)
			.query(String.class)
			.list()).containsExactly("3 region_code exchange.reason.outOfScope");
	}

	@Test
	void theTemplatesHoldTheLayout() throws Exception {
		String csv = mvc.perform(get("/exchange/templates/social_benefits.csv").with(as(Demo.MINISTRY)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).isEqualTo("\uFEFF" + HEADER + "\r\n");
		byte[] xlsx = mvc.perform(get("/exchange/templates/social_benefits.xlsx?lang=ru").with(as(Demo.MINISTRY)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Path path = Files.createTempFile("benefits", ".xlsx");
		try {
			Files.write(path, xlsx);
			try (XlsxRecords sheet = new XlsxRecords(path)) {
				assertThat(String.join(",", sheet.next().fields())).isEqualTo(HEADER);
			}
		}
		finally {
			Files.deleteIfExists(path);
		}
	}

	@Test
	void theDemosBenefitExtractWentThroughTheImporterWithEveryRowAccepted() {
		List<String> runs = jdbc
			.sql("SELECT status || ' ' || rows_rejected || ' ' || rows_written FROM import_run"
					+ " WHERE register = 'SOCIAL_BENEFITS' AND actor = 'demo-data'")
			.query(String.class)
			.list();
		long records = jdbc.sql(
				"SELECT COUNT(*) FROM social_benefit_record WHERE updated_by = 'demo-data' AND record_id LIKE 'DEMO-B%'")
			.query(Long.class)
			.single();
		assertThat(records).isPositive();
		assertThat(runs).isNotEmpty()
			.allMatch(run -> run.startsWith("COMPLETED 0 "))
			.contains("COMPLETED 0 " + records);
		// nearly the health registry's children, but not quite
		long shared = jdbc
			.sql("""
					SELECT COUNT(*) FROM social_benefit_record b WHERE b.record_id LIKE 'DEMO-B%'
					AND EXISTS (SELECT 1 FROM health_registry_record h WHERE h.iin = b.iin AND h.record_id LIKE 'DEMO-H%')""")
			.query(Long.class)
			.single();
		long healthOnly = jdbc
			.sql("""
					SELECT COUNT(*) FROM health_registry_record h WHERE h.record_id LIKE 'DEMO-H%' AND h.iin IS NOT NULL
					AND NOT EXISTS (SELECT 1 FROM social_benefit_record b WHERE b.iin = h.iin AND b.record_id LIKE 'DEMO-B%')""")
			.query(Long.class)
			.single();
		assertThat((double) shared / records).isBetween(0.8, 0.99);
		assertThat(healthOnly).isPositive();
	}

	private List<String> export(String user) throws Exception {
		String text = mvc.perform(get("/exchange/exports/social_benefits.csv").with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Arrays.asList(text.split("\r\n"));
	}

}
