package org.barshaga.dashboard;

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
 * The voices view of the dashboards: the survey indicators' figures for the demo
 * district's rounds, in three languages, inside the user's scope.
 */
@BarshagaTest
class VoicesDashboardTests {

	static final Actor REGION = new Actor(0, Demo.REGION_TURKISTAN, "Region", Role.REGION_OFFICER,
			new DataScope("/KZ/KZ-61/"));

	@Autowired
	MockMvc mvc;

	@Autowired
	Indicators indicators;

	@Test
	void theTablesHoldTheEnginesFiguresOfTheDemoRounds() throws Exception {
		int year = indicators.currentYear();
		Document page = page(Demo.REGION_TURKISTAN, "/dashboards/voices?unit=KZ-61-D08&lang=en");
		List<IndicatorValue> schools = indicators
			.values(REGION, "PARENT_PARTNERSHIP", "KZ-61-D08", year, Level.CHILDREN, List.of())
			.values()
			.stream()
			.filter(v -> v.value() != null)
			.toList();
		assertThat(schools).as("the demo parents' round gives schools a score").isNotEmpty();
		for (IndicatorValue school : schools) {
			Element row = page.selectFirst("table#voices-parents tr[data-code=" + school.orgUnit() + "]");
			assertThat(row).as(school.orgUnit()).isNotNull();
			assertThat(row.select("td.value").get(0).attr("data-value")).isEqualTo(school.value().toPlainString());
		}
		IndicatorValue parents = indicators
			.values(REGION, "RESPONSE_RATE", "KZ-61-D08", year, Level.SELF, List.of(Dimension.SURVEY))
			.values()
			.stream()
			.filter(v -> "PARENT_SEN".equals(v.by().get(Dimension.SURVEY)))
			.findFirst()
			.orElseThrow();
		assertThat(parents.value()).as("the demo parents' round has answers").isPositive();
		Element rate = page.selectFirst("table#voices-responses tbody tr[data-code=PARENT_SEN]");
		assertThat(rate).isNotNull();
		assertThat(rate.selectFirst("td.value").attr("data-value")).isEqualTo(parents.value().toPlainString());
		for (String table : List.of("selfReview", "teachers", "pupils")) {
			assertThat(page.select("table#voices-" + table)).as(table).hasSize(1);
		}
	}

	@Test
	void thePageAnswersInThreeLanguagesAndOnlyInsideTheScope() throws Exception {
		Map<String, String> titles = Map.of("kk", "Үндер: Сарыағаш ауданы", "ru", "Голоса: Сарыагашский район", "en",
				"Voices: Saryagash District");
		for (Map.Entry<String, String> title : titles.entrySet()) {
			Document page = page(Demo.DISTRICT_SARYAGASH, "/dashboards/voices?lang=" + title.getKey());
			assertThat(page.selectFirst("html").attr("lang")).isEqualTo(title.getKey());
			assertThat(page.selectFirst("h1").text()).isEqualTo(title.getValue());
			assertThat(page.html()).doesNotContain("??");
			assertThat(page.select("nav.dash-nav a[aria-current=page]").attr("href")).contains("/dashboards/voices");
		}
		assertThat(mvc.perform(get("/dashboards/voices?unit=KZ-61-D01").with(as(Demo.DISTRICT_SARYAGASH)))
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

}
