/**
 * Indicators: definitions as data, the facts they are computed from, their values for any
 * unit, school year and disaggregation, targets, suppression of small cells, and the REST
 * API.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "kernel", "audit", "registry", "learner", "conditions" })
package org.barshaga.indicators;
