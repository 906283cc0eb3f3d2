package org.barshaga.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.barshaga.kernel.InvalidInputException;

/**
 * The criteria rule language, fed whatever text the fuzzer makes. A text may be refused
 * with the problems of its lines; anything else thrown, a hang or running out of memory
 * is a finding. Replayed from the inputs under {@code src/test/resources} in every build;
 * fuzzed with {@code JAZZER_FUZZ=1} (docs/testing.md).
 */
class CriteriaRulesFuzzTests {

	@FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
	void ruleLanguage(String text) {
		try {
			for (CriteriaRules.Rule rule : CriteriaRules.parse(text)) {
				assertThat(rule.id()).isNotBlank();
				assertThat(rule.comparison() != null || !rule.items().isEmpty()).as("a rule tests something").isTrue();
			}
		}
		catch (InvalidInputException refused) {
			assertThat(refused.problems()).as("a refusal names what is wrong").isNotEmpty();
		}
	}

}
