package org.barshaga.identity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.barshaga.kernel.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How a person signed in by an OpenID Connect provider becomes an account here
 * (docs/security.md, "Sign-in through an identity provider"). The provider itself is
 * Spring Boot's client registration ({@code spring.security.oauth2.client.*}); these are
 * the installation's rules on top of it.
 */
@Component
class IdentityProviderSettings {

	/** The account field a claim is matched to. */
	enum Field {

		USERNAME, EMAIL

	}

	private final String matchClaim;

	private final Field matchField;

	private final Set<String> secondFactorAcr;

	private final Set<String> secondFactorAmr;

	private final String groupsClaim;

	private final Map<String, Role> roleGroups;

	IdentityProviderSettings(@Value("${barshaga.oidc.match-claim:preferred_username}") String matchClaim,
			@Value("${barshaga.oidc.match-field:username}") String matchField,
			@Value("${barshaga.oidc.second-factor-acr:}") String secondFactorAcr,
			@Value("${barshaga.oidc.second-factor-amr:}") String secondFactorAmr,
			@Value("${barshaga.oidc.groups-claim:}") String groupsClaim,
			@Value("${barshaga.oidc.role-groups:}") String roleGroups) {
		this.matchClaim = matchClaim.strip();
		this.matchField = Field.valueOf(matchField.strip().toUpperCase(Locale.ROOT));
		this.secondFactorAcr = list(secondFactorAcr);
		this.secondFactorAmr = list(secondFactorAmr);
		this.groupsClaim = groupsClaim.strip();
		this.roleGroups = new LinkedHashMap<>();
		for (String pair : list(roleGroups)) {
			int equals = pair.lastIndexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException("barshaga.oidc.role-groups: GROUP=ROLE expected, not " + pair);
			}
			this.roleGroups.put(pair.substring(0, equals).strip(),
					Role.valueOf(pair.substring(equals + 1).strip().toUpperCase(Locale.ROOT)));
		}
	}

	String matchClaim() {
		return matchClaim;
	}

	Field matchField() {
		return matchField;
	}

	/** Whether the provider's {@code acr} or {@code amr} vouch for a second factor. */
	boolean vouchesSecondFactor(Object acr, Object amr) {
		if (acr instanceof String level && secondFactorAcr.contains(level)) {
			return true;
		}
		return amr instanceof Iterable<?> methods && secondFactorAmr.stream()
			.anyMatch(method -> java.util.stream.StreamSupport.stream(methods.spliterator(), false)
				.anyMatch(method::equals));
	}

	/** Whether the provider's groups set the account's role. */
	boolean groupsSetRoles() {
		return !groupsClaim.isEmpty();
	}

	String groupsClaim() {
		return groupsClaim;
	}

	/** The role of the first configured group the person is in, in configured order. */
	Role roleOf(Iterable<?> groups) {
		Set<Object> held = java.util.stream.StreamSupport.stream(groups.spliterator(), false)
			.collect(Collectors.toSet());
		return roleGroups.entrySet()
			.stream()
			.filter(entry -> held.contains(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static Set<String> list(String values) {
		return Arrays.stream(values.split(","))
			.map(String::strip)
			.filter(value -> !value.isEmpty())
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
	}

}
