package org.barshaga.identity;

import java.io.File;
import java.time.Duration;
import java.util.UUID;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in a real browser, with Chromium's virtual authenticator standing in for a
 * phone or a security key: the page's own script enrols a passkey with the keyboard, and
 * the passkey alone then signs in, through the same WebAuthn ceremonies a user's device
 * runs (the protocol checks themselves are tested in {@link PasskeyTests}).
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasskeyBrowserTests {

	static final File CHROMIUM = new File("/usr/bin/chromium");

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final String PASSWORD = "Right-Password-2026";

	private static final Actor DISTRICT = new Actor(0, "passkey-browser-test", "District", Role.DISTRICT_OFFICER,
			new DataScope("/KZ/KZ-61/KZ-61-D08/"));

	@LocalServerPort
	int port;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	ChromeDriver browser;

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
				"--disable-dev-shm-usage", "--lang=en-US");
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
	void aPasskeyEnrolledOnTheTwoFactorPageSignsInWithoutThePassword() {
		String username = "passkey.browser." + UUID.randomUUID().toString().substring(0, 8);
		users.create(DISTRICT, new UserDraft(username, "Passkey Browser", null, Role.SPECIALIST.name(),
				"KZ-61-D08-S001", true, PASSWORD, null));
		VirtualAuthenticator device = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true)
					.setIsUserConsenting(true));
		try {
			browser.manage().deleteAllCookies();
			browser.get(url("/login?lang=en"));
			browser.findElement(By.id("field-username")).sendKeys(username);
			browser.findElement(By.id("field-password")).sendKeys(PASSWORD, Keys.ENTER);
			await(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

			browser.get(url("/account/two-factor?lang=en"));
			browser.findElement(By.id("field-passkey-label")).sendKeys("Phone in a browser test");
			browser.findElement(By.id("passkey-add")).sendKeys(Keys.ENTER);
			await(ExpectedConditions.urlContains("passkey"));
			assertThat(browser.findElement(By.id("passkeys")).getText()).contains("Phone in a browser test");
			assertThat(device.getCredentials()).as("the device holds the new passkey").hasSize(1);

			browser.manage().deleteAllCookies();
			browser.get(url("/login?lang=en"));
			browser.findElement(By.id("passkey-sign-in")).sendKeys(Keys.ENTER);
			await(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
			browser.get(url("/account?lang=en"));
			assertThat(browser.getCurrentUrl()).as("signed in by the passkey alone").doesNotContain("/login");
			assertThat(jdbc.sql("""
					SELECT COUNT(*) FROM audit_event WHERE actor = :name AND action = 'LOGIN_SUCCESS'
						AND detail LIKE '%passkey%'""").param("name", username).query(Long.class).single())
				.isEqualTo(1);
		}
		finally {
			((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(device);
		}
	}

	private void await(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
