package org.barshaga.quality;

import java.io.File;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The survey in a real browser on a 320 px wide screen: a parent fills the whole survey
 * with the keyboard alone, and every survey and round page passes axe (WCAG 2.1 A and AA)
 * in Kazakh, Russian and English.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyBrowserTests {

	static final File CHROMIUM = new File("/usr/bin/chromium");

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	static final Actor REGION = new Actor(0, "browser-test", "Region", Role.REGION_OFFICER,
			new DataScope("/KZ/KZ-61/"));

	static final Actor DISTRICT = new Actor(0, "browser-test", "District", Role.DISTRICT_OFFICER,
			new DataScope("/KZ/KZ-61/KZ-61-D08/"));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Rounds rounds;

	WebDriver browser;

	@BeforeAll
	void startBrowser() {
		boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
		}
		Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=320,800", "--lang=en-US");
		browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(),
				options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		browser.manage().window().setSize(new Dimension(320, 800));
	}

	@AfterAll
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aParentFillsTheWholeSurveyWithTheKeyboardAlone() {
		Round round = parentsRound();
		String code = rounds.issueCodes(DISTRICT, round.id(), "KZ-61-D08-S001", 1).get(0);
		browser.manage().deleteAllCookies();
		browser.get(url("/survey?lang=en"));
		tabTo(e -> "field-code".equals(e.getAttribute("id")));
		active().sendKeys(code, Keys.ENTER);
		awaitFor(ExpectedConditions.urlContains("/survey/question"));
		int screens = 0;
		while (browser.getCurrentUrl().contains("/survey/question")) {
			assertThat(pageWidth("scrollWidth")).as("one question fits 320 px")
				.isLessThanOrEqualTo(pageWidth("clientWidth"));
			String before = browser.getCurrentUrl();
			WebElement answer = tabTo(e -> "answer".equals(e.getAttribute("name")));
			String type = answer.getAttribute("type");
			if ("radio".equals(type) || "checkbox".equals(type)) {
				answer.sendKeys(Keys.ARROW_DOWN);
				if ("checkbox".equals(type)) {
					answer.sendKeys(Keys.SPACE);
				}
			}
			else {
				answer.sendKeys(answer.getTagName().equals("textarea") ? "Good school" : "3");
			}
			tabTo(e -> "next".equals(e.getAttribute("value")) && "button".equals(e.getTagName()));
			active().sendKeys(Keys.ENTER);
			awaitFor(ExpectedConditions.not(ExpectedConditions.urlToBe(before)));
			screens++;
			assertThat(screens).as("the survey ends").isLessThan(60);
		}
		assertThat(browser.getCurrentUrl()).contains("/survey/review");
		tabTo(e -> "submit".equals(e.getAttribute("type")) && "button".equals(e.getTagName()));
		active().sendKeys(Keys.ENTER);
		awaitFor(ExpectedConditions.urlContains("/survey/done"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_response WHERE round_id = :round")
			.param("round", round.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM quality_response_scale s JOIN quality_response r ON r.id = s.response_id
				WHERE r.round_id = :round AND s.scale_code = 'PARTNERSHIP' AND s.score IS NOT NULL""")
			.param("round", round.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void surveyAndRoundPagesPassAxeInEveryLanguage() {
		Round round = parentsRound();
		List<String> problems = new ArrayList<>();
		for (String language : List.of("kk", "ru", "en")) {
			String code = rounds.issueCodes(DISTRICT, round.id(), "KZ-61-D08-S001", 1).get(0);
			browser.manage().deleteAllCookies();
			check("/survey?lang=" + language, language, problems);
			browser.findElement(By.id("field-code")).sendKeys("NOT-A-CODE", Keys.ENTER);
			awaitFor(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
			check(null, language, problems);
			browser.findElement(By.id("field-code")).sendKeys(code, Keys.ENTER);
			awaitFor(ExpectedConditions.urlContains("/survey/question"));
			check(null, language, problems);
			check("/survey/question?n=0&easy=true&lang=" + language, language, problems);
			check("/survey/review?lang=" + language, language, problems);
			check("/survey/paused?lang=" + language, language, problems);
			check("/survey/done?lang=" + language, language, problems);
		}
		long demo = jdbc.sql("SELECT MIN(id) FROM quality_round WHERE instrument_code = 'PARENT_SEN'")
			.query(Long.class)
			.single();
		signIn("school.demo");
		for (String language : List.of("kk", "ru", "en")) {
			check("/quality/rounds/" + demo + "?lang=" + language, language, problems);
			check("/quality/rounds/" + demo + "/texts?lang=" + language, language, problems);
			check("/quality/rounds/" + demo + "/paper?lang=" + language, language, problems);
			check("/quality/rounds/" + demo + "/results?place=KZ-61-D08-S001&lang=" + language, language, problems);
		}
		assertThat(problems).isEmpty();
	}

	private Round parentsRound() {
		return rounds.open(REGION, new Rounds.RoundRequest("PARENT_SEN", 1, "KZ-61-D08", List.of(), LocalDate.now(),
				LocalDate.now().plusDays(20)));
	}

	private WebElement tabTo(java.util.function.Predicate<WebElement> wanted) {
		for (int i = 0; i < 40; i++) {
			active().sendKeys(Keys.TAB);
			WebElement focused = active();
			if (wanted.test(focused)) {
				return focused;
			}
		}
		throw new AssertionError("Tab never reached the element on " + browser.getCurrentUrl());
	}

	private WebElement active() {
		return browser.switchTo().activeElement();
	}

	private long pageWidth(String property) {
		return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement." + property + ";");
	}

	private void check(String path, String language, List<String> problems) {
		if (path != null) {
			browser.get(url(path));
		}
		String where = browser.getCurrentUrl();
		if (!language.equals(browser.findElement(By.tagName("html")).getAttribute("lang"))) {
			problems.add(where + ": not in " + language);
		}
		if (browser.getPageSource().contains("??")) {
			problems.add(where + ": a message key has no text");
		}
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(browser);
		for (Rule violation : results.getViolations()) {
			problems.add(where + ": " + violation.getId() + " " + violation.getHelp() + " "
					+ violation.getNodes().stream().map(n -> n.getTarget().toString()).toList());
		}
	}

	private void signIn(String username) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("field-username")).sendKeys(username);
		browser.findElement(By.id("field-password")).sendKeys(BarshagaTest.DEMO_PASSWORD, Keys.ENTER);
		awaitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private void awaitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
