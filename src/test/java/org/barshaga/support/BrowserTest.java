package org.barshaga.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that drives Debian's Chromium against the running application, in the one
 * context every {@link BarshagaTest} shares. What it checks (pages, accessibility,
 * keyboard use) does not depend on the database vendor, so CI runs it once, on H2, and
 * leaves it out of the PostgreSQL run (see docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@BarshagaTest
@Tag(BarshagaTest.BROWSER)
public @interface BrowserTest {

}
