package org.barshaga.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test that drives Debian's Chromium against the application on a real port (a second
 * context, on the same in-memory database as every {@link BarshagaTest}). What it checks
 * (pages, accessibility, keyboard use) does not depend on the database vendor, so CI runs
 * it once, on H2, and leaves it out of the PostgreSQL run (see docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(BarshagaTest.DATABASE)
@Tag(BarshagaTest.BROWSER)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "barshaga.db.url=" + BarshagaTest.H2_URL, "barshaga.demo.enabled=true",
				"barshaga.demo.password=" + BarshagaTest.DEMO_PASSWORD })
public @interface BrowserTest {

}
