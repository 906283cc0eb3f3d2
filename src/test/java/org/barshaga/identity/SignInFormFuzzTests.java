package org.barshaga.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * What the sign-in forms and the HTTP Basic header bring in before any password is
 * checked, fed whatever the fuzzer makes: the user name as the throttle and the account
 * lookup read it, the header's name, a second-factor code and a new password against the
 * policy. Anything thrown, a hang or running out of memory is a finding. (The password
 * check itself is bcrypt, slow by design, and is tested through HTTP elsewhere.) Replayed
 * from the inputs under {@code src/test/resources} in every build; fuzzed with
 * {@code JAZZER_FUZZ=1} (docs/testing.md).
 */
class SignInFormFuzzTests {

	@FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
	void signInForm(FuzzedDataProvider data) {
		String username = data.consumeString(200);
		String code = data.consumeString(40);
		boolean encoded = data.consumeBoolean();
		String password = data.consumeRemainingAsString();
		String name = SignInThrottle.normalise(username);
		assertThat(name.length()).as("a throttled name is bounded").isLessThanOrEqualTo(100);
		assertThat(SignInThrottle.normalise(name)).as("normalising twice changes nothing").isEqualTo(name);
		String header = encoded ? "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))
				: "Basic " + username;
		String fromHeader = ThrottleFilter.basicName(header);
		assertThat(fromHeader).isNotNull();
		if (encoded && !username.contains(":")) {
			assertThat(fromHeader).isEqualTo(username);
		}
		assertThat(SecondFactors.normalise(code)).doesNotContain(" ", "-");
		PasswordPolicy.check(password, name);
	}

}
