package org.barshaga.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkeys, on when {@code barshaga.passkeys.rp-id} names the site (the host name users
 * reach, without scheme or port) and {@code barshaga.passkeys.origins} lists the exact
 * origins pages are served from. A passkey is made for one site by the browser, so one
 * made elsewhere, or an assertion made for another site, is refused by the checks of the
 * relying party id and origin. User verification (the authenticator's PIN or biometric)
 * is required at enrolment and at every use: that is what makes a passkey two factors on
 * its own (docs/security.md, "Passkeys").
 */
@Configuration
class PasskeyConfiguration {

	/** What the passkey features need to know: empty {@link #rpId()} means off. */
	record PasskeySettings(String rpId, Set<String> origins) {

		boolean enabled() {
			return !rpId.isBlank();
		}

		/**
		 * On a developer's machine (the site is {@code localhost}) the server's own port
		 * is an allowed origin, whichever port it took.
		 */
		@EventListener
		void serverStarted(WebServerInitializedEvent started) {
			if ("localhost".equals(rpId)) {
				origins.add("http://localhost:" + started.getWebServer().getPort());
			}
		}

	}

	@Bean
	PasskeySettings passkeySettings(@Value("${barshaga.passkeys.rp-id:}") String rpId,
			@Value("${barshaga.passkeys.origins:}") String origins) {
		Set<String> allowed = ConcurrentHashMap.newKeySet();
		Arrays.stream(origins.split(",")).map(String::strip).filter(origin -> !origin.isEmpty()).forEach(allowed::add);
		return new PasskeySettings(rpId.strip(), allowed);
	}

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcTemplate jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	WebAuthnRelyingPartyOperations passkeyRelyingParty(PasskeySettings settings,
			PublicKeyCredentialUserEntityRepository users, Passkeys passkeys) {
		String rpId = settings.enabled() ? settings.rpId() : "localhost";
		Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(users, passkeys,
				PublicKeyCredentialRpEntity.builder().id(rpId).name(SecondFactors.ISSUER).build(), settings.origins());
		operations.setCustomizeCreationOptions(
				options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
					.userVerification(UserVerificationRequirement.REQUIRED)
					.residentKey(ResidentKeyRequirement.REQUIRED)
					.build()));
		operations
			.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
		return operations;
	}

}
