package org.barshaga.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.barshaga.reporting.PeriodAccepted;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards, the printed report with its PDF, and open data show live figures or the
 * figures of record as chosen, and say which, on the hand-worked district of
 * {@link IndicatorFixture}: 3 children with SEN among 203 pupils when the period was
 * accepted (14.8 per 1,000), 303 pupils after a correction (9.9).
 */
@BarshagaTest
@Transactional
class FiguresAsOfPagesTests {

	@Autowired
	Indicators indicators;

	@Autowired
	FactCache cache;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	IndicatorFixture fixture;

	@BeforeEach
	void acceptedThenCorrected() {
		fixture = new IndicatorFixture(jdbc, indicators.currentYear());
		fixture.create();
		cache.forget();
		events.publishEvent(new PeriodAccepted(fixture.year, "ministry"));
		jdbc.sql("UPDATE organisation SET pupils = 300 WHERE code = ?").param(IndicatorFixture.SCHOOL_A).update();
		cache.forget();
	}

	@AfterEach
	void forgetTheRolledBackFixture() {
		cache.forget();
	}

	private MockHttpServletResponse page(String url) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(url).with(Demo.as(Demo.MINISTRY))).andReturn().getResponse();
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		return response;
	}

	@Test
	void theDashboardsShowTheChosenFiguresAndSayWhich() throws Exception {
		String explore = "/dashboards/explore?indicator=SEN_PER_1000&unit=" + IndicatorFixture.DISTRICT + "&year="
				+ fixture.year;
		String approved = page(explore + "&asOf=approved&lang=en").getContentAsString();
		assertThat(approved).contains("14.8", "Figures of record of the school year", "revision 1, as approved on",
				"Other years are live figures", "asOf=approved");
		assertThat(approved).contains("<select id=\"field-asof\" name=\"asOf\">");
		String live = page(explore + "&lang=en").getContentAsString();
		assertThat(live).contains("9.9", "Live figures, computed from the registers",
				"this school year also has figures of record");
		assertThat(page(explore + "&asOf=1&lang=ru").getContentAsString()).contains("Утверждённые показатели",
				"редакция 1");

		String data = "/dashboards/data.csv?indicator=SEN_PER_1000&unit=" + IndicatorFixture.DISTRICT + "&year="
				+ fixture.year + "&level=self";
		assertThat(page(data + "&asOf=approved").getContentAsString()).contains("14.8").doesNotContain("9.9");
		assertThat(page(data).getContentAsString()).contains("9.9").doesNotContain("14.8");
	}

	@Test
	void aRevisionThatDoesNotExistIsRefusedInTheUsersLanguage() throws Exception {
		String explore = "/dashboards/explore?indicator=SEN_PER_1000&unit=" + IndicatorFixture.DISTRICT + "&year="
				+ fixture.year;
		MockHttpServletResponse unknown = page(explore + "&asOf=7&lang=en");
		assertThat(unknown.getStatus()).isEqualTo(400);
		MockHttpServletResponse report = page("/reports?unit=KZ-10&year=" + fixture.year + "&asOf=yesterday&lang=ru");
		assertThat(report.getStatus()).isEqualTo(400);
		MockHttpServletResponse open = page("/open-data/SEN_PER_1000.csv?unit=KZ-10&year=" + fixture.year + "&asOf=9");
		assertThat(open.getStatus()).isEqualTo(400);
	}

	@Test
	void theReportAndItsPdfStateWhichFiguresTheyShow() throws Exception {
		String report = "/reports?unit=KZ-10&year=" + fixture.year;
		String approved = page(report + "&asOf=approved&lang=en").getContentAsString();
		assertThat(approved).contains("14.8", "revision 1, as approved on", "asOf=approved");
		assertThat(page(report + "&lang=en").getContentAsString()).contains("9.9",
				"this school year also has figures of record");
		MockHttpServletResponse pdf = page("/reports/pdf?unit=KZ-10&year=" + fixture.year + "&asOf=1&lang=en");
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getHeader("Content-Disposition")).contains("revision-1");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
	}

	@Test
	void openDataNamesTheRevisionItsValuesAre() throws Exception {
		String csv = "/open-data/SEN_PER_1000.csv?unit=KZ-10&year=" + fixture.year + "&lang=en";
		String approved = page(csv + "&asOf=approved").getContentAsString();
		assertThat(approved.lines().findFirst().orElseThrow())
			.endsWith("Revision of the figures of record,Approved on");
		assertThat(approved.lines().filter(line -> line.contains(IndicatorFixture.DISTRICT))).singleElement()
			.satisfies(line -> assertThat(line).matches(".*,1,\\d{4}-\\d{2}-\\d{2}$"));
		String live = page(csv).getContentAsString();
		assertThat(live.lines().filter(line -> line.contains(IndicatorFixture.DISTRICT))).singleElement()
			.satisfies(line -> assertThat(line).endsWith(",,"));
		String json = page("/open-data/SEN_PER_1000.json?unit=KZ-10&year=" + fixture.year + "&asOf=1")
			.getContentAsString();
		assertThat(json).contains("\"figuresOfRecord\":{\"revision\":1,");
		assertThat(page("/open-data?indicator=SEN_PER_1000&unit=KZ-10&year=" + fixture.year + "&asOf=1&lang=en")
			.getContentAsString()).contains("revision 1, as approved on");
	}

}
