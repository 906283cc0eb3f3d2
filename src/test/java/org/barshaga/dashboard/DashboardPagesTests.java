package org.barshaga.dashboard;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.barshaga.indicators.Dimension;
import org.barshaga.indicators.IndicatorResult;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.Level;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The dashboards against the indicator engine: every figure a page shows is the engine's
 * for the same user, scope is kept, drill-down links lead down the hierarchy, downloads
 * hold exactly the rows of the page's table, and the pages speak the three languages.
 */
@BarshagaTest
class DashboardPagesTests {

	static final Actor MINISTRY = new Actor(0, Demo.MINISTRY, "Ministry", Role.MINISTRY, DataScope.NATION);

	static final Actor REGION = new Actor(0, Demo.REGION_TURKISTAN, "Region", Role.REGION_OFFICER,
			new DataScope("/KZ/KZ-61/"));

	static final Actor DISTRICT = new Actor(0, Demo.DISTRICT_SARYAGASH, "District", Role.DISTRICT_OFFICER,
			new DataScope("/KZ/KZ-61/KZ-61-D08/"));

	static final Actor RESEARCHER = new Actor(0, Demo.RESEARCHER, "Researcher", Role.RESEARCHER, DataScope.NATION);

	static final List<String> REGIONS = List.of("KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33",
			"KZ-35", "KZ-39", "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71", "KZ-75", "KZ-79");

	@Autowired
	MockMvc mvc;

	@Autowired
	Indicators indicators;

	int year;

	@BeforeEach
	void year() {
		year = indicators.currentYear();
	}

	// Figures

	@Test
	void theOverviewShowsTheEnginesValuesForTheDistrictAndTheCountry() throws Exception {
		Document page = page(Demo.DISTRICT_SARYAGASH, "/dashboards?lang=en");
		assertThat(page.select("h1").text()).isEqualTo("Indicators overview: Saryagash District");
		List<Element> cards = page.select("section.dash-card");
		assertThat(cards).extracting(card -> card.attr("data-indicator"))
			.containsExactly("COND_REPORTED", "COND_MEASURED", "SEN_INCLUSIVE", "SUPPORT_COVERAGE", "SUPPORT_HOURS",
					"SPECIALISTS", "TRAINED_TEACHERS", "PROGRESS");
		boolean anyValue = false;
		for (Element card : cards) {
			String code = card.attr("data-indicator");
			IndicatorValue own = total(DISTRICT, code, "KZ-61-D08");
			IndicatorValue nation = total(DISTRICT, code, "KZ");
			assertThat(card.selectFirst(".big-value").attr("data-value")).as(code).isEqualTo(value(own));
			assertThat(card.selectFirst("dd.numerator").attr("data-numerator")).as(code)
				.isEqualTo(own == null ? "" : plain(own.numerator()));
			assertThat(card.selectFirst("dd.denominator").attr("data-denominator")).as(code)
				.isEqualTo(own == null ? "" : plain(own.denominator()));
			assertThat(card.selectFirst("dd.national").attr("data-value")).as(code).isEqualTo(value(nation));
			// The trend table: the district in each of the recent years, the country in
			// the year shown.
			Element trend = card.selectFirst("table#trend-" + code);
			List<String> expected = new ArrayList<>(
					indicators.recentYears().stream().map(y -> y + ":KZ-61-D08").toList());
			expected.add(year + ":KZ");
			assertThat(trend.select("tbody tr")).extracting(tr -> tr.attr("data-code"))
				.containsExactlyElementsOf(expected);
			assertThat(trend.selectFirst("tr[data-code=" + year + ":KZ] td.value").attr("data-value"))
				.isEqualTo(value(nation));
			assertThat(trend.selectFirst("tr[data-code=" + year + ":KZ-61-D08] td.value").attr("data-value"))
				.isEqualTo(value(own));
			anyValue |= own != null && own.value() != null;
		}
		assertThat(anyValue).as("the demo district has figures").isTrue();
		// The traceable numerator and denominator, and the country's target.
		Element inclusive = page.selectFirst("section[data-indicator=SEN_INCLUSIVE]");
		IndicatorValue own = total(DISTRICT, "SEN_INCLUSIVE", "KZ-61-D08");
		assertThat(inclusive.selectFirst(".trace").text()).isEqualTo(String.format(java.util.Locale.ENGLISH,
				"%,d of %,d", own.numerator().intValue(), own.denominator().intValue()));
		Element reported = page.selectFirst("section[data-indicator=COND_REPORTED]");
		assertThat(reported.selectFirst("dd.target").text()).isEqualTo("70%");
		assertThat(reported.select(".chart[role=img]")).singleElement()
			.satisfies(chart -> assertThat(chart.attr("aria-label")).startsWith("Line chart: "));
	}

