package org.barshaga.exchange;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports and exports over the API: the same import as the exchange page, followed by its
 * run's address; scope, audit, the refusals of a running register and of an oversize
 * body, exports streamed in the caller's scope, and access tokens.
 */
@BarshagaTest
class ExchangeApiTests {

	/** A school year of its own, so that the rows counted are this test's only. */
	static final int YEAR = 2027;

	static final String SCHOOL = "KZ-61-D08-S001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Importer importer;

	@AfterEach
	void removeRows() {
		jdbc.sql("DELETE FROM enrolment_extract WHERE school_year = ?").param(YEAR).update();
		jdbc.sql("DELETE FROM enrolment_count WHERE school_year = ?").param(YEAR).update();
	}

	static String row(int n, String school) {
		Sex sex = n % 2 == 0 ? Sex.FEMALE : Sex.MALE;
		String iin = Iin.of(LocalDate.of(2014, 1, 1).plusDays(n % 300), sex, 7000 + n);
		return String.join(",", String.valueOf(YEAR), iin, "Апиева" + n, "Аружан", "", Iin.birthDate(iin).toString(),
				sex.name(), school, "6", "KK");
	}

	static String csv(String... rows) {
		return ImportTests.HEADER + "\n" + String.join("\n", rows) + "\n";
	}

	/** A school in another district of the same region. */
	String elsewhere() {
		return jdbc
			.sql("SELECT MIN(code) FROM organisation WHERE path LIKE '/KZ/KZ-61/%'"
					+ " AND path NOT LIKE '/KZ/KZ-61/KZ-61-D08/%' AND type = 'GENERAL_SCHOOL'")
			.query(String.class)
			.single();
	}

	MvcResult start(String user, String mode, String body) throws Exception {
		return mvc
			.perform(post("/api/v1/imports").param("type", "enrolment")
				.param("mode", mode)
				.contentType("text/csv")
				.content(body.getBytes(StandardCharsets.UTF_8))
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.with(as(user)))
			.andExpect(status().isAccepted())
			.andExpect(header().string(HttpHeaders.LOCATION, startsWith("/api/v1/imports/")))
			// a small file may be over already
			.andExpect(jsonPath("$.status").isString())
			.andExpect(jsonPath("$.type").value("enrolment"))
			.andReturn();
	}

