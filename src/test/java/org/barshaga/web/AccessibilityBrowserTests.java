package org.barshaga.web;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.BrowserTest;
import org.barshaga.support.SessionCookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens every page of the application in a real browser (Debian's Chromium), in Kazakh,
 * Russian and English, and fails on any axe-core violation of the WCAG 2.1 A and AA
 * rules, on any message key left untranslated, and on pages that need a mouse or a wide
 * screen.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTests {

	/** Sample values that are downloads or parts of pages, not pages to check. */
	static final String NOT_A_PAGE = "not a page: ";

	static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	static final List<String> LANGUAGES = List.of("kk", "ru", "en");

	/**
	 * The WCAG rules whose outcome can change with the language of a page: its language
	 * attributes, its title, and the names that labels, buttons, links, images and
	 * controls take from the messages. The other rules (structure, roles, colours, focus)
	 * see the same templates in every language, and the costliest of them (contrast, on
	 * the long tables of reports) took most of the browser check's time when it ran in
	 * all three.
	 */
	static final List<String> RULES_OF_TEXT = List.of("html-has-lang", "html-lang-valid", "html-xml-lang-mismatch",
			"valid-lang", "document-title", "label", "button-name", "link-name", "input-button-name", "select-name",
			"image-alt", "input-image-alt", "area-alt", "svg-img-alt", "role-img-alt", "object-alt", "summary-name",
			"frame-title", "aria-command-name", "aria-input-field-name", "aria-meter-name", "aria-progressbar-name",
			"aria-toggle-field-name", "aria-tooltip-name");

	static final File CHROMIUM = new File("/usr/bin/chromium");

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.barshaga.indicators.FiguresOfRecord figuresOfRecord;

	@Autowired
	org.barshaga.indicators.Indicators indicatorCatalogue;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	WebDriver browser;

	@BeforeAll
	void startBrowser() {
		boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
		}
		Assumptions.assumeTrue(installed,
				"Chromium and chromedriver are not installed: apt-get install chromium chromium-driver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US");
		browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(),
				options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void everyPagePassesAxeInEveryLanguage() {
		signOut();
		List<String> problems = new ArrayList<>();
		for (String language : LANGUAGES) {
			check(url("/login?lang=" + language), language, problems);
			check(url("/open-data?indicator=SEN_INCLUSIVE&unit=KZ-61&lang=" + language), language, problems);
		}
		signIn("admin");
		Map<String, String> pages = samplePages();
		assertThat(pages.keySet()).as("every page route has a sample URL here").isEqualTo(pageRoutes());
		for (String language : LANGUAGES) {
			for (String path : pages.values()) {
				if (!path.startsWith("/learners") && !path.startsWith(NOT_A_PAGE)) {
					check(url(path + (path.contains("?") ? "&" : "?") + "lang=" + language), language, problems);
				}
			}
			browser.get(url("/organisations/new?lang=" + language));
			WebElement before = browser.findElement(By.tagName("html"));
			browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
			waitUntilReplaced(before);
			check(null, language, problems);
			assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
			check(url("/organisations/999999999?lang=" + language), language, problems);
			check(url("/reconcile?year=abc&lang=" + language), language, problems);
			check(url("/quality/instruments/PUPIL_VOICE/versions/1?easy=true&lang=" + language), language, problems);
			browser.get(url("/indicators/new?lang=" + language));
			before = browser.findElement(By.tagName("html"));
			browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
			waitUntilReplaced(before);
			check(null, language, problems);
			assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
			browser.get(url("/admin/validation-rules/new?lang=" + language));
			before = browser.findElement(By.tagName("html"));
			browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
			waitUntilReplaced(before);
			check(null, language, problems);
			assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
			check(url("/validation?place=NOWHERE&lang=" + language), language, problems);
			// the choice of live figures or figures of record, where a year has them
			int recorded = figuresOfRecord();
			check(url("/dashboards?year=" + recorded + "&asOf=approved&lang=" + language), language, problems);
			check(url("/reports?unit=KZ-61&year=" + recorded + "&asOf=1&lang=" + language), language, problems);
			check(url("/open-data?indicator=SEN_INCLUSIVE&unit=KZ-61&year=" + recorded + "&asOf=2&lang=" + language),
					language, problems);
			check(url("/dashboards/explore?indicator=SEN_INCLUSIVE&asOf=7&year=" + recorded + "&lang=" + language),
					language, problems);
		}
		signIn("school.demo");
		for (String language : LANGUAGES) {
			for (String path : learnerPages()) {
				check(url(path + (path.contains("?") ? "&" : "?") + "lang=" + language), language, problems);
			}
			for (String path : List.of("/support", "/support/new",
					"/support/requests/" + supportRequest("KZ-61-D08-S001", "CLOSED"), "/reporting",
					"/reporting/schools/KZ-61-D08-S001?year=" + reportingPeriod())) {
				check(url(path + (path.contains("?") ? "&" : "?") + "lang=" + language), language, problems);
			}
			for (String path : List.of("/practices", "/practices/new", "/practices/" + demoPractice("DRAFT"),
					"/practices/" + demoPractice("DRAFT") + "/edit", "/practices/" + demoPractice("PUBLISHED"))) {
				check(url(path + "?lang=" + language), language, problems);
			}
			check(url("/practices?q=%D0%BA%D0%B5%D1%81%D1%82%D0%B5%D0%BB%D0%B5%D1%80%D0%B3%D0%B5&lang=" + language),
					language, problems);
			browser.get(url("/support/new?lang=" + language));
			WebElement before = browser.findElement(By.tagName("html"));
			browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
			waitUntilReplaced(before);
			check(null, language, problems);
			assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
		}
		// the district's decision on a submission waiting for it: approve, or return with
		// a
		// comment
		signIn("district.saryagash");
		String waiting = submissionWaiting("KZ-61-D08-S002");
		for (String language : LANGUAGES) {
			check(url(waiting + "&lang=" + language), language, problems);
			check(url("/reporting?year=" + reportingPeriod() + "&lang=" + language), language, problems);
		}
		// the evidence bank's coding pages, as a researcher sees them, and a coding form
		// with
		// its errors
		signIn("researcher");
		for (String language : LANGUAGES) {
			for (String path : evidencePages()) {
				check(url(path + (path.contains("?") ? "&" : "?") + "lang=" + language), language, problems);
			}
			browser.get(url("/evidence/coding/" + evidencePublication(false) + "?lang=" + language));
			WebElement before = browser.findElement(By.tagName("html"));
			browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
			waitUntilReplaced(before);
			check(null, language, problems);
		}
		// the centre's forms: scheduling a consultation, and recording it
		signIn("pmpc.turkistan");
		for (String language : LANGUAGES) {
			check(url("/support/seminars/new?lang=" + language), language, problems);
			check(url("/support/seminars/" + demoSeminar() + "?school=KZ-61-D08-S005&lang=" + language), language,
					problems);
			for (String status : List.of("ACCEPTED", "SCHEDULED")) {
				check(url("/support/requests/" + supportRequest("KZ-61-D08-S001", status) + "?lang=" + language),
						language, problems);
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * The learner pages as the school coordinator sees them, every form included (the
	 * route map above holds one sample of each pattern; this list has every section).
	 */
	private List<String> learnerPages() {
		long learner = jdbc.sql("""
				SELECT MIN(l.id) FROM learner l WHERE l.path LIKE '/KZ/KZ-61/KZ-61-D08/KZ-61-D08-S001/%'
				AND EXISTS (SELECT 1 FROM plan p WHERE p.learner_id = l.id)
				AND EXISTS (SELECT 1 FROM consent k WHERE k.learner_id = l.id AND k.purpose = 'DATA_PROCESSING'
					AND k.withdrawn_on IS NULL)""").query(Long.class).single();
		long plan = jdbc.sql("SELECT id FROM plan WHERE learner_id = :id")
			.param("id", learner)
			.query(Long.class)
			.single();
		long consent = jdbc.sql("SELECT MIN(id) FROM consent WHERE learner_id = :id")
			.param("id", learner)
			.query(Long.class)
			.single();
		long enrolment = jdbc.sql("SELECT MIN(id) FROM enrolment WHERE learner_id = :id")
			.param("id", learner)
			.query(Long.class)
			.single();
		List<String> pages = new ArrayList<>(List.of("/learners", "/learners?worklist=SERVICE_NOT_DELIVERED",
				"/learners/new", "/learners/transfers", "/learners/" + learner, "/learners/" + learner + "/edit",
				"/learners/" + learner + "/consents/" + consent + "/withdrawal",
				"/learners/" + learner + "/enrolments/" + enrolment + "/end",
				"/learners/" + learner + "/plans/" + plan + "/edit", "/learners/" + learner + "/parent-request"));
		for (String section : List.of("guardians", "consents", "conclusions", "functioning", "enrolments",
				"support-levels", "plans", "sessions", "devices")) {
			pages.add("/learners/" + learner + "/" + section + "/new");
		}
		for (String part : List.of("goals", "services", "reviews")) {
			pages.add("/learners/" + learner + "/plans/" + plan + "/" + part + "/new");
		}
		pages.add("/learners/" + learner + "/functioning/new?ageGroup=2-4");
		long guardian = jdbc.sql("SELECT MIN(id) FROM guardian WHERE learner_id = :id")
			.param("id", learner)
			.query(Long.class)
			.single();
		pages.add("/learners/" + learner + "/guardians/" + guardian + "/edit");
		jdbc.sql("""
				SELECT MIN(d.id) FROM device d JOIN learner l ON l.id = d.learner_id
				WHERE l.path LIKE '%/KZ-61-D08-S001/' AND EXISTS (SELECT 1 FROM consent k WHERE k.learner_id = l.id
					AND k.purpose = 'DATA_PROCESSING' AND k.withdrawn_on IS NULL)""")
			.query(Long.class)
			.optional()
			.ifPresent(device -> pages.add("/learners/" + jdbc.sql("SELECT learner_id FROM device WHERE id = :id")
				.param("id", device)
				.query(Long.class)
				.single() + "/devices/" + device + "/edit"));
		long staff = jdbc.sql("SELECT MIN(id) FROM staff_member WHERE path LIKE '%/KZ-61-D08-S001/'")
			.query(Long.class)
			.single();
		pages.add("/schools/KZ-61-D08-S001/conditions");
		pages.add("/schools/KZ-61-D08-S001/staff/new");
		pages.add("/schools/KZ-61-D08-S001/staff/" + staff + "/trainings/new");
		return pages;
	}

	@Test
	void theKeyboardAloneReachesTheContentAndSignsIn() {
		signOut();
		browser.get(url("/login?lang=en"));
		WebElement body = browser.findElement(By.tagName("body"));
		body.sendKeys(Keys.TAB);
		WebElement skip = browser.switchTo().activeElement();
		assertThat(skip.getAttribute("class")).isEqualTo("skip-link");
		skip.sendKeys(Keys.ENTER);
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
		WebElement username = browser.findElement(By.id("field-username"));
		username.sendKeys("admin", Keys.TAB);
		browser.switchTo().activeElement().sendKeys(BarshagaTest.DEMO_PASSWORD, Keys.ENTER);
		waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
		Cookie session = browser.manage().getCookieNamed(SessionCookie.NAME);
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
	}

	/**
	 * A coordinator registers a child and records a consent with key presses only: typing
	 * into fields, Space on radio buttons, letters in selects, Enter to submit.
	 */
	@Test
	void aCoordinatorRecordsAChildWithTheKeyboardAlone() {
		signIn("school.demo");
		String iin = unusedIin();
		browser.get(url("/learners/new?lang=en"));
		type("field-iin", iin);
		type("field-surname", "Keyboard");
		type("field-givenName", "Only");
		// A date field takes the digits in the browser's order (en-US: month, day, year).
		browser.findElement(By.id("field-birthDate")).sendKeys("04092018");
		browser.findElement(By.cssSelector("input[name=sex][value=FEMALE]")).sendKeys(Keys.SPACE);
		browser.findElement(By.id("field-language")).sendKeys("Kazakh");
		browser.findElement(By.id("field-homeUnitCode")).sendKeys("Saryagash");
		type("field-grade", "2");
		browser.findElement(By.cssSelector("input[name=form][value=INCLUSIVE_CLASS]")).sendKeys(Keys.SPACE);
		WebElement before = browser.findElement(By.tagName("html"));
		browser.findElement(By.id("field-grade")).sendKeys(Keys.ENTER);
		waitUntilReplaced(before);
		assertThat(browser.getCurrentUrl()).matches(".*/learners/\\d+$");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Keyboard Only");
		String record = browser.getCurrentUrl();
		browser.get(record + "/consents/new?lang=en");
		browser.findElement(By.cssSelector("input[name=purpose][value=DATA_PROCESSING]")).sendKeys(Keys.SPACE);
		before = browser.findElement(By.tagName("html"));
		browser.findElement(By.id("field-givenOn")).sendKeys(Keys.ENTER);
		waitUntilReplaced(before);
		assertThat(browser.getCurrentUrl()).startsWith(record);
		assertThat(browser.findElement(By.id("consents")).getText()).contains("Processing of personal data");
	}

	/**
	 * A district officer drills down from the district to a school with Tab and Enter, on
	 * a page whose charts the static script has drawn.
	 */
	@Test
	void theDashboardsDrillDownWithTheKeyboardAlone() {
		signIn("district.saryagash");
		browser.get(url("/dashboards/explore?indicator=SEN_INCLUSIVE&lang=en"));
		waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#explore-chart.chart-ready canvas")));
		WebElement body = browser.findElement(By.tagName("body"));
		body.sendKeys(Keys.TAB);
		WebElement focused = browser.switchTo().activeElement();
		for (int presses = 0; presses < 120 && !inTable(focused); presses++) {
			focused.sendKeys(Keys.TAB);
			focused = browser.switchTo().activeElement();
		}
		assertThat(inTable(focused)).as("Tab reaches the places below").isTrue();
		String school = focused.getText();
		WebElement before = browser.findElement(By.tagName("html"));
		focused.sendKeys(Keys.ENTER);
		waitUntilReplaced(before);
		assertThat(browser.getCurrentUrl()).contains("unit=KZ-61-D08-S");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains(school);
	}

	private static boolean inTable(WebElement element) {
		return element.getTagName().equals("a") && element.getAttribute("href").contains("/dashboards/explore")
				&& !element.findElements(By.xpath("ancestor::table[@id='explore']")).isEmpty();
	}

	private void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		field.sendKeys(text);
	}

	private String unusedIin() {
		for (int serial = 6000;; serial++) {
			String iin = org.barshaga.kernel.Iin.of(java.time.LocalDate.of(2018, 4, 9), org.barshaga.kernel.Sex.FEMALE,
					serial);
			if (jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = :iin")
				.param("iin", iin)
				.query(Long.class)
				.single() == 0) {
				return iin;
			}
		}
	}

	@Test
	void pagesFitANarrowScreen() {
		signIn("district.saryagash");
		try {
			browser.manage().window().setSize(new Dimension(320, 800));
			for (String path : List.of("/", "/organisations", "/units/KZ-61", "/users", "/account", "/reports",
					"/indicators", "/open-data?indicator=SEN_INCLUSIVE&unit=KZ-61", "/dashboards",
					"/dashboards/compare", "/dashboards/explore", "/dashboards/gaps", "/dashboards/outcomes",
					"/dashboards/voices", "/reconcile?year=" + RECONCILE_YEAR, "/quality/instruments",
					"/quality/instruments/PARENT_SEN/versions/1?easy=true")) {
				browser.get(url(path + (path.contains("?") ? "&" : "?") + "lang=kk"));
				long width = (Long) ((JavascriptExecutor) browser)
					.executeScript("return document.documentElement.scrollWidth;");
				long viewport = (Long) ((JavascriptExecutor) browser)
					.executeScript("return document.documentElement.clientWidth;");
				assertThat(width).as(path).isLessThanOrEqualTo(viewport);
			}
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	private void check(String address, String language, List<String> problems) {
		if (address != null) {
			browser.get(address);
		}
		String where = browser.getCurrentUrl();
		String lang = browser.findElement(By.tagName("html")).getAttribute("lang");
		if (!language.equals(lang)) {
			problems.add(where + ": lang=" + lang);
		}
		if (browser.getPageSource().contains("??")) {
			problems.add(where + ": a message key has no text");
		}
		AxeBuilder axe = new AxeBuilder();
		if (everyRuleIn(language, where)) {
			axe.withTags(WCAG_21_AA);
		}
		else {
			axe.withOnlyRules(RULES_OF_TEXT);
		}
		Results results = axe.analyze(browser);
		for (Rule violation : results.getViolations()) {
			problems.add(where + ": " + violation.getId() + " " + violation.getHelp() + " "
					+ violation.getNodes().stream().map(n -> n.getTarget().toString()).toList());
		}
	}

	/**
	 * Whether a page gets every WCAG rule in this language or only the rules of its text.
	 * The languages take turns by page, so that each language's templates are checked in
	 * full on a third of the pages, and every page in full in one language.
	 */
	static boolean everyRuleIn(String language, String address) {
		java.net.URI uri = java.net.URI.create(address);
		String page = uri.getPath() + "?"
				+ (uri.getQuery() == null ? "" : uri.getQuery().replaceAll("(^|&)lang=[a-z]+", ""));
		return LANGUAGES.get(Math.floorMod(page.hashCode(), LANGUAGES.size())).equals(language);
	}

	private Map<String, String> samplePages() {
		long school = jdbc.sql("SELECT id FROM organisation WHERE code = 'KZ-61-D08-S001'").query(Long.class).single();
		long user = jdbc.sql("SELECT id FROM app_user WHERE username = 'school.demo'").query(Long.class).single();
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("/", "/");
		pages.put("/login", "/login");
		pages.put("/organisations", "/organisations?unit=KZ-61-D08");
		pages.put("/organisations/new", "/organisations/new");
		pages.put("/organisations/{id}", "/organisations/" + school);
		pages.put("/organisations/{id}/edit", "/organisations/" + school + "/edit");
		pages.put("/units", "/units");
		pages.put("/units/{code}", "/units/KZ-61");
		pages.put("/users", "/users");
		pages.put("/users/new", "/users/new");
		pages.put("/users/{id}", "/users/" + user);
		pages.put("/audit", "/audit");
		pages.put("/account", "/account");
		pages.put("/account/two-factor", "/account/two-factor");
		pages.put("/login/two-factor", "/login/two-factor");
		pages.put("/admin/two-factor", "/admin/two-factor");
		pages.put("/admin/kato-import", "/admin/kato-import");
		pages.put("/admin/archived-learners", "/admin/archived-learners");
		pages.put("/admin/learner-erasure", "/admin/learner-erasure");
		pages.put("/admin/archived-learners/restore", "/admin/archived-learners/restore");
		for (String route : List.of("/learners", "/learners/new", "/learners/transfers", "/learners/{id}",
				"/learners/{id}/edit",
				"/learners/{id}/{section:guardians|consents|conclusions|functioning|enrolments|support-levels|plans|sessions|devices}/new",
				"/learners/{id}/consents/{consentId}/withdrawal", "/learners/{id}/enrolments/{enrolmentId}/end",
				"/learners/{id}/plans/{planId}/edit", "/learners/{id}/plans/{planId}/{part:goals|services|reviews}/new",
				"/learners/{id}/{section:guardians|devices}/{itemId}/edit", "/learners/{id}/parent-request")) {
			pages.put(route, "/learners (see learnerPages)");
		}
		pages.put("/conditions", "/conditions");
		pages.put("/schools/{code}/conditions", "/schools/KZ-61-D08-S001/conditions");
		pages.put("/schools/{code}/staff", "/schools/KZ-61-D08-S001/staff");
		pages.put("/schools/{code}/staff/new", "/learners (see learnerPages: a coordinator's form)");
		pages.put("/schools/{code}/staff/{id}/trainings/new", "/learners (see learnerPages: a coordinator's form)");
		pages.put("/units/{code}/conditions", "/units/KZ-61-D08/conditions?gaps=true");
		pages.put("/units/{code}/staffing", "/units/KZ-61-D08/staffing");
		pages.put("/admin/criteria", "/admin/criteria");
		pages.put("/admin/staffing-norms", "/admin/staffing-norms");
		pages.put("/support", "/support");
		pages.put("/support/new", "/learners (see learnerPages: a coordinator's form)");
		pages.put("/support/requests/{id}", "/support/requests/" + supportRequest("KZ-61-D08-S001", "CONFIRMED"));
		pages.put("/support/answers", "/support/answers");
		pages.put("/support/seminars", "/support/seminars");
		pages.put("/support/seminars/new", "/learners (see learnerPages: a centre's form, under pmpc.turkistan)");
		pages.put("/support/seminars/{id}", "/support/seminars/" + demoSeminar());
		pages.put("/practices", "/practices");
		pages.put("/practices/new", "/learners (see learnerPages: a school's form, under school.demo)");
		pages.put("/practices/{id}", "/practices/" + demoPractice("PUBLISHED"));
		pages.put("/practices/{id}/edit", "/learners (see learnerPages: a school's form, under school.demo)");
		pages.put("/practices/{id}/files/{fileId}", NOT_A_PAGE + "a file download");
		pages.put("/open-data/practices.csv", NOT_A_PAGE + "a CSV download");
		pages.put("/validation", "/validation?place=KZ-61-D08");
		pages.put("/admin/validation-rules", "/admin/validation-rules");
		pages.put("/admin/validation-rules/new", "/admin/validation-rules/new");
		pages.put("/admin/validation-rules/{code}", "/admin/validation-rules/SEN_PUPILS_WITHIN_PUPILS");
		pages.put("/admin/reporting-periods", "/admin/reporting-periods");
		pages.put("/admin/reporting-periods/new", "/admin/reporting-periods/new");
		pages.put("/admin/reporting-periods/{year}", "/admin/reporting-periods/" + reportingPeriod());
		pages.put("/reporting", "/reporting?year=" + reportingPeriod());
		pages.put("/reporting/schools/{code}", "/reporting/schools/KZ-61-D08-S001?year=" + reportingPeriod());
		pages.put("/figures-of-record", "/figures-of-record");
		pages.put("/figures-of-record/{year}/{revision}", "/figures-of-record/" + figuresOfRecord() + "/2");
		pages.put("/exchange", "/exchange");
		pages.put("/exchange/runs/{id}", "/exchange/runs/" + importRunWithRejections());
		pages.put("/exchange/runs/{id}/progress", NOT_A_PAGE + "the progress part of the run page, checked in it");
		pages.put("/exchange/runs/{id}/report.csv", NOT_A_PAGE + "a CSV download");
		pages.put("/exchange/templates/{name}.{format}", NOT_A_PAGE + "a CSV or XLSX download");
		pages.put("/exchange/exports/{name}.{format}", NOT_A_PAGE + "a CSV or XLSX download");
		pages.put("/exchange/vanished.csv", NOT_A_PAGE + "a CSV download");
		pages.put("/indicators", "/indicators");
		pages.put("/indicators/new", "/indicators/new");
		pages.put("/quality/instruments", "/quality/instruments");
		pages.put("/quality/instruments/{code}/versions/{version}", "/quality/instruments/PARENT_SEN/versions/1");
		long round = jdbc.sql("SELECT MIN(id) FROM quality_round WHERE instrument_code = 'PARENT_SEN'")
			.query(Long.class)
			.single();
		pages.put("/quality/rounds", "/quality/rounds");
		pages.put("/quality/rounds/{id}", "/quality/rounds/" + round);
		pages.put("/quality/rounds/{id}/results", "/quality/rounds/" + round + "/results?place=KZ-61-D08");
		pages.put("/schools/{code}/self-review", "/schools/KZ-61-D08-S001/self-review");
		pages.put("/quality/rounds/{id}/texts", NOT_A_PAGE + "a coordinator's page, checked in SurveyBrowserTests");
		pages.put("/quality/rounds/{id}/paper", "/quality/rounds/" + round + "/paper");
		pages.put("/quality/rounds/{id}/paper.pdf", NOT_A_PAGE + "a PDF download");
		pages.put("/quality/instruments/{code}/versions/{version}/paper.pdf", NOT_A_PAGE + "a PDF download");
		pages.put("/quality/instruments/{code}/versions/{version}/paper.csv", NOT_A_PAGE + "a CSV download");
		pages.put("/survey", "/survey");
		for (String route : List.of("/survey/question", "/survey/review", "/survey/paused", "/survey/done")) {
			pages.put(route, NOT_A_PAGE + "a survey screen behind a code, checked in SurveyBrowserTests");
		}
		pages.put("/evidence", "/evidence");
		pages.put("/evidence/codebooks/{code}", "/evidence/codebooks/SEED000");
		pages.put("/evidence/tables/{table:by-year|by-theme|claims|gap-map|agreement}.csv",
				NOT_A_PAGE + "a CSV download");
		for (String route : List.of("/evidence/import", "/evidence/coding", "/evidence/coding/{id}")) {
			pages.put(route, "/learners (see evidencePages: a researcher's page)");
		}
		pages.put("/reports", "/reports?unit=KZ-61");
		pages.put("/reports/pdf", NOT_A_PAGE + "a PDF download");
		pages.put("/open-data", "/open-data?indicator=PROCESS_PLAN_REVIEWS&unit=KZ-61");
		pages.put("/open-data/{id}.csv", NOT_A_PAGE + "a CSV download");
		pages.put("/open-data/{id}.json", NOT_A_PAGE + "a JSON download");
		pages.put("/dashboards", "/dashboards");
		pages.put("/dashboards/compare", "/dashboards/compare?indicator=SEN_INCLUSIVE");
		pages.put("/dashboards/explore", "/dashboards/explore?indicator=SEN_BY_FORM&unit=KZ-61-D08&by=FORM");
		pages.put("/dashboards/gaps", "/dashboards/gaps?unit=KZ-61");
		pages.put("/dashboards/outcomes", "/dashboards/outcomes?unit=KZ-61-D08");
		pages.put("/dashboards/voices", "/dashboards/voices?unit=KZ-61-D08");
		pages.put("/dashboards/data.{format}", NOT_A_PAGE + "a CSV or XLSX download");
		long linkage = reconcileRun();
		pages.put("/reconcile", "/reconcile?year=" + RECONCILE_YEAR);
		pages.put("/reconcile/runs/{id}", "/reconcile/runs/" + linkage);
		pages.put("/reconcile/runs/{id}/progress", NOT_A_PAGE + "the progress part of the run page, checked in it");
		pages.put("/reconcile/runs/{id}/children", "/reconcile/runs/" + linkage + "/children?outcome=UNCERTAIN");
		pages.put("/reconcile/runs/{id}/children.csv", NOT_A_PAGE + "a CSV download");
		pages.put("/reconcile/runs/{id}/duplicates.csv", NOT_A_PAGE + "a CSV download");
		pages.put("/reconcile/runs/{id}/disagreements.csv", NOT_A_PAGE + "a CSV download");
		pages.put("/reconcile/runs/{id}/records/{recordId}", "/reconcile/runs/" + linkage + "/records/AX-RC1");
		return pages;
	}

	/** The demo seminar of the demo PMPC. */
	private long demoSeminar() {
		return jdbc.sql("SELECT MIN(id) FROM seminar").query(Long.class).single();
	}

	/** A demo practice of the demo school in the state given. */
	private long demoPractice(String status) {
		return jdbc.sql("""
				SELECT MIN(p.id) FROM practice p JOIN organisation o ON o.id = p.organisation_id
				WHERE o.code = 'KZ-61-D08-S001' AND p.status = :status""")
			.param("status", status)
			.query(Long.class)
			.single();
	}

	/**
	 * The page of a school's submission that waits for its district, submitted if need
	 * be.
	 */
	private String submissionWaiting(String school) {
		int year = reportingPeriod();
		jdbc.sql("""
				INSERT INTO report_submission (school_year, organisation_id, path, status, first_submitted_at,
					submitted_at, submitted_by, version)
				SELECT :year, o.id, o.path, 'SUBMITTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'browser-test', 0
				FROM organisation o WHERE o.code = :school AND NOT EXISTS (SELECT 1 FROM report_submission s
					WHERE s.organisation_id = o.id AND s.school_year = :year)""")
			.param("year", year)
			.param("school", school)
			.update();
		return "/reporting/schools/" + school + "?year=" + year;
	}

	/**
	 * Two revisions of the figures of record of the school year before last (the tests of
	 * figures of record use later years), made here if no test has made them. One value
	 * of revision 1 is moved so that revision 2 has a difference for its table to show.
	 */
	private int figuresOfRecord() {
		int year = indicatorCatalogue.currentYear() - 2;
		if (figuresOfRecord.revisions(year).isEmpty()) {
			figuresOfRecord.freeze(year, "browser-test", null);
			jdbc.sql("""
					UPDATE figure_value SET figure = figure + 1
					WHERE school_year = ? AND revision = 1 AND path = '/KZ/' AND figure IS NOT NULL""")
				.param(year)
				.update();
			figuresOfRecord.freeze(year, "browser-test", "A correction for the accessibility check");
		}
		return year;
	}

	/** The evidence bank's pages for those who code. */
	private List<String> evidencePages() {
		return List.of("/evidence/import", "/evidence/coding", "/evidence/coding?filter=DISAGREEMENTS",
				"/evidence/coding?filter=ALL", "/evidence/coding/" + evidencePublication(true),
				"/evidence/coding/" + evidencePublication(false));
	}

	/**
	 * A demo publication whose two codings disagree, or one that only the first demo
	 * coder has coded (so the researcher's coding form shows).
	 */
	private long evidencePublication(boolean disagreement) {
		return jdbc.sql(disagreement ? """
				SELECT MIN(p.id) FROM evidence_publication p WHERE (SELECT COUNT(*) FROM evidence_coding c
				  WHERE c.codebook_code = 'SEED000' AND c.publication_id = p.id) = 2
				AND NOT EXISTS (SELECT 1 FROM evidence_final f
				  WHERE f.codebook_code = 'SEED000' AND f.publication_id = p.id)""" : """
				SELECT MIN(p.id) FROM evidence_publication p WHERE (SELECT COUNT(*) FROM evidence_coding c
				  WHERE c.codebook_code = 'SEED000' AND c.publication_id = p.id) = 1""").query(Long.class).single();
	}

	/** A demo request for help of the school in the state given. */
	private long supportRequest(String school, String status) {
		return jdbc.sql("""
				SELECT MIN(r.id) FROM support_request r JOIN organisation o ON o.id = r.requester_id
				WHERE o.code = :school AND r.status = :status""")
			.param("school", school)
			.param("status", status)
			.query(Long.class)
			.single();
	}

	/**
	 * Last school year's reporting period, opened here if no test has opened it; the
	 * tests of periods open next year's.
	 */
	private int reportingPeriod() {
		int year = java.time.LocalDate.now().getMonthValue() >= 9 ? java.time.LocalDate.now().getYear() - 1
				: java.time.LocalDate.now().getYear() - 2;
		if (jdbc.sql("SELECT COUNT(*) FROM reporting_period WHERE school_year = ?")
			.param(year)
			.query(Long.class)
			.single() == 0) {
			jdbc.sql("""
					INSERT INTO reporting_period (school_year, census_day, school_deadline, district_deadline,
						region_deadline, ministry_deadline, status, updated_at, updated_by, version)
					VALUES (?, ?, ?, ?, ?, ?, 'OPEN', CURRENT_TIMESTAMP, 'browser-test', 1)""")
				.param(year)
				.param(java.sql.Date.valueOf(year + "-10-01"))
				.param(java.sql.Date.valueOf(year + "-10-10"))
				.param(java.sql.Date.valueOf(year + "-10-20"))
				.param(java.sql.Date.valueOf(year + "-11-01"))
				.param(java.sql.Date.valueOf(year + "-11-15"))
				.update();
		}
		return year;
	}

	/**
	 * A school year of its own for the linkage run below, so that no other fixture sees
	 * it.
	 */
	static final int RECONCILE_YEAR = 2030;

	/**
	 * A finished linkage run with an uncertain link (names swapped, day and month of
	 * birth swapped) and the pupil it proposes, for the reconciliation pages in their
	 * fullest form.
	 */
	private long reconcileRun() {
		String iin = org.barshaga.kernel.Iin.of(java.time.LocalDate.of(2018, 5, 7), org.barshaga.kernel.Sex.MALE, 9511);
		long school = jdbc.sql("SELECT id FROM organisation WHERE code = 'KZ-61-D08-S001'").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO health_registry_record (record_id, iin, surname, given_name, patronymic, birth_date, sex,
					region_code, district_code, path, disability_group, updated_at, updated_by)
				VALUES ('AX-RC1', NULL, 'Erlan', 'Kasymov', NULL, DATE '2018-07-05', 'MALE', 'KZ-61', 'KZ-61-D02',
					'/KZ/KZ-61/KZ-61-D02/', 'GROUP_2', CURRENT_TIMESTAMP, 'accessibility-test')""").update();
		// the child's second health record and benefit record, shown with it as a group
		jdbc.sql("""
				INSERT INTO health_registry_record (record_id, iin, surname, given_name, patronymic, birth_date, sex,
					region_code, district_code, path, disability_group, updated_at, updated_by)
				VALUES ('AX-RC2', NULL, 'Қасымов', 'Ерлан', NULL, DATE '2018-07-05', 'MALE', 'KZ-61', 'KZ-61-D02',
					'/KZ/KZ-61/KZ-61-D02/', 'GROUP_2', CURRENT_TIMESTAMP, 'accessibility-test')""").update();
		jdbc.sql("""
				INSERT INTO social_benefit_record (record_id, iin, surname, given_name, patronymic, birth_date, sex,
					region_code, district_code, path, benefit_type, paid_from, updated_at, updated_by)
				VALUES ('AX-RB1', NULL, 'KASYMOV', 'YERLAN', NULL, DATE '2018-07-06', 'MALE', 'KZ-61', 'KZ-61-D02',
					'/KZ/KZ-61/KZ-61-D02/', 'CHILD_WITH_DISABILITY', DATE '2021-01-01', CURRENT_TIMESTAMP,
					'accessibility-test')""").update();
		jdbc.sql("""
				INSERT INTO enrolment_extract (school_year, iin, surname, given_name, patronymic, birth_date, sex,
					organisation_id, grade, language) VALUES (?, ?, 'Қасымов', 'Ерлан', 'Серікұлы', DATE '2018-05-07',
					'MALE', ?, 5, 'KK')""").params(RECONCILE_YEAR, iin, school).update();
		jdbc.sql("""
				INSERT INTO reconcile_run (school_year, scope_path, actor, status, started_at, finished_at, match_above,
					review_above, seed, health_records, pupils_total, pupils_read, candidate_pairs, random_pairs,
					match_share, model)
				VALUES (?, '/KZ/', 'accessibility-test', 'FINISHED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0.99, 0.2, 1,
					1, 1, 1, 1, 1, 0.5, ?)""")
			.params(RECONCILE_YEAR,
					"IIN:DIFFERENT m=0.05 u=0.9995\nIIN:EXACT m=0.92 u=4.06e-05\n"
							+ "BIRTH_DATE:DAY_MONTH_SWAPPED m=0.01 u=0.0003\nPLACE:SAME_REGION m=0.6 u=0.001\n")
			.update();
		long run = jdbc.sql("SELECT MAX(id) FROM reconcile_run WHERE actor = 'accessibility-test'")
			.query(Long.class)
			.single();
		for (String[] record : new String[][] { { "HEALTH", "AX-RC1", "TRUE" }, { "HEALTH", "AX-RC2", "FALSE" },
				{ "BENEFIT", "AX-RB1", "FALSE" } }) {
			jdbc.sql(
					"""
							INSERT INTO reconcile_result (run_id, register, record_id, outcome, path, residence_path, pupil_iin,
								organisation_id, probability, weight, agreement, names_swapped, decided, age, sex, child_key,
								child_primary, cluster_key, cluster_size, cluster_probability, found_in, disagreements)
							VALUES (?, ?, ?, 'UNCERTAIN', '/KZ/KZ-61/KZ-61-D02/', '/KZ/KZ-61/KZ-61-D02/', ?, ?, 0.62, 8.5,
								'IIN:MISSING SURNAME:EXACT GIVEN_NAME:EXACT PATRONYMIC:MISSING BIRTH_DATE:DAY_MONTH_SWAPPED SEX:SAME PLACE:SAME_REGION',
								TRUE, FALSE, 12, 'MALE', 'HEALTH:AX-RC1', ?, ?, ?, 0.995, 'HEALTH,BENEFIT',
								'BIRTH_DATE_DIFFERS')""")
				.params(run, record[0], record[1], iin, school, Boolean.parseBoolean(record[2]),
						record[0].equals("HEALTH") ? "HEALTH:AX-RC1" : "BENEFIT:AX-RB1",
						record[0].equals("HEALTH") ? 2 : 1)
				.update();
		}
		return run;
	}

	@AfterAll
	void removeReconcileRun() {
		jdbc.sql("DELETE FROM health_registry_record WHERE record_id IN ('AX-RC1', 'AX-RC2')").update();
		jdbc.sql("DELETE FROM social_benefit_record WHERE record_id = 'AX-RB1'").update();
		jdbc.sql("DELETE FROM enrolment_extract WHERE school_year = ?").param(RECONCILE_YEAR).update();
	}

	/** A finished import with rejected rows, for the run page in its fullest form. */
	private long importRunWithRejections() {
		long id = jdbc.sql("""
				INSERT INTO import_run (register, file_name, file_bytes, mode, dry_run, status, actor, scope_path,
					started_at, finished_at, bytes_read, rows_read, rows_rejected, rows_written)
				VALUES ('STAFF', 'staff.csv', 100, 'VALID_ROWS', FALSE, 'COMPLETED', 'admin', '/KZ/',
					CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 100, 3, 1, 2)""").update() > 0
				? jdbc.sql("SELECT MAX(id) FROM import_run").query(Long.class).single() : 0;
		jdbc.sql("""
				INSERT INTO import_rejection (run_id, line_number, column_name, cell_value, reason_key, reason_args)
				VALUES (?, 3, 'fte', '3', 'exchange.reason.range', '0.01\u001f2')""").param(id).update();
		return id;
	}

	private Set<String> pageRoutes() {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			boolean get = info.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("GET"));
			for (String pattern : info.getPatternValues()) {
				if (get && !pattern.startsWith("/api") && !pattern.startsWith("/error")
						&& !pattern.startsWith("/swagger") && !pattern.startsWith("/v3")) {
					routes.add(pattern);
				}
			}
		}
		return new TreeSet<>(routes);
	}

	private void signIn(String username) {
		signOut();
		browser.get(url("/login"));
		browser.findElement(By.id("field-username")).sendKeys(username);
		browser.findElement(By.id("field-password")).sendKeys(BarshagaTest.DEMO_PASSWORD, Keys.ENTER);
		waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/**
	 * Waits until the page an element belonged to has been replaced. Chromium sometimes
	 * reports an element of the replaced document as "Node with given id does not belong
	 * to the document" rather than as stale, which Selenium's staleness check does not
	 * recognise; both mean the new page has come.
	 */
	private void waitUntilReplaced(WebElement before) {
		waitFor(driver -> {
			try {
				before.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException
					| org.openqa.selenium.NoSuchElementException gone) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException detached) {
				if (detached.getMessage() != null
						&& detached.getMessage().contains("does not belong to the document")) {
					return true;
				}
				throw detached;
			}
		});
	}

	private void waitFor(ExpectedCondition<?> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
	}

	private void signOut() {
		browser.get(url("/login"));
		browser.manage().deleteAllCookies();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
