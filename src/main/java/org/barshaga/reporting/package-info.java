/**
 * Reporting: validation rules kept as versioned data (a left side, an operator and a
 * right side over the indicator engine's measures), their language, and their runs over a
 * school or every school under a unit, with pages and the API; reporting periods, the
 * submissions of the schools, their approval up the chain, locking, notices and e-mail.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "kernel", "audit", "registry", "indicators", "conditions" })
package org.barshaga.reporting;
