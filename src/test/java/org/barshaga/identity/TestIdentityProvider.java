package org.barshaga.identity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OpenID Connect provider for the tests (Spring Authorization Server on a port of
 * its own, in the test's JVM, with nothing of the application in it). Its people are
 * fixed; a few of them get ID tokens spoiled on purpose, the way a foreign or broken
 * provider would send them: for another audience, from another issuer, expired, or signed
 * with a key the provider does not publish.
 * <p>
 * Not a {@code @Configuration}: the application's component scan covers this package, and
 * must not find it. It is the source of its own application only.
 */
@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
		WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class })
@EnableWebSecurity
class TestIdentityProvider {

	static final String CLIENT_ID = "barshaga";

	static final String CLIENT_SECRET = "barshaga-secret";

	static final String PASSWORD = "provider-password";

	/** Whose ID token is spoiled, and how. */
	static final String WRONG_AUDIENCE = "idp.wrong-audience";

	static final String WRONG_ISSUER = "idp.wrong-issuer";

	static final String EXPIRED = "idp.expired";

	static final String FORGED = "idp.forged";

	/** Who signed in at the provider with a second factor ({@code amr} has "otp"). */
	static final String WITH_SECOND_FACTOR = "idp.two-factor";

	/** Who has no account at all. */
	static final String STRANGER = "idp.stranger";

	/** Who is in the provider's district officers' group. */
	static final String PROMOTED = "idp.promoted";

	static final List<String> PEOPLE = List.of("idp.plain", WRONG_AUDIENCE, WRONG_ISSUER, EXPIRED, FORGED,
			WITH_SECOND_FACTOR, STRANGER, PROMOTED, "idp.disabled");

	private static final ThreadLocal<Boolean> FORGING = ThreadLocal.withInitial(() -> false);

	static ConfigurableApplicationContext start(int port) {
		return new SpringApplicationBuilder(TestIdentityProvider.class).web(WebApplicationType.SERVLET)
			.properties(Map.of("server.port", port, "spring.config.name", "test-identity-provider",
					"spring.main.banner-mode", "off", "barshaga.provider.issuer", "http://localhost:" + port))
			.run();
	}

	@Bean
	SecurityFilterChain provider(HttpSecurity http) {
		http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	AuthorizationServerSettings settings(org.springframework.core.env.Environment environment) {
		return AuthorizationServerSettings.builder()
			.issuer(environment.getProperty("barshaga.provider.issuer"))
			.build();
	}

	@Bean
	RegisteredClientRepository clients() {
		return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(CLIENT_ID)
			.clientSecret("{noop}" + CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://localhost/login/oauth2/code/test")
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.build());
	}

	@Bean
	UserDetailsService people() {
		return new InMemoryUserDetailsManager(PEOPLE.stream()
			.map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build())
			.toList());
	}

	/**
	 * The published key and, with the same key id, one that is not published: a token
	 * signed with the second fails its signature check at the client.
	 */
	@Bean
	JWKSource<SecurityContext> keys() throws Exception {
		JWKSet published = new JWKSet(rsa("provider-key"));
		JWKSet unpublished = new JWKSet(rsa("provider-key"));
		return (selector, context) -> {
			boolean forging = FORGING.get();
			FORGING.remove();
			return selector.select(forging ? unpublished : published);
		};
	}

	/** For the provider's user info endpoint, which reads its own access tokens. */
	@Bean
	JwtDecoder providerTokenDecoder(JWKSource<SecurityContext> keys) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
		return new NimbusJwtDecoder(processor);
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> claims() {
		return context -> {
			if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				return;
			}
			String person = context.getPrincipal().getName();
			var claims = context.getClaims();
			claims.claim("preferred_username", person);
			claims.claim("amr", WITH_SECOND_FACTOR.equals(person) ? List.of("pwd", "otp") : List.of("pwd"));
			claims.claim("groups", PROMOTED.equals(person) ? List.of("district-officers") : List.of("researchers"));
			Instant now = Instant.now();
			switch (person) {
				case WRONG_AUDIENCE -> claims.audience(List.of("another-client"));
				case WRONG_ISSUER -> claims.issuer("http://elsewhere.example");
				case EXPIRED -> claims.issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(1800));
				case FORGED -> FORGING.set(true);
				default -> {
				}
			}
		};
	}

	private static RSAKey rsa(String id) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
			.keyID(id)
			.build();
	}

}
