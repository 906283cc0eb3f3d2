/**
 * The evidence bank: publications on inclusive education in Kazakhstan imported from RIS,
 * BibTeX or CSV with their duplicates found, coded independently by two coders against a
 * codebook held as data, their agreement as Cohen's kappa per code, disagreements settled
 * in a reconciliation view, and the tables of seed 000's content analysis (by year, by
 * thematic area, claims with their evidence) generated from the settled codes, with an
 * evidence-gap map. Holds no personal data and no school's data. See
 * docs/evidence-bank.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "audit" })
package org.barshaga.evidence;
