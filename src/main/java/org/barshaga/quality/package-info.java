/**
 * Quality monitoring: the instruments that measure what the registers cannot count (a
 * school's inclusive culture, teachers' sense of efficacy, parents' partnership, pupils'
 * belonging, the barriers principals see), held as versioned data, and the one rule that
 * turns answers into scale scores. The shipped instruments are loaded from
 * {@code quality/instruments/*.json}. A school's self-review is read beside its
 * conditions (the conditions module's evaluation and staffing gap) and the support
 * delivered to its learners (the indicators' values), hence those dependencies. See
 * docs/quality.md.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "kernel", "audit", "registry", "conditions", "indicators" })
package org.barshaga.quality;