	@Test
	void theComparisonRanksTheTwentyRegionsAndDrawsThemOnTheTileMap() throws Exception {
		Document page = page(Demo.MINISTRY, "/dashboards/compare?indicator=SEN_INCLUSIVE&lang=en");
		IndicatorResult regions = indicators.values(MINISTRY, "SEN_INCLUSIVE", "KZ", year, Level.CHILDREN, List.of());
		Map<String, IndicatorValue> byCode = regions.values()
			.stream()
			.collect(Collectors.toMap(IndicatorValue::orgUnit, v -> v));
		assertThat(byCode.keySet()).containsExactlyInAnyOrderElementsOf(REGIONS);
		List<Element> rows = page.select("table#compare tbody tr");
		assertThat(rows).extracting(tr -> tr.attr("data-code")).containsExactlyInAnyOrderElementsOf(REGIONS);
		BigDecimal previous = null;
		boolean noValueYet = false;
		for (Element row : rows) {
			IndicatorValue value = byCode.get(row.attr("data-code"));
			assertFigures(row, value);
			// Ranked: best (highest) first, places without a value last.
			if (value.value() == null) {
				noValueYet = true;
			}
			else {
				assertThat(noValueYet).as("a value after places without one").isFalse();
				if (previous != null) {
					assertThat(value.value()).isLessThanOrEqualTo(previous);
				}
				previous = value.value();
			}
		}
		assertThat(rows.get(0).selectFirst("td").text()).isEqualTo("1");
		assertFigures(page.selectFirst("table#compare tfoot tr[data-code=KZ]"), total(MINISTRY, "SEN_INCLUSIVE", "KZ"));
		// The tile map: every region once, named and with its value as text.
		List<Element> tiles = page.select("ul.tile-map > li");
		assertThat(tiles).extracting(li -> li.attr("data-region")).containsExactlyElementsOf(TileMaps.ORDER);
		Element turkistan = page.selectFirst("ul.tile-map > li[data-region=KZ-61] a");
		assertThat(turkistan.text()).isEqualTo("Turkistan " + page.selectFirst("tr[data-code=KZ-61] td.value").text());
		assertThat(turkistan.attr("href")).contains("unit=KZ-61");
		assertThat(turkistan.className()).matches("band-[1-5]");
		Element empty = page.selectFirst("ul.tile-map > li[data-region=KZ-10] a");
		assertThat(empty.text()).isEqualTo("Abai no data");
		assertThat(empty.className()).isEqualTo("band-0");
		assertThat(page.select(".legend li")).hasSize(6);
		assertThat(page.select("#compare-chart").attr("role")).isEqualTo("img");
	}

	@Test
	void belowTheCountryTheComparisonHasBarsButNoMap() throws Exception {
		Document page = page(Demo.REGION_TURKISTAN, "/dashboards/compare?indicator=SUPPORT_COVERAGE&lang=en");
		IndicatorResult districts = indicators.values(REGION, "SUPPORT_COVERAGE", "KZ-61", year, Level.CHILDREN,
				List.of());
		assertThat(page.select("table#compare tbody tr")).extracting(tr -> tr.attr("data-code"))
			.containsExactlyInAnyOrderElementsOf(districts.values().stream().map(IndicatorValue::orgUnit).toList());
		for (IndicatorValue district : districts.values()) {
			assertFigures(page.selectFirst("table#compare tr[data-code=" + district.orgUnit() + "]"), district);
		}
		assertThat(page.select("ul.tile-map")).isEmpty();
		assertThat(page.select("#compare-chart")).hasSize(1);
	}

