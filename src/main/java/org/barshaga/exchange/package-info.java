/**
 * Bulk import and export of every register in documented file layouts (CSV and XLSX),
 * streaming, validated row by row, scoped to the importing user, and safe against a crash
 * at any point; the templates and the command-line jobs that load national files.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "kernel", "audit", "registry", "learner", "conditions" })
package org.barshaga.exchange;
