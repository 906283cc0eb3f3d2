/**
 * Quality monitoring: the instruments that measure what the registers cannot count (a
 * school's inclusive culture, teachers' sense of efficacy, parents' partnership, pupils'
 * belonging, the barriers principals see), held as versioned data, and the one rule that
 * turns answers into scale scores. The shipped instruments are loaded from
 * {@code quality/instruments/*.json}. See docs/quality.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "audit" })
package org.barshaga.quality;