	@Test
	void exploreShowsTheChildrenAndTheChosenDisaggregation() throws Exception {
		Document page = page(Demo.DISTRICT_SARYAGASH,
				"/dashboards/explore?indicator=SEN_INCLUSIVE&unit=KZ-61-D08&by=SEX&lang=en");
		IndicatorResult schools = indicators.values(DISTRICT, "SEN_INCLUSIVE", "KZ-61-D08", year, Level.CHILDREN,
				List.of());
		assertThat(schools.values()).isNotEmpty();
		assertThat(page.select("table#explore tbody tr")).hasSize(schools.values().size());
		for (IndicatorValue school : schools.values()) {
			assertFigures(page.selectFirst("table#explore tbody tr[data-code=" + school.orgUnit() + "]"), school);
		}
		IndicatorValue own = total(DISTRICT, "SEN_INCLUSIVE", "KZ-61-D08");
		assertThat(page.selectFirst("dd.place-value").attr("data-value")).isEqualTo(plain(own.value()));
		IndicatorResult bySex = indicators.values(DISTRICT, "SEN_INCLUSIVE", "KZ-61-D08", year, Level.SELF,
				List.of(Dimension.SEX));
		assertThat(page.select("table#explore-by tbody tr")).extracting(tr -> tr.attr("data-code"))
			.containsExactlyInAnyOrderElementsOf(bySex.values().stream().map(v -> v.by().get(Dimension.SEX)).toList());
		for (IndicatorValue cell : bySex.values()) {
			Element row = page.selectFirst("table#explore-by tr[data-code=" + cell.by().get(Dimension.SEX) + "]");
			assertFigures(row, cell);
			assertThat(row.selectFirst("th").text()).isIn("Male", "Female", "Not recorded");
		}
		// Only the indicator's own dimensions are offered.
		assertThat(page.select("#field-by option")).extracting(o -> o.attr("value"))
			.containsExactly("", "SETTLEMENT", "SEX", "AGE_GROUP", "SUPPORT_LEVEL", "SEN_CATEGORY");
	}

	@Test
	void aResearcherSeesSmallCellsSuppressedAndLabelled() throws Exception {
		Document page = page(Demo.RESEARCHER, "/dashboards/explore?indicator=SEN_INCLUSIVE&unit=KZ-61&lang=en");
		IndicatorResult districts = indicators.values(RESEARCHER, "SEN_INCLUSIVE", "KZ-61", year, Level.CHILDREN,
				List.of());
		List<IndicatorValue> suppressed = districts.values().stream().filter(IndicatorValue::suppressed).toList();
		assertThat(suppressed).as("the demo districts have small cells").isNotEmpty();
		for (IndicatorValue school : suppressed) {
			Element row = page.selectFirst("table#explore tr[data-code=" + school.orgUnit() + "]");
			assertThat(row.select("td.value").text()).isEqualTo("suppressed (fewer than 5)");
			assertThat(row.select("td.numerator").attr("data-numerator")).isEmpty();
		}
	}