	/** The run, polled over the API until it is over. */
	String finished(String user, String location) throws Exception {
		for (int i = 0; i < 300; i++) {
			String json = mvc.perform(get(location).header(HttpHeaders.ACCEPT_LANGUAGE, "en").with(as(user)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (!JsonPath.read(json, "$.status").equals("RUNNING")) {
				return json;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The import did not finish");
	}

	long rows() {
		return jdbc.sql("SELECT COUNT(*) FROM enrolment_extract WHERE school_year = ?")
			.param(YEAR)
			.query(Long.class)
			.single();
	}

	long runs() {
		return jdbc.sql("SELECT COUNT(*) FROM import_run").query(Long.class).single();
	}

	@Test
	void anImportIsAcceptedFollowedToItsEndAndReportedInJsonAndCsvWithTheDistrictsScope() throws Exception {
		MvcResult started = start(Demo.DISTRICT_SARYAGASH, "valid-rows",
				csv(row(1, SCHOOL), row(2, SCHOOL), row(3, elsewhere())));
		String location = started.getResponse().getHeader(HttpHeaders.LOCATION);
		long id = ((Number) JsonPath.read(started.getResponse().getContentAsString(), "$.id")).longValue();
		assertThat(location).isEqualTo("/api/v1/imports/" + id);
		assertThat((String) JsonPath.read(started.getResponse().getContentAsString(), "$.links.report"))
			.isEqualTo(location + "/report.csv");

		String run = finished(Demo.DISTRICT_SARYAGASH, location);
		assertThat((String) JsonPath.read(run, "$.status")).isEqualTo("COMPLETED");
		assertThat((Integer) JsonPath.read(run, "$.rowsRead")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(run, "$.rowsRejected")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(run, "$.rowsWritten")).isEqualTo(2);
		// the row of a school in another district is refused as on the page
		assertThat((Integer) JsonPath.read(run, "$.rejections[0].line")).isEqualTo(4);
		assertThat((String) JsonPath.read(run, "$.rejections[0].column")).isEqualTo("school_code");
		assertThat((String) JsonPath.read(run, "$.rejections[0].reason")).isEqualTo("outside your part of the country");
		assertThat(rows()).isEqualTo(2);

		// the import is audited as the page's is
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORT' AND record_id = ? AND actor = ?")
			.params(String.valueOf(id), Demo.DISTRICT_SARYAGASH)
			.query(Long.class)
			.single()).isEqualTo(1);

		// and so is the showing of its rejected rows, as on the run page
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'READ' AND record_type = 'import_run'"
					+ " AND record_id = ? AND actor = ?")
			.params(String.valueOf(id), Demo.DISTRICT_SARYAGASH)
			.query(Long.class)
			.single()).isPositive();

		String report = mvc
			.perform(get(location + "/report.csv").header(HttpHeaders.ACCEPT_LANGUAGE, "ru")
				.with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(report.lines().toList()).hasSize(2);
		assertThat(report.lines().toList().get(1)).startsWith("4,school_code," + elsewhere() + ",");
		String byAccept = mvc
			.perform(get(location).accept("text/csv")
				.header(HttpHeaders.ACCEPT_LANGUAGE, "ru")
				.with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(byAccept).isEqualTo(report);

		// the run is the page's run: its page shows it
		mvc.perform(get("/exchange/runs/" + id).with(as(Demo.DISTRICT_SARYAGASH))).andExpect(status().isOk());
	}

	@Test
	void aWorkbookIsKnownByItsTypeOrByItsZipSignature() throws Exception {
		for (String type : List.of(ReceivedFile.XLSX_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE)) {
			int n = type.equals(ReceivedFile.XLSX_TYPE) ? 51 : 52;
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			Workbook workbook = new Workbook(bytes, "Excel", "1.0");
			Worksheet sheet = workbook.newWorksheet("enrolment");
			String[] header = ImportTests.HEADER.split(",");
			String[] cells = row(n, SCHOOL).split(",", -1);
			for (int c = 0; c < header.length; c++) {
				sheet.value(0, c, header[c]);
				sheet.value(1, c, cells[c]);
			}
			workbook.finish();
			MvcResult started = mvc
				.perform(post("/api/v1/imports").param("type", "enrolment")
					.contentType(type)
					.content(bytes.toByteArray())
					.with(as(Demo.DISTRICT_SARYAGASH)))
				.andExpect(status().isAccepted())
				.andExpect(jsonPath("$.fileName").value("api-enrolment.xlsx"))
				.andReturn();
			String run = finished(Demo.DISTRICT_SARYAGASH, started.getResponse().getHeader(HttpHeaders.LOCATION));
			assertThat((String) JsonPath.read(run, "$.status")).as(run).isEqualTo("COMPLETED");
			assertThat((Integer) JsonPath.read(run, "$.rowsWritten")).isEqualTo(1);
		}
		assertThat(rows()).isEqualTo(2);
	}

	@Test
	void aRunOutsideTheCallersScopeIsNotFound() throws Exception {
		MvcResult started = start(Demo.ADMIN, "all-or-nothing", csv(row(11, SCHOOL)));
		String location = started.getResponse().getHeader(HttpHeaders.LOCATION);
		finished(Demo.ADMIN, location);
		mvc.perform(get(location).with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get(location + "/report.csv").with(as(Demo.DISTRICT_SARYAGASH))).andExpect(status().isNotFound());
		MvcResult district = start(Demo.DISTRICT_SARYAGASH, "all-or-nothing", csv(row(12, SCHOOL)));
		String districtRun = district.getResponse().getHeader(HttpHeaders.LOCATION);
		finished(Demo.DISTRICT_SARYAGASH, districtRun);
		// a school inside the district does not see the district's run, the region does
		mvc.perform(get(districtRun).with(as(Demo.SCHOOL))).andExpect(status().isNotFound());
		mvc.perform(get(districtRun).with(as(Demo.REGION_TURKISTAN))).andExpect(status().isOk());
	}

	@Test
	void aSecondImportOfARegisterWhileOneRunsIsAConflictOnEveryWayInAndRecordsNothing() throws Exception {
		Path file = Files.createTempFile("exchange-api", ".csv");
		Files.writeString(file, csv(row(21, SCHOOL)));
		ImportRequest running = new ImportRequest(ImportJob.SYSTEM, Register.ENROLMENT, file, "running.csv",
				ImportMode.ALL_OR_NOTHING, false);
		long runId = importer.begin(running);
		try {
			long before = runs();
			mvc.perform(post("/api/v1/imports").param("type", "enrolment")
				.contentType("text/csv")
				.content(csv(row(22, SCHOOL)))
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.with(as(Demo.DISTRICT_SARYAGASH)))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail", containsString("Import run " + runId + " of the register")))
				.andExpect(jsonPath("$.running").value("/api/v1/imports/" + runId));
			mvc.perform(multipart("/exchange/imports")
				.file(new MockMultipartFile("file", "enrolment.csv", "text/csv",
						csv(row(23, SCHOOL)).getBytes(StandardCharsets.UTF_8)))
				.param("register", "enrolment")
				.param("mode", "all-or-nothing")
				.param("lang", "en")
				.with(as(Demo.DISTRICT_SARYAGASH))
				.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content()
					.string(containsString("an import of this register is running in your scope (run " + runId + ")")));
			assertThat(runs()).as("no run recorded for the refused files").isEqualTo(before);
			assertThat(rows()).isZero();
			// another register is not held up
			MvcResult other = mvc
				.perform(post("/api/v1/imports").param("type", "health_registry")
					.param("dryRun", "true")
					.contentType("text/csv")
					.content("record_id\n")
					.with(as(Demo.DISTRICT_SARYAGASH)))
				.andExpect(status().isAccepted())
				.andReturn();
			finished(Demo.DISTRICT_SARYAGASH, other.getResponse().getHeader(HttpHeaders.LOCATION));
		}
		finally {
			importer.execute(runId, running, null);
			Files.deleteIfExists(file);
		}
		MvcResult after = start(Demo.DISTRICT_SARYAGASH, "all-or-nothing", csv(row(24, SCHOOL)));
		finished(Demo.DISTRICT_SARYAGASH, after.getResponse().getHeader(HttpHeaders.LOCATION));
	}

	@Test
	void aBodyOverTheLimitIsRefusedWhileItArrivesAndRecordsNothing() throws Exception {
		byte[] workbook = new byte[(int) UploadLimits.MAX_XLSX_BYTES + 1];
		System.arraycopy(new byte[] { 'P', 'K', 3, 4 }, 0, workbook, 0, 4);
		long before = runs();
		try (var temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			// the other test JVM may spool uploads of its own in the same directory: only
			// a
			// file that this request left behind counts
			java.util.Set<Path> spooled = temporary
				.filter(p -> p.getFileName().toString().startsWith("barshaga-import"))
				.collect(java.util.stream.Collectors.toSet());
			mvc.perform(post("/api/v1/imports").param("type", "enrolment")
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.content(workbook)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.with(as(Demo.DISTRICT_SARYAGASH)))
				.andExpect(status().isContentTooLarge())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail", containsString("an XLSX file 64 MB")));
			try (var after = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
				assertThat(after.filter(p -> p.getFileName().toString().startsWith("barshaga-import"))
					.filter(p -> !spooled.contains(p))
					.filter(Files::exists)
					.toList()).as("the part received is deleted").isEmpty();
			}
		}
		assertThat(runs()).isEqualTo(before);
	}

	@Test
	void anUnknownTypeModeOrLayoutIsAProblemNamingIt() throws Exception {
		mvc.perform(post("/api/v1/imports").param("type", "shoes")
			.param("mode", "some-rows")
			.contentType("text/csv")
			.content("a\n")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.with(as(Demo.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("unknown register type \"shoes\"")))
			.andExpect(jsonPath("$.detail", containsString("health_registry")))
			.andExpect(jsonPath("$.detail", containsString("unknown mode \"some-rows\"")));
		mvc.perform(post("/api/v1/imports").param("type", "shoes")
			.contentType("text/csv")
			.content("a\n")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "ru")
			.with(as(Demo.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("неизвестный тип реестра «shoes»")));
		mvc.perform(get("/api/v1/exports/shoes").with(as(Demo.ADMIN)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// a form body would be read as parameters, not as the file
		mvc.perform(post("/api/v1/imports").param("type", "enrolment")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(csv(row(41, SCHOOL)))
			.with(as(Demo.ADMIN))).andExpect(status().isUnsupportedMediaType());
		// a register the role may not load
		mvc.perform(post("/api/v1/imports").param("type", "learners")
			.contentType("text/csv")
			.content("a\n")
			.with(as(Demo.DISTRICT_SARYAGASH))).andExpect(status().isForbidden());
	}

	@Test
	void aPersonalAccessTokenOpensTheExchangeAndAWrongOneIsRefused() throws Exception {
		String token = JsonPath.read(mvc
			.perform(post("/api/v1/tokens").with(as(Demo.DISTRICT_SARYAGASH))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"exchange-api-test\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.secret");
		MvcResult started = mvc
			.perform(post("/api/v1/imports").param("type", "enrolment")
				.param("dryRun", "true")
				.contentType("text/csv")
				.content(csv(row(31, SCHOOL)))
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isAccepted())
			.andReturn();
		String location = started.getResponse().getHeader(HttpHeaders.LOCATION);
		String run = finished(Demo.DISTRICT_SARYAGASH, location);
		assertThat((Boolean) JsonPath.read(run, "$.dryRun")).isTrue();
		assertThat(rows()).as("a dry run writes nothing").isZero();
		mvc.perform(get(location).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/exports/enrolment").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk());
		mvc.perform(get(location).header(HttpHeaders.AUTHORIZATION, "Bearer " + token + "x"))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/imports").param("type", "enrolment")
			.contentType("text/csv")
			.content(csv(row(32, SCHOOL)))
			.header(HttpHeaders.AUTHORIZATION, "Bearer bsg_not-a-token")).andExpect(status().isUnauthorized());
		assertThat(rows()).isZero();
	}

}
