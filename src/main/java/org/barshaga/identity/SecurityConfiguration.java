package org.barshaga.identity;

import java.util.Map;

import org.barshaga.audit.AuditLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;

/**
 * Two filter chains: the JSON API (stateless, HTTP Basic or personal access token,
 * problem details on failure, no CSRF because no cookie is accepted; Basic with a
 * password alone is refused to an account with a second factor) and the pages (form
 * login, then the second factor where the account has or needs one, session re-read on
 * every request, CSRF; passkeys and an identity provider where configured). Both send a
 * strict Content-Security-Policy that allows no inline script.
 */
@Configuration
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/**
	 * The one way a password is checked at sign-in. Bounded hashing, and the account's
	 * state checked only after the password: a disabled account and a wrong password
	 * answer alike, so the answer tells nothing about which names exist.
	 */
	@Bean
	AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder passwords,
			AuthenticationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(new PasswordHashing(passwords, PasswordHashing.PERMITS));
		provider.setPreAuthenticationChecks(account -> {
		});
		provider.setPostAuthenticationChecks(account -> {
			if (!account.isEnabled()) {
				throw new DisabledException("Disabled");
			}
		});
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication
	SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, ProblemResponses problems, SignInThrottle throttle,
			AuthenticationManager authentication, SecondFactors factors, AuditLog audit) {
		http.securityMatcher("/api/v1/**")
			.authenticationManager(authentication)
			.authorizeHttpRequests(
					requests -> requests.requestMatchers("/api/v1/survey/**").permitAll().anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.addFilterBefore(new ThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
			.addFilterBefore(new TokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class)
			.addFilterAfter(new BasicPasswordGate(factors, problems, audit), BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		headers(http);
		return http.build();
	}

	/**
	 * Pages: form sign-in and a session only, never HTTP Basic (a browser would keep
	 * Basic credentials and send a password with every request). The OpenAPI description
	 * and its UI need a signed-in user, like everything but sign-in, static files,
	 * health, open data and the quality survey pages, which a code protects (with CSRF as
	 * every form).
	 */
	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle, ProblemResponses problems,
			AuthenticationManager authentication, AccountDetailsService accounts, SecondFactors factors,
			PasskeyConfiguration.PasskeySettings passkeys, PasskeySignIn passkeySignIn,
			ObjectProvider<ClientRegistrationRepository> identityProviders, IdentityProviderSignIn providerSignIn) {
		ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setExceptionMappings(Map.of(PasswordHashing.BusyException.class.getName(), "/login?error=busy"));
		failures.setDefaultFailureUrl("/login?error=credentials");
		http.authenticationManager(authentication)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error",
						"/actuator/health", "/actuator/health/**", "/open-data", "/open-data/**", "/survey",
						"/survey/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new TwoFactorSignIn(factors))
				.failureHandler(failures))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.addFilterAfter(new CurrentAccountFilter(accounts), SecurityContextHolderFilter.class)
			.addFilterBefore(new TwoFactorGate(factors), AuthorizationFilter.class)
			// before the first sign-in filter there may be: an identity provider's answer
			.addFilterBefore(new ThrottleFilter(throttle, problems), OAuth2LoginAuthenticationFilter.class);
		if (passkeys.enabled()) {
			http.webAuthn(webAuthn -> webAuthn.rpId(passkeys.rpId())
				.rpName(SecondFactors.ISSUER)
				.allowedOrigins(passkeys.origins())
				.disableDefaultRegistrationPage(true)
				.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
					@Override
					public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationManager(new ProviderManager(passkeySignIn.provider()));
						filter.setAuthenticationSuccessHandler(passkeySignIn);
						filter.setAuthenticationFailureHandler(passkeySignIn);
						return filter;
					}
				}));
		}
		if (identityProviders.getIfAvailable() != null) {
			identityProvider(http, providerSignIn);
		}
		headers(http);
		return http.build();
	}

	/**
	 * Sign-in through the configured OpenID Connect provider. Its filter gets a manager
	 * of its own: the chain's manager checks passwords only. The ID token is checked by
	 * Spring Security's defaults (signature by the provider's published keys, issuer,
	 * audience, expiry with a minute's skew, nonce).
	 */
	private static void identityProvider(HttpSecurity http, IdentityProviderSignIn providerSignIn) {
		http.oauth2Login(login -> login.loginPage("/login")
			.userInfoEndpoint(userInfo -> userInfo.oidcUserService(providerSignIn))
			.successHandler(providerSignIn)
			.failureHandler(providerSignIn)
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
				@Override
				public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationManager(new ProviderManager(new OidcAuthorizationCodeAuthenticationProvider(
							new RestClientAuthorizationCodeTokenResponseClient(), providerSignIn)));
					return filter;
				}
			}));
	}

	private static void headers(HttpSecurity http) {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(
					permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
	}

}