	@Test
	void theGapsPageShowsReportedAgainstMeasuredSupportStaffingAndSettlement() throws Exception {
		Document page = page(Demo.REGION_TURKISTAN, "/dashboards/gaps?lang=en");
		IndicatorResult gap = indicators.values(REGION, "COND_GAP", "KZ-61", year, Level.CHILDREN, List.of());
		for (IndicatorValue district : gap.values()) {
			Element row = page.selectFirst("table#gaps-conditions tr[data-code=" + district.orgUnit() + "]");
			assertThat(row.select("td.value").get(2).attr("data-value")).isEqualTo(plain(district.value()));
		}
		IndicatorValue hours = total(REGION, "SUPPORT_HOURS", "KZ-61");
		Element total = page.selectFirst("table#gaps-support tfoot tr");
		assertThat(total.selectFirst("td.numerator").attr("data-numerator")).isEqualTo(plain(hours.numerator()));
		assertThat(total.selectFirst("td.denominator").attr("data-denominator")).isEqualTo(plain(hours.denominator()));
		assertThat(page.select("table#gaps-support thead th").eachText()).contains("Delivered hours",
				"Recommended hours");
		IndicatorResult staffing = indicators.values(REGION, "SPECIALIST_GAP", "KZ-61", year, Level.SELF,
				List.of(Dimension.SPECIALIST));
		for (IndicatorValue line : staffing.values()) {
			Element row = page
				.selectFirst("table#gaps-staffing tbody tr[data-code=" + line.by().get(Dimension.SPECIALIST) + "]");
			assertThat(row.selectFirst("td.value").attr("data-value")).isEqualTo(plain(line.value()));
		}
		IndicatorResult settlement = indicators.values(REGION, "COND_MEASURED", "KZ-61", year, Level.SELF,
				List.of(Dimension.SETTLEMENT));
		for (IndicatorValue cell : settlement.values()) {
			Element row = page.selectFirst(
					"table#gaps-settlement tr[data-code=COND_MEASURED:" + cell.by().get(Dimension.SETTLEMENT) + "]");
			assertFigures(row, cell);
		}
	}

	// Scope

	@Test
	void aDistrictOfficerStaysInsideTheirDistrict() throws Exception {
		assertThat(status(Demo.DISTRICT_SARYAGASH, "/dashboards")).isEqualTo(200);
		assertThat(status(Demo.DISTRICT_SARYAGASH, "/dashboards/compare?indicator=COND_REPORTED")).isEqualTo(200);
		assertThat(status(Demo.DISTRICT_SARYAGASH, "/dashboards/explore?unit=KZ-61-D08-S001")).isEqualTo(200);
		for (String path : List.of("/dashboards?unit=KZ-61-D01",
				"/dashboards/explore?indicator=COND_REPORTED&unit=KZ-61-D01", "/dashboards/explore?unit=KZ-75",
				"/dashboards/gaps?unit=KZ-61-D01", "/dashboards/compare?indicator=COND_REPORTED&unit=KZ",
				"/dashboards/compare?unit=KZ-61", "/dashboards/data.csv?indicator=COND_REPORTED&unit=KZ&level=children",
				"/dashboards/data.csv?indicator=COND_REPORTED&unit=KZ-61-D01&level=self",
				"/dashboards/explore?indicator=NO_SUCH_INDICATOR", "/dashboards?year=1990")) {
			assertThat(status(Demo.DISTRICT_SARYAGASH, path)).as(path).isEqualTo(404);
		}
		// The country is named in the breadcrumbs, not linked: it lies above the scope.
		Document page = page(Demo.DISTRICT_SARYAGASH, "/dashboards/explore?indicator=COND_REPORTED&lang=en");
		assertThat(page.select("nav.breadcrumbs li").eachText()).containsExactly("Republic of Kazakhstan",
				"Turkistan Region", "Saryagash District");
		assertThat(page.select("nav.breadcrumbs a")).extracting(Element::text).containsExactly("Saryagash District");
	}

