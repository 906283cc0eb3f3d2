package org.barshaga.reporting;

/**
 * A rule as typed: new (version 0) or the next version of the rule whose current version
 * was read.
 */
public record RuleDraft(String code, String left, String operator, String right, String importance, String missing,
		String messageKk, String messageRu, String messageEn, Boolean active, Integer version) {
}
