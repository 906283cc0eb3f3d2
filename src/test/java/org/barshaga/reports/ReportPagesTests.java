package org.barshaga.reports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.barshaga.indicators.Indicator;
import org.barshaga.indicators.IndicatorResult;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.Level;
import org.barshaga.indicators.Measure;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.barshaga.support.Demo.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report of a region or district and its PDF, open data without signing in and with
 * small cells suppressed, and the catalogue pages where indicators are added and targets
 * set.
 */
@BarshagaTest
class ReportPagesTests {

	static final Actor REGION = new Actor(0, Demo.REGION_TURKISTAN, "Region", Role.REGION_OFFICER,
			new DataScope("/KZ/KZ-61/"));

	static final Pattern KAZAKH_LETTERS = Pattern.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]");

	@Autowired
	MockMvc mvc;

	@Autowired
	Indicators indicators;

	@Test
	void theReportShowsWhatTheIndicatorsGiveTheSameUser() throws Exception {
		int year = indicators.currentYear();
		Document page = html(
				mvc.perform(get("/reports?unit=KZ-61&year=" + year + "&lang=en").with(as(Demo.REGION_TURKISTAN)))
					.andExpect(status().isOk())
					.andReturn());
		assertThat(page.select("h1").text()).contains("Turkistan");
		assertThat(page.select("dl.report-facts").text()).contains("Data as of (census day)", "Report generated");
		assertThat(page.select("#definitions")).hasSize(1);
		assertThat(page.select("section.report-section")).hasSize(indicators.catalogue().size());
		int compared = 0;
		for (Indicator indicator : indicators.catalogue()) {
			Element section = page.getElementById("indicator-" + indicator.code());
			assertThat(section).as(indicator.code()).isNotNull();
			assertThat(section.select("h2").text()).isEqualTo(indicator.name().en());
			IndicatorResult self = indicators.values(REGION, indicator.code(), "KZ-61", year, Level.SELF, List.of());
			IndicatorResult children = indicators.values(REGION, indicator.code(), "KZ-61", year, Level.CHILDREN,
					List.of());
			IndicatorResult nation = indicators.values(REGION, indicator.code(), "KZ", year, Level.SELF, List.of());
			// A share has a bar for the region, each district and the country; a count
			// for
			// each district only.
			assertThat(section.select("svg.bar"))
				.hasSize(children.values().size() + (indicator.unit().hasDenominator() ? 2 : 0));
			List<Element> rows = section.select("table.report-table > tbody:not(.comparisons) > tr");
			assertThat(rows).hasSize(1 + children.values().size());
			assertThat(cells(rows.get(0))).as(indicator.code() + " region")
				.isEqualTo(expected(indicator, self.total()));
			for (int i = 0; i < children.values().size(); i++) {
				IndicatorValue child = children.values().get(i);
				assertThat(rows.get(i + 1).selectFirst("th").text()).isEqualTo(child.name().en());
				assertThat(cells(rows.get(i + 1))).as(indicator.code() + " " + child.orgUnit())
					.isEqualTo(expected(indicator, child));
				compared++;
			}
			Element country = section.selectFirst("tbody.comparisons > tr");
			assertThat(country.selectFirst("th").text()).contains("Kazakhstan");
			assertThat(cells(country)).as(indicator.code() + " country").isEqualTo(expected(indicator, nation.total()));
		}
		assertThat(compared).isGreaterThan(100);
		assertThat(page.select("#definitions dd").text()).contains(indicators.catalogue().get(0).description().en());
	}

	/**
	 * The figures of a table row: a number as written for machines, or what stands for
	 * none.
	 */
	private static List<String> cells(Element row) {
		List<String> cells = new ArrayList<>();
		for (Element cell : row.select("td")) {
			Element number = cell.selectFirst("data");
			cells.add(number != null ? number.attr("value")
					: cell.selectFirst(".suppressed") != null ? "suppressed" : "none");
		}
		return cells;
	}

	private static List<String> expected(Indicator indicator, IndicatorValue value) {
		if (value == null) {
			// No row at all for the place (a cohort indicator before next year's
			// extract): the report reads it as the places below do, nought counted and
			// no share of nothing.
			return indicator.unit().hasDenominator() ? List.of("0", "0", "none") : List.of("0", "0");
		}
		List<String> cells = new ArrayList<>();
		cells.add(figure(value, value.numerator()));
		if (indicator.unit().hasDenominator()) {
			cells.add(figure(value, value.denominator()));
		}
		cells.add(figure(value, value.value()));
		return cells;
	}

	private static String figure(IndicatorValue value, BigDecimal number) {
		return value.suppressed() ? "suppressed" : number == null ? "none" : number.toPlainString();
	}

	@Test
	void aDistrictOfficerReadsTheirOwnDistrictOnly() throws Exception {
		mvc.perform(get("/reports?lang=en").with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(html(result).select("h1").text()).contains("Saryagash"));
		mvc.perform(get("/reports?unit=KZ-61-D01").with(as(Demo.DISTRICT_SARYAGASH))).andExpect(status().isNotFound());
		mvc.perform(get("/reports?unit=KZ-61").with(as(Demo.DISTRICT_SARYAGASH))).andExpect(status().isNotFound());
		mvc.perform(get("/reports/pdf?unit=KZ-61-D01").with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isNotFound());
		// Only regions and districts have reports: not the country, not a school.
		mvc.perform(get("/reports?unit=KZ").with(as(Demo.MINISTRY))).andExpect(status().isNotFound());
		mvc.perform(get("/reports?unit=KZ-61-D08-S001").with(as(Demo.SCHOOL))).andExpect(status().isNotFound());
		mvc.perform(get("/reports?lang=en").with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(
					result -> assertThat(html(result).text()).contains("Reports are made for a region or a district"));
	}

	@Test
	void thePdfIsSetInTheChosenLanguageWithItsOwnLetters() throws Exception {
		Indicator indicator = indicators.catalogue()
			.stream()
			.filter(i -> KAZAKH_LETTERS.matcher(i.name().kk()).find())
			.findFirst()
			.orElseThrow();
		String kazakh = pdfText("kk");
		assertThat(kazakh).contains(normalise(indicator.name().kk()), "Түркістан");
		assertThat(KAZAKH_LETTERS.matcher(kazakh).results().count()).isGreaterThan(100);
		String russian = pdfText("ru");
		assertThat(russian).contains(normalise(indicator.name().ru()), "Отчёт").doesNotContain(indicator.name().kk());
	}

	private String pdfText(String language) throws Exception {
		MvcResult result = mvc.perform(get("/reports/pdf?unit=KZ-61&lang=" + language).with(as(Demo.REGION_TURKISTAN)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn();
		byte[] pdf = result.getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			return normalise(new PDFTextStripper().getText(document));
		}
	}

	private static String normalise(String text) {
		return text.replaceAll("\\s+", " ");
	}

	@Test
	void openDataNeedsNoSignInAndPublishesNoSmallCell() throws Exception {
		mvc.perform(get("/open-data?lang=en"))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(html(result).select("h1").text()).isEqualTo("Open data"));
		Document values = html(mvc.perform(get("/open-data?indicator=SEN_INCLUSIVE&unit=KZ-61&lang=ru"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(values.select("#values table tbody tr")).isNotEmpty();
		assertThat(values.select("a[href*=/open-data/SEN_INCLUSIVE.csv]")).hasSize(1);
		int suppressed = 0;
		int published = 0;
		for (Indicator indicator : indicators.catalogue()) {
			if (!indicator.countsChildren()) {
				continue;
			}
			for (String unit : List.of("KZ", "KZ-61", "KZ-75", "KZ-59")) {
				for (String level : List.of("children", "self")) {
					String json = mvc
						.perform(get("/open-data/" + indicator.code() + ".json?unit=" + unit + "&level=" + level))
						.andExpect(status().isOk())
						.andReturn()
						.getResponse()
						.getContentAsString();
					assertThat((String) JsonPath.read(json, "$.indicator.id")).isEqualTo(indicator.code());
					assertThat((String) JsonPath.read(json, "$.indicator.name.kk")).isEqualTo(indicator.name().kk());
					List<Map<String, Object>> cells = JsonPath.read(json, "$.values");
					long hidden = cells.stream().filter(c -> Boolean.TRUE.equals(c.get("suppressed"))).count();
					// a place asked for by itself is one cell, with no other to hide
					// beside it; below a place, one hidden cell never stands alone
					// beside a published total
					if (cells.size() > 1 && hidden == 1) {
						String total = mvc
							.perform(get("/open-data/" + indicator.code() + ".json?unit=" + unit + "&level=self"))
							.andReturn()
							.getResponse()
							.getContentAsString();
						assertThat(JsonPath.<Boolean>read(total, "$.values[0].suppressed"))
							.as(indicator.code() + " " + unit + " " + level + ": one hidden cell alone")
							.isTrue();
					}
					for (Map<String, Object> cell : cells) {
						if (Boolean.TRUE.equals(cell.get("suppressed"))) {
							assertThat(cell.get("numerator")).isNull();
							assertThat(cell.get("value")).isNull();
							suppressed++;
							continue;
						}
						published++;
						String where = indicator.code() + " " + cell.get("orgUnit");
						// staff needed is judged by the children behind it, not by its
						// FTE, and a gap by the learners behind it, not by its points
						if (indicator.numerator().countsChildren()
								&& indicator.numerator().subject() != Measure.Subject.FTE
								&& indicator.numerator().subject() != Measure.Subject.POINTS) {
							assertThat(notSmall(cell.get("numerator"))).as(where + " numerator").isTrue();
						}
						if (indicator.denominator() != null && indicator.denominator().countsChildren()) {
							assertThat(notSmall(cell.get("denominator"))).as(where + " denominator").isTrue();
						}
					}
				}
			}
		}
		assertThat(suppressed).as("some small cells exist to be hidden").isPositive();
		assertThat(published).isGreaterThan(suppressed);
	}

	private static boolean notSmall(Object count) {
		BigDecimal number = new BigDecimal(count.toString());
		return number.signum() == 0 || number.compareTo(BigDecimal.valueOf(5)) >= 0;
	}

	@Test
	void theCsvHasAByteOrderMarkAHeaderInTheLanguageAndTheSuppressedFlag() throws Exception {
		byte[] csv = mvc.perform(get("/open-data/SEN_INCLUSIVE.csv?unit=KZ-61&lang=ru"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(csv[0]).isEqualTo((byte) 0xEF);
		assertThat(csv[1]).isEqualTo((byte) 0xBB);
		assertThat(csv[2]).isEqualTo((byte) 0xBF);
		String[] lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines[0]).startsWith("Код индикатора,Индикатор,Определение")
			.endsWith("Скрыто (меньше 5 детей),Редакция утверждённых показателей,Дата утверждения");
		assertThat(lines).hasSizeGreaterThan(5);
		// live figures: no revision, no day of approval
		assertThat(lines[1]).startsWith("SEN_INCLUSIVE,").matches(".*,(true|false),,$");
		mvc.perform(get("/open-data/NO_SUCH.csv")).andExpect(status().isNotFound());
		mvc.perform(get("/open-data/SEN_INCLUSIVE.json?unit=KZ-61-D08")).andExpect(status().isNotFound());
	}

	@Test
	@Transactional
	void anAdministratorAddsAnIndicatorAndABadOneIsRefusedInRussian() throws Exception {
		mvc.perform(get("/indicators/new").with(as(Demo.MINISTRY))).andExpect(status().isForbidden());
		mvc.perform(get("/indicators/new?lang=en").with(as(Demo.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(html(result).select("#field-numerator option")).hasSizeGreaterThan(20));
		Document refused = html(mvc
			.perform(definition(post("/indicators?lang=ru")).param("code", "bad code")
				.param("unit", "SHARE")
				.param("numerator", "SEN_LEARNERS")
				.param("denominator", "SCHOOLS")
				.param("numeratorFilter", "FORM=NOWHERE")
				.with(as(Demo.ADMIN)))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		String summary = refused.select("#error-summary").text();
		assertThat(summary).contains("Код: код состоит из заглавных латинских букв",
				"Знаменатель: доля сравнивает однородное: SEN_LEARNERS и SCHOOLS считают разное",
				"Фильтр числителя: «NOWHERE» не является значением измерения FORM");
		assertThat(refused.select("#error-summary a[href=#field-denominator]")).hasSize(1);
		assertThat(refused.select("#field-denominator").attr("aria-invalid")).isEqualTo("true");
		assertThat(refused.select("#field-code").val()).isEqualTo("bad code");
		assertThat(indicators.catalogue()).noneMatch(i -> i.code().equals("SEN_HOME_TEST"));
		mvc.perform(definition(post("/indicators")).param("code", "SEN_HOME_TEST")
			.param("unit", "SHARE")
			.param("numerator", "SEN_LEARNERS")
			.param("numeratorFilter", "FORM=HOME_BASED")
			.param("denominator", "SEN_LEARNERS")
			.param("disaggregations", "SEX", "SETTLEMENT")
			.with(as(Demo.ADMIN))).andExpect(status().is3xxRedirection());
		mvc.perform(definition(post("/indicators")).param("code", "SEN_HOME_OTHER").with(as(Demo.MINISTRY)))
			.andExpect(status().isForbidden());
		Document catalogue = html(mvc.perform(get("/indicators?lang=en").with(as(Demo.DISTRICT_SARYAGASH)))
			.andExpect(status().isOk())
			.andReturn());
		Element added = catalogue.getElementById("indicator-SEN_HOME_TEST");
		assertThat(added).isNotNull();
		assertThat(added.text()).contains("Learners at home (test)", "Form of education: Home-based education",
				"Sex, Urban / rural", "Added by an administrator");
		assertThat(catalogue.select("a[href=/indicators/new]")).isEmpty();
		assertThat(catalogue.getElementById("targets")).isNull();
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder definition(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
		return request.with(csrf())
			.param("nameKk", "Үйде оқитындар (тест)")
			.param("nameRu", "Обучающиеся на дому (тест)")
			.param("nameEn", "Learners at home (test)")
			.param("descriptionKk", "Сипаттама")
			.param("descriptionRu", "Описание")
			.param("descriptionEn", "Description")
			.param("better", "NEUTRAL");
	}

	@Test
	@Transactional
	void theMinistrySetsATargetAndADistrictOfficerMayNot() throws Exception {
		int year = indicators.currentYear();
		mvc.perform(post("/indicators/targets").with(csrf())
			.param("indicator", "SEN_INCLUSIVE")
			.param("year", String.valueOf(year))
			.param("targetUnit", "KZ-61")
			.param("targetValue", "72,5")
			.with(as(Demo.MINISTRY))).andExpect(status().is3xxRedirection());
		assertThat(indicators.target("SEN_INCLUSIVE", year, "KZ-61"))
			.hasValueSatisfying(target -> assertThat(target.value()).isEqualByComparingTo("72.5"));
		Document catalogue = html(
				mvc.perform(get("/indicators?lang=en").with(as(Demo.MINISTRY))).andExpect(status().isOk()).andReturn());
		assertThat(catalogue.getElementById("indicator-SEN_INCLUSIVE").text()).contains("Turkistan", "72.5");
		mvc.perform(post("/indicators/targets?lang=en").with(csrf())
			.param("indicator", "SEN_INCLUSIVE")
			.param("year", String.valueOf(year))
			.param("targetUnit", "KZ-61")
			.param("targetValue", "-3")
			.with(as(Demo.MINISTRY)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(result -> assertThat(html(result).select("#error-summary a[href=#field-targetValue]").text())
				.contains("Target value"));
		mvc.perform(post("/indicators/targets").with(csrf())
			.param("indicator", "SEN_INCLUSIVE")
			.param("year", String.valueOf(year))
			.param("targetUnit", "KZ-61-D08")
			.param("targetValue", "90")
			.with(as(Demo.DISTRICT_SARYAGASH))).andExpect(status().isForbidden());
		assertThat(indicators.target("SEN_INCLUSIVE", year, "KZ-61-D08").map(target -> target.unitCode()))
			.isNotEqualTo(java.util.Optional.of("KZ-61-D08"));
		// The report shows the region's target.
		Document report = html(mvc.perform(get("/reports?unit=KZ-61&lang=en").with(as(Demo.REGION_TURKISTAN)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(report.getElementById("indicator-SEN_INCLUSIVE").select("p.hint").text()).contains("target: 72.5");
	}

	private static Document html(MvcResult result) throws IOException {
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