	@Test
	void drillDownLeadsFromTheRegionToADistrictToASchoolAndBackUp() throws Exception {
		Document region = page(Demo.REGION_TURKISTAN, "/dashboards/explore?indicator=SEN_INCLUSIVE&unit=KZ-61&lang=en");
		Element toDistrict = region.selectFirst("table#explore tr[data-code=KZ-61-D08] th a");
		assertThat(toDistrict.text()).isEqualTo("Saryagash District");
		Document district = page(Demo.REGION_TURKISTAN, toDistrict.attr("href") + "&lang=en");
		assertThat(district.selectFirst("h1").text()).contains("Saryagash District");
		Element toSchool = district.selectFirst("table#explore tr[data-code=KZ-61-D08-S001] th a");
		assertThat(toSchool).isNotNull();
		Document school = page(Demo.REGION_TURKISTAN, toSchool.attr("href") + "&lang=en");
		assertThat(school.selectFirst("h1").text()).contains(toSchool.text());
		assertThat(school.select("table#explore tbody tr")).isEmpty();
		assertThat(school.select("p.empty").text()).isEqualTo("There are no places below this one.");
		assertThat(school.selectFirst("table#explore tfoot tr").attr("data-code")).isEqualTo("KZ-61-D08-S001");
		List<Element> crumbs = school.select("nav.breadcrumbs a");
		assertThat(crumbs).extracting(Element::text)
			.containsExactly("Turkistan Region", "Saryagash District", toSchool.text());
		assertThat(crumbs.get(0).attr("href")).contains("unit=KZ-61&").contains("indicator=SEN_INCLUSIVE");
	}

	// Downloads

	@Test
	void theCsvHoldsExactlyTheRowsOfThePagesTable() throws Exception {
		Document page = page(Demo.DISTRICT_SARYAGASH, "/dashboards/explore?indicator=SUPPORT_HOURS&lang=ru");
		Element table = page.selectFirst("table#explore");
		String href = page.selectFirst("#explore-caption")
			.parent()
			.parent()
			.parent()
			.select("a[href*=data.csv]")
			.attr("href");
		assertThat(href).startsWith("/dashboards/data.csv?");
		MockHttpServletResponse response = download(Demo.DISTRICT_SARYAGASH, href + "&lang=ru");
		assertThat(response.getContentType()).isEqualTo("text/csv; charset=UTF-8");
		byte[] bytes = response.getContentAsByteArray();
		assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
		List<List<String>> csv = csv(new String(bytes, StandardCharsets.UTF_8).substring(1));
		assertThat(csv.get(0)).containsExactly("Место", "Код", "Наименование", "Числитель: Проведённые часы",
				"Знаменатель: Рекомендованные часы", "Значение (соотношение)", "Примечание");
		List<Element> rows = table.select("tbody tr, tfoot tr");
		assertThat(csv).hasSize(rows.size() + 1);
		for (int i = 0; i < rows.size(); i++) {
			Element row = rows.get(i);
			List<String> line = csv.get(i + 1);
			assertThat(line.get(1)).isEqualTo(row.attr("data-code"));
			assertThat(line.get(2)).isEqualTo(row.selectFirst("th a, th span").text());
			assertThat(line.get(3)).isEqualTo(row.selectFirst("td.numerator").attr("data-numerator"));
			assertThat(line.get(4)).isEqualTo(row.selectFirst("td.denominator").attr("data-denominator"));
			assertThat(line.get(5)).isEqualTo(row.selectFirst("td.value").attr("data-value"));
			assertThat(line.get(6))
				.isEqualTo(row.selectFirst("td.value").hasClass("note") ? row.selectFirst("td.value").text() : "");
		}
		assertThat(csv.get(csv.size() - 1).get(1)).isEqualTo("KZ-61-D08");
	}

	@Test
	void theXlsxDownloadOpensWithTheSameRows() throws Exception {
		Document page = page(Demo.MINISTRY, "/dashboards/compare?indicator=COND_REPORTED&lang=en");
		String href = page.select("a[href*=data.xlsx]").attr("href");
		MockHttpServletResponse response = download(Demo.MINISTRY, href + "&lang=en");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(response.getHeader("Content-Disposition")).contains(".xlsx");
		try (ReadableWorkbook workbook = new ReadableWorkbook(
				new ByteArrayInputStream(response.getContentAsByteArray()))) {
			List<Row> sheet = workbook.getFirstSheet().read();
			assertThat(sheet.get(0).getCellAsString(1)).hasValue("Code");
			assertThat(sheet).hasSize(1 + 20 + 1);
			List<String> codes = new ArrayList<>();
			for (Row row : sheet.subList(1, sheet.size())) {
				codes.add(row.getCellAsString(1).orElse(""));
			}
			assertThat(codes)
				.isEqualTo(page.select("table#compare tbody tr, table#compare tfoot tr").eachAttr("data-code"));
		}
	}

