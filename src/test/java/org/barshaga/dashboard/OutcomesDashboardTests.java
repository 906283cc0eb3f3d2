package org.barshaga.dashboard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.barshaga.indicators.Dimension;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.Level;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The outcomes view of the dashboards: its tables hold the engine's figures for the demo
 * district's schools, its downloads the same figures, in three languages, inside the
 * user's scope.
 */
@BarshagaTest
class OutcomesDashboardTests {

	static final Actor REGION = new Actor(0, Demo.REGION_TURKISTAN, "Region", Role.REGION_OFFICER,
			new DataScope("/KZ/KZ-61/"));

	@Autowired
	MockMvc mvc;

	@Autowired
	Indicators indicators;

	@Test
	void theGapsBySchoolAndBySupportAreTheEnginesFiguresAndTheDownloadHoldsThem() throws Exception {
		int year = indicators.currentYear();
		Document page = page(Demo.REGION_TURKISTAN, "/dashboards/outcomes?unit=KZ-61-D08&lang=en");
		List<IndicatorValue> schools = indicators
			.values(REGION, "ATTAINMENT_GAP", "KZ-61-D08", year, Level.CHILDREN, List.of())
			.values()
			.stream()
			.filter(v -> v.value() != null)
			.toList();
		assertThat(schools).as("the demo district's schools have gaps").isNotEmpty();
		for (IndicatorValue school : schools) {
			Element row = page.selectFirst("table#outcomes-gaps tr[data-code=" + school.orgUnit() + "]");
			assertThat(row).as(school.orgUnit()).isNotNull();
			assertThat(row.select("td.value").get(0).attr("data-value")).isEqualTo(plain(school.value()));
		}
		for (IndicatorValue cell : indicators
			.values(REGION, "ATTAINMENT_BY_SUPPORT", "KZ-61-D08", year, Level.SELF,
					List.of(Dimension.SUPPORT_DELIVERED))
			.values()) {
			Element row = page.selectFirst(
					"table#outcomes-support tbody tr[data-code=" + cell.by().get(Dimension.SUPPORT_DELIVERED) + "]");
			assertThat(row).as(cell.by().toString()).isNotNull();
			assertThat(row.selectFirst("td.value").attr("data-value")).isEqualTo(plain(cell.value()));
		}
		assertThat(page.select("table#outcomes-transitions")).hasSize(1);
		assertThat(page.select("table#outcomes-dropout")).hasSize(1);
		String href = page.selectFirst("#outcomes-gaps-caption")
			.parent()
			.parent()
			.parent()
			.select("a[href*=data.csv]")
			.attr("href");
		// MockMvc encodes the URL again: the page's encoded comma is given back as a
		// comma
		MockHttpServletResponse response = mvc
			.perform(get(href.replace("%2C", ",") + "&lang=en").with(as(Demo.REGION_TURKISTAN)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(href).isEqualTo(200);
		List<String> lines = response.getContentAsString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).as("the header and every row of the table")
			.hasSize(1 + page.select("table#outcomes-gaps tbody tr, table#outcomes-gaps tfoot tr").size());
		for (IndicatorValue school : schools) {
			assertThat(lines).as(school.orgUnit())
				.anyMatch(line -> line.contains(school.orgUnit()) && line.contains(plain(school.value())));
		}
	}

	@Test
	void thePageAnswersInThreeLanguagesAndOnlyInsideTheScope() throws Exception {
		Map<String, String> titles = Map.of("kk", "Нәтижелер: Сарыағаш ауданы", "ru", "Результаты: Сарыагашский район",
				"en", "Outcomes: Saryagash District");
		for (Map.Entry<String, String> title : titles.entrySet()) {
			Document page = page(Demo.DISTRICT_SARYAGASH, "/dashboards/outcomes?lang=" + title.getKey());
			assertThat(page.selectFirst("html").attr("lang")).isEqualTo(title.getKey());
			assertThat(page.selectFirst("h1").text()).isEqualTo(title.getValue());
			assertThat(page.html()).doesNotContain("??");
			assertThat(page.select("nav.dash-nav a[aria-current=page]").attr("href")).contains("/dashboards/outcomes");
		}
		assertThat(mvc.perform(get("/dashboards/outcomes?unit=KZ-61-D01").with(as(Demo.DISTRICT_SARYAGASH)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	private Document page(String user, String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(as(user)).accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private static String plain(BigDecimal number) {
		return number == null ? "" : number.toPlainString();
	}

}
