package org.barshaga.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.barshaga.BarshagaApplication;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.SessionCookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers of one installation on one database (a fresh H2 database in memory, or a
 * fresh schema of the PostgreSQL server when the {@code postgres} profile runs): a
 * session begun on one is served by the other, an account disabled through one is refused
 * by both, its session and its token alike, and a guesser braked on one is braked on the
 * other. Without demo data, so that the two servers start quickly.
 */
@Tag(BarshagaTest.DATABASE)
class TwoServersTests {

	private static final String PASSWORD = "Two-Servers-Passw0rd-9";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Actor INSTALLER = new Actor(0, "two-servers-test", "Two servers", Role.ADMIN,
			DataScope.NATION);

	private static Database database;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	/** The whole header that last set the session cookie, with its attributes. */
	private static String lastSetCookie;

	@BeforeAll
	static void startTwoServers() {
		database = Database.fresh();
		first = database.start();
		second = database.start();
	}

	@AfterAll
	static void stopThem() throws Exception {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
		database.drop();
	}

	@Test
	void aSessionBegunOnOneServerIsServedByTheOtherAndADisabledAccountIsRefusedByBoth() throws Exception {
		Users users = first.getBean(Users.class);
		String admin = "admin." + suffix();
		String username = "researcher." + suffix();
		users.create(INSTALLER, new UserDraft(admin, "Aliya Admin", null, "ADMIN", "KZ", true, PASSWORD, null));
		UserAccount account = users.create(INSTALLER,
				new UserDraft(username, "Nurlan Researcher", null, "RESEARCHER", "KZ", true, PASSWORD, null));

		String session = signIn(first, username);
		assertThat(lastSetCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
		HttpResponse<String> page = get(second, "/account", session);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(username);
		String token = JsonPath.read(send(second,
				HttpRequest.newBuilder()
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"two servers\",\"days\":5}"))
					.header("Content-Type", "application/json")
					.header("Authorization", basic(username))
					.uri(uri(second, "/api/v1/tokens")))
			.body(), "$.secret");
		assertThat(bearer(first, token)).isEqualTo(200);

		String current = send(first,
				HttpRequest.newBuilder()
					.GET()
					.header("Authorization", basic(admin))
					.uri(uri(first, "/api/v1/users/" + account.id())))
			.body();
		int version = JsonPath.read(current, "$.version");
		HttpResponse<String> disabled = send(first, HttpRequest.newBuilder()
			.PUT(HttpRequest.BodyPublishers.ofString("""
					{"fullName":"Nurlan Researcher","role":"RESEARCHER","scope":"KZ","enabled":false,"version":%d}
					""".formatted(version)))
			.header("Content-Type", "application/json")
			.header("Authorization", basic(admin))
			.uri(uri(first, "/api/v1/users/" + account.id())));
		assertThat(disabled.statusCode()).isEqualTo(200);

		for (ConfigurableApplicationContext server : new ConfigurableApplicationContext[] { first, second }) {
			HttpResponse<String> refused = get(server, "/account", session);
			assertThat(refused.statusCode()).isEqualTo(302);
			assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login");
			assertThat(bearer(server, token)).isEqualTo(401);
		}
		JdbcClient jdbc = second.getBean(JdbcClient.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :name")
			.param("name", username)
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("""
				SELECT detail FROM audit_event WHERE actor = :admin AND action = 'DELETE' AND record_id = :id
				ORDER BY record_type""")
			.param("admin", admin)
			.param("id", String.valueOf(account.id()))
			.query(String.class)
			.list()).containsExactly("revoked 1 with the account disabled", "ended 1 with the account disabled");
	}

	@Test
	void aGuesserBrakedOnOneServerIsBrakedOnTheOther() throws Exception {
		String name = "nobody." + suffix();
		for (int i = 0; i < SignInThrottle.PAIR_LIMIT; i++) {
			assertThat(postSignIn(first, name, "Wrong-Passw0rd-" + i).headers().firstValue("Location").orElseThrow())
				.endsWith("/login?error=credentials");
		}
		assertThat(postSignIn(second, name, "Wrong-Passw0rd-x").headers().firstValue("Location").orElseThrow())
			.endsWith("/login?error=throttled");
	}

	/** Signs in with the form, as a browser does, and returns the session's cookie. */
	private static String signIn(ConfigurableApplicationContext server, String username) throws Exception {
		HttpResponse<String> answer = postSignIn(server, username, PASSWORD);
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return sessionCookie(answer);
	}

	private static HttpResponse<String> postSignIn(ConfigurableApplicationContext server, String username,
			String password) throws Exception {
		HttpResponse<String> form = get(server, "/login", null);
		Matcher csrf = CSRF.matcher(form.body());
		assertThat(csrf.find()).isTrue();
		String body = Map.of("username", username, "password", password, "_csrf", csrf.group(1))
			.entrySet()
			.stream()
			.map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(server,
				HttpRequest.newBuilder()
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Cookie", sessionCookie(form))
					.uri(uri(server, "/login")));
	}

	private static String sessionCookie(HttpResponse<String> answer) {
		lastSetCookie = answer.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith(SessionCookie.NAME + "="))
			.findFirst()
			.orElseThrow();
		return lastSetCookie.substring(0, lastSetCookie.indexOf(';'));
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext server, String path, String cookie)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder().GET().uri(uri(server, path));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return send(server, request);
	}

	private static int bearer(ConfigurableApplicationContext server, String token) throws Exception {
		return send(server,
				HttpRequest.newBuilder()
					.GET()
					.header("Authorization", "Bearer " + token)
					.uri(uri(server, "/api/v1/tokens")))
			.statusCode();
	}

	private static HttpResponse<String> send(ConfigurableApplicationContext server, HttpRequest.Builder request)
			throws Exception {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext server, String path) {
		return URI.create("http://localhost:" + server.getEnvironment().getProperty("local.server.port") + path);
	}

	private static String basic(String username) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * The one database both servers use: H2 in memory (two servers in one process share
	 * it by name), or a schema of its own on the PostgreSQL server the {@code postgres}
	 * profile names.
	 */
	private record Database(String url, String user, String password, String schema) {

		static Database fresh() {
			String profiles = System.getProperty("spring.profiles.active",
					System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", ""));
			String server = System.getenv("BARSHAGA_DB_URL");
			if (profiles.contains("postgres") && server != null && server.startsWith("jdbc:postgresql:")) {
				String schema = "two_servers_" + suffix();
				return new Database(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema,
						System.getenv("BARSHAGA_DB_USER"), System.getenv().getOrDefault("BARSHAGA_DB_PASSWORD", ""),
						schema);
			}
			return new Database(
					"jdbc:h2:mem:two-servers-" + suffix()
							+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
					"sa", "", null);
		}

		ConfigurableApplicationContext start() {
			return new SpringApplicationBuilder(BarshagaApplication.class).run("--server.port=0",
					"--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
					"--spring.datasource.password=" + password, "--barshaga.demo.enabled=false",
					"--barshaga.two-factor.enforce=false", "--spring.datasource.hikari.maximum-pool-size=4",
					schema == null ? "--spring.flyway.create-schemas=false" : "--spring.flyway.schemas=" + schema);
		}

		void drop() throws Exception {
			try (Connection connection = DriverManager.getConnection(url, user, password);
					Statement statement = connection.createStatement()) {
				statement.execute(schema == null ? "DROP ALL OBJECTS" : "DROP SCHEMA " + schema + " CASCADE");
			}
		}

	}

}