	// Languages

	@Test
	void everyPageAnswersInKazakhRussianAndEnglish() throws Exception {
		Map<String, List<String>> expected = new LinkedHashMap<>();
		expected.put("kk", List.of("Көрсеткіштерге шолу: Сарыағаш ауданы", "Салыстыру:", "Тереңдету:", "Алшақтықтар:"));
		expected.put("ru", List.of("Обзор показателей: Сарыагашский район", "Сравнение:", "Детализация:", "Разрывы:"));
		expected.put("en", List.of("Indicators overview: Saryagash District", "Comparison:", "Explore:", "Gaps:"));
		for (Map.Entry<String, List<String>> language : expected.entrySet()) {
			List<String> paths = List.of("/dashboards", "/dashboards/compare", "/dashboards/explore",
					"/dashboards/gaps");
			for (int i = 0; i < paths.size(); i++) {
				Document page = page(Demo.DISTRICT_SARYAGASH, paths.get(i) + "?lang=" + language.getKey());
				assertThat(page.selectFirst("html").attr("lang")).isEqualTo(language.getKey());
				assertThat(page.selectFirst("h1").text()).startsWith(language.getValue().get(i));
				assertThat(page.html()).doesNotContain("??");
			}
		}
		// Without ?lang the browser's preference decides.
		String russian = mvc
			.perform(get("/dashboards/gaps").with(as(Demo.DISTRICT_SARYAGASH))
				.accept(MediaType.TEXT_HTML)
				.header("Accept-Language", "ru-RU,ru;q=0.9"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(russian).selectFirst("h1").text()).isEqualTo("Разрывы: Сарыагашский район");
	}

	// Helpers

	private IndicatorValue total(Actor actor, String code, String unit) {
		return indicators.values(actor, code, unit, year, Level.SELF, List.of()).total();
	}

	/** A row's figures against the engine's value; none shows as no data. */
	private static void assertFigures(Element row, IndicatorValue value) {
		assertThat(row).as("row for " + (value == null ? null : value.orgUnit())).isNotNull();
		Element numerator = row.selectFirst("td.numerator");
		Element denominator = row.selectFirst("td.denominator");
		Element result = row.selectFirst("td.value");
		assertThat(numerator.attr("data-numerator")).isEqualTo(plain(value.numerator()));
		if (denominator != null) {
			assertThat(denominator.attr("data-denominator")).isEqualTo(plain(value.denominator()));
		}
		assertThat(result.attr("data-value")).isEqualTo(plain(value.value()));
		if (value.noData()) {
			assertThat(result.text()).isEqualTo("no data");
		}
	}

	private static String value(IndicatorValue value) {
		return value == null ? "" : plain(value.value());
	}

	private static String plain(BigDecimal number) {
		return number == null ? "" : number.toPlainString();
	}

	private Document page(String user, String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(as(user)).accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private int status(String user, String path) throws Exception {
		return mvc.perform(get(path).with(as(user)).accept(MediaType.TEXT_HTML)).andReturn().getResponse().getStatus();
	}

	private MockHttpServletResponse download(String user, String href) throws Exception {
		return mvc.perform(get(href).with(as(user))).andReturn().getResponse();
	}

	/** RFC 4180: quoted fields with doubled quotes, lines ending in CRLF. */
	private static List<List<String>> csv(String text) {
		List<List<String>> lines = new ArrayList<>();
		List<String> line = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				line.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r') {
				continue;
			}
			else if (c == '\n') {
				line.add(field.toString());
				field.setLength(0);
				lines.add(line);
				line = new ArrayList<>();
			}
			else {
				field.append(c);
			}
		}
		return lines;
	}

}
