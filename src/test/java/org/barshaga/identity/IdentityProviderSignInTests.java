package org.barshaga.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.barshaga.kernel.Role;
import org.barshaga.support.SessionCookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in through a real OpenID Connect provider ({@link TestIdentityProvider}, started
 * on a port of its own): the whole authorization code flow, with the provider's sign-in
 * form, the code exchanged for tokens over HTTP and the ID token checked against the
 * provider's published keys.
 * <p>
 * The one test class with an application context of its own (the provider's properties),
 * on an in-memory H2 database of its own without demo data, and with the two-factor
 * requirement on: tag {@value #TAG}, run in CI's H2 run only (docs/testing.md).
 */
@Tag(IdentityProviderSignInTests.TAG)
@SpringBootTest(properties = {
		"barshaga.db.url=jdbc:h2:mem:barshaga-oidc;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"barshaga.demo.enabled=false", "barshaga.two-factor.enforce=true", "barshaga.passkeys.rp-id=",
		"spring.security.oauth2.client.registration.test.client-id=" + TestIdentityProvider.CLIENT_ID,
		"spring.security.oauth2.client.registration.test.client-secret=" + TestIdentityProvider.CLIENT_SECRET,
		"spring.security.oauth2.client.registration.test.client-name=Test ID",
		"spring.security.oauth2.client.registration.test.scope=openid,profile",
		"barshaga.oidc.match-claim=preferred_username", "barshaga.oidc.match-field=username",
		"barshaga.oidc.second-factor-amr=otp,mfa", "barshaga.oidc.groups-claim=groups",
		"barshaga.oidc.role-groups=district-officers=DISTRICT_OFFICER,researchers=RESEARCHER" })
@AutoConfigureMockMvc
class IdentityProviderSignInTests {

	static final String TAG = "identity-provider";

	private static final String DISTRICT = "KZ-61-D08";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static ConfigurableApplicationContext provider;

	private static int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	TwoFactorRequirement requirement;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry properties) throws IOException {
		if (provider == null) {
			try (ServerSocket free = new ServerSocket(0)) {
				port = free.getLocalPort();
			}
			provider = TestIdentityProvider.start(port);
		}
		properties.add("spring.security.oauth2.client.provider.test.issuer-uri", () -> "http://localhost:" + port);
	}

	@AfterAll
	static void stopProvider() {
		if (provider != null) {
			provider.close();
		}
	}

	@BeforeAll
	static void accounts(@Autowired JdbcClient jdbc, @Autowired PasswordEncoder passwords) {
		for (String person : TestIdentityProvider.PEOPLE) {
			if (person.equals(TestIdentityProvider.STRANGER)
					|| jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :name")
						.param("name", person)
						.query(Integer.class)
						.single() > 0) {
				continue;
			}
			Role role = person.equals(TestIdentityProvider.WITH_SECOND_FACTOR) ? Role.DISTRICT_OFFICER
					: Role.RESEARCHER;
			Timestamp now = Timestamp.from(Instant.now());
			jdbc.sql(
					"""
							INSERT INTO app_user (username, full_name, password_hash, role, scope_unit_code, scope_path, enabled,
							  created_at, created_by, updated_at, updated_by)
							SELECT :name, 'Provider Person', :hash, :role, code, path, :enabled, :now, 'test', :now, 'test'
							FROM org_unit WHERE code = :unit""")
				.param("name", person)
				.param("hash", passwords.encode("Unused-Password-2026"))
				.param("role", role.name())
				.param("enabled", !person.equals("idp.disabled"))
				.param("now", now)
				.param("unit", DISTRICT)
				.update();
		}
	}

	@Test
	void theSignInPageOffersTheProvider() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/oauth2/authorization/test\"")))
			.andExpect(content().string(containsString("Test ID")));
	}

	@Test
	void aPersonTheProviderVouchesForSignsInToTheMatchedAccount() throws Exception {
		assertThat(requirement.requires(Role.DISTRICT_OFFICER)).isTrue();
		String expected = requirement.requires(Role.RESEARCHER) ? "/account/two-factor" : "/";
		int before = audited("idp.plain", "LOGIN_SUCCESS", "identity provider");
		SessionCookie session = new SessionCookie(mvc);
		signIn(session, "idp.plain", "10.4.0.1").andExpect(redirectedUrl(expected));
		session.perform(get("/account")).andExpect(expected.equals("/") ? status().isOk() : redirectedUrl(expected));
		assertThat(audited("idp.plain", "LOGIN_SUCCESS", "identity provider")).isEqualTo(before + 1);
	}

	@Test
	void theProvidersSecondFactorSatisfiesARoleThatRequiresTwo() throws Exception {
		SessionCookie session = new SessionCookie(mvc);
		signIn(session, TestIdentityProvider.WITH_SECOND_FACTOR, "10.4.0.2").andExpect(redirectedUrl("/"));
		session.perform(get("/account")).andExpect(status().isOk());
	}

	@Test
	void theProvidersGroupsSetTheRoleAndItsRequirementFollows() throws Exception {
		SessionCookie session = new SessionCookie(mvc);
		signIn(session, TestIdentityProvider.PROMOTED, "10.4.0.3").andExpect(redirectedUrl("/account/two-factor"));
		assertThat(jdbc.sql("SELECT role FROM app_user WHERE username = :name")
			.param("name", TestIdentityProvider.PROMOTED)
			.query(String.class)
			.single()).isEqualTo(Role.DISTRICT_OFFICER.name());
		assertThat(audited(TestIdentityProvider.PROMOTED, "UPDATE", "role set by the identity provider: %"))
			.isEqualTo(1);
		session.perform(get("/learners")).andExpect(redirectedUrl("/account/two-factor"));
	}

	@Test
	void aPersonWithoutAnAccountOrWithADisabledOneIsRefusedClearly() throws Exception {
		signIn(new SessionCookie(mvc), TestIdentityProvider.STRANGER, "10.4.0.4")
			.andExpect(redirectedUrl("/login?error=provider-account"));
		signIn(new SessionCookie(mvc), "idp.disabled", "10.4.0.4")
			.andExpect(redirectedUrl("/login?error=provider-account"));
		mvc.perform(get("/login?error=provider-account").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("no account here matches you")));
		assertThat(refusals("unknown_account", "10.4.0.4")).isEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :name")
			.param("name", TestIdentityProvider.STRANGER)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void spoiledIdTokensAreRefusedAuditedAndCountedByTheThrottle() throws Exception {
		String address = "10.4.1.1";
		for (String person : new String[] { TestIdentityProvider.WRONG_AUDIENCE, TestIdentityProvider.WRONG_ISSUER,
				TestIdentityProvider.EXPIRED, TestIdentityProvider.FORGED }) {
			SessionCookie session = new SessionCookie(mvc);
			signIn(session, person, address).andExpect(redirectedUrl("/login?error=provider"));
			session.perform(get("/account")).andExpect(redirectedUrl("/login"));
		}
		assertThat(refusals("invalid_id_token", address)).as(this::refusalsSeen).isEqualTo(4);
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE detail LIKE :from ORDER BY id")
			.param("from", "identity provider refused: % from " + address)
			.query(String.class)
			.list()).anySatisfy(detail -> assertThat(detail).contains("aud"))
			.anySatisfy(detail -> assertThat(detail).contains("iss"))
			.anySatisfy(detail -> assertThat(detail).contains("exp"))
			.anySatisfy(detail -> assertThat(detail).containsIgnoringCase("signature"));
		signIn(new SessionCookie(mvc), TestIdentityProvider.FORGED, address)
			.andExpect(redirectedUrl("/login?error=provider"));
		// five refusals from this address: its next answer from the provider is not read
		signIn(new SessionCookie(mvc), "idp.plain", address).andExpect(redirectedUrl("/login?error=throttled"));
	}

	/**
	 * The browser's part of the flow: to the provider, its sign-in form, back with a
	 * code; the application's part (exchanging the code, checking the ID token) happens
	 * in the last request, whose result is returned.
	 */
	private org.springframework.test.web.servlet.ResultActions signIn(SessionCookie session, String person,
			String address) throws Exception {
		MvcResult start = session.perform(get("/oauth2/authorization/test").with(from(address))).andReturn();
		String authorize = start.getResponse().getRedirectedUrl();
		assertThat(authorize).startsWith("http://localhost:" + port + "/oauth2/authorize");
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpResponse<String> toLogin = browser.send(page(URI.create(authorize)), HttpResponse.BodyHandlers.ofString());
		String loginPage = browser.send(page(location(toLogin, authorize)), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(loginPage);
		assertThat(csrf.find()).as("the provider's sign-in form").isTrue();
		String form = "username=" + encode(person) + "&password=" + encode(TestIdentityProvider.PASSWORD) + "&_csrf="
				+ encode(csrf.group(1));
		HttpResponse<String> signedIn = browser
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		URI next = location(signedIn, authorize);
		while (next.getPort() == port) {
			HttpResponse<String> hop = browser.send(page(next), HttpResponse.BodyHandlers.ofString());
			next = location(hop, next.toString());
		}
		assertThat(next.getPath()).isEqualTo("/login/oauth2/code/test");
		return session.perform(get(next).with(from(address)));
	}

	/** A page as a browser asks for it. */
	private static HttpRequest page(URI address) {
		return HttpRequest.newBuilder(address).header("Accept", "text/html").build();
	}

	private static URI location(HttpResponse<String> response, String base) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return URI.create(base).resolve(response.headers().firstValue("Location").orElseThrow());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private int audited(String username, String action, String detail) {
		return jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE actor = :name AND action = :action AND detail LIKE :detail")
			.param("name", username)
			.param("action", action)
			.param("detail", detail)
			.query(Integer.class)
			.single();
	}

	private String refusalsSeen() {
		return String.join("\n",
				jdbc.sql("SELECT detail FROM audit_event WHERE action = 'LOGIN_FAILURE' ORDER BY id")
					.query(String.class)
					.list());
	}

	private int refusals(String code, String address) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_FAILURE' AND detail LIKE :refused""")
			.param("refused", "identity provider refused: " + code + "% from " + address)
			.query(Integer.class)
			.single();
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
