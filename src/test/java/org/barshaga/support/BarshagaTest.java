package org.barshaga.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole application on a real database: the embedded H2 by default,
 * PostgreSQL when the {@code postgres} profile is active (as in CI's second run), always
 * with the demo data. All tests of a run share one database, so a test creates what it
 * changes under its own names.
 * <p>
 * Every such test shares one application context: the server listens on a random port so
 * that the browser tests ({@link BrowserTest}) reuse the same context as the MockMvc
 * tests instead of starting a second one. The {@value #DATABASE} tag puts the test in
 * CI's PostgreSQL run (see docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(BarshagaTest.DATABASE)
@SpringBootTest(properties = { "barshaga.db.url=" + BarshagaTest.H2_URL, "barshaga.demo.enabled=true",
		"barshaga.demo.password=" + BarshagaTest.DEMO_PASSWORD, "barshaga.two-factor.enforce=false",
		"barshaga.indicators.staleness=PT0S", "barshaga.indicators.read-ahead=false",
		"barshaga.indicators.max-age=PT10M", "spring.mail.host=127.0.0.1",
		"spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=2000",
		"barshaga.passkeys.rp-id=localhost", "barshaga.passkeys.origins=http://localhost" })
@ContextConfiguration(initializers = SmtpPort.class)
@AutoConfigureMockMvc
public @interface BarshagaTest {

	String H2_URL = "jdbc:h2:mem:barshaga-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	String DEMO_PASSWORD = "Demo-Passw0rd-for-tests";

	/**
	 * Tests that read or write a database, and so run on H2 and again on PostgreSQL. A
	 * test that opens a database without {@code @BarshagaTest} carries this tag itself.
	 */
	String DATABASE = "database";

	/** Tests that drive a real browser: run once, on H2 (see {@link BrowserTest}). */
	String BROWSER = "browser";

}
