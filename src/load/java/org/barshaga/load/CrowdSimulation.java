package org.barshaga.load;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.tryMax;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The crowd of a working day against a running server: school coordinators reading
 * their learners and recording sessions, officers reading dashboards and worklists, and
 * programs reading indicators through the API with personal access tokens. Every virtual
 * user signs in once and then works without pause for the run, so the figures are the
 * server's, not the users' thinking.
 *
 * <p>
 * System properties: {@code base} (http://localhost:8080), {@code users} (50, shared
 * 2:2:1 between officers, API clients and coordinators), {@code minutes} (2),
 * {@code password} (else {@code BARSHAGA_DEMO_PASSWORD}), and the accounts
 * {@code coordinator} (school.demo), {@code officers} (district.saryagash,region.turkistan)
 * and {@code apiUser} (researcher). See docs/BENCHMARKS.md, "Load".
 */
public class CrowdSimulation extends Simulation {

	private static final String BASE = System.getProperty("base", "http://localhost:8080");

	private static final int USERS = Integer.getInteger("users", 50);

	private static final Duration RUN = Duration.ofMinutes(Integer.getInteger("minutes", 2));

	private static final String PASSWORD = System.getProperty("password", System.getenv("BARSHAGA_DEMO_PASSWORD"));

	private static final String COORDINATOR = System.getProperty("coordinator", "school.demo");

	private static final List<String> OFFICERS = List
		.of(System.getProperty("officers", "district.saryagash,region.turkistan").split(","));

	private static final String API_USER = System.getProperty("apiUser", "researcher");

	private static final List<String> INDICATORS = List.of("SEN_INCLUSIVE", "SUPPORT_COVERAGE", "COND_MEASURED",
			"SPECIALISTS", "TRAINED_TEACHERS", "SUPPORT_HOURS");

	private static final List<String> DASHBOARD_INDICATORS = List.of("SEN_INCLUSIVE", "SUPPORT_COVERAGE",
			"COND_REPORTED", "SPECIALIST_GAP");

	private final HttpProtocolBuilder pages = http.baseUrl(BASE)
		.acceptHeader("text/html,application/json")
		.acceptLanguageHeader("ru")
		.disableFollowRedirect();

	/**
	 * Form sign-in with the page's CSRF token; the session cookie is kept per user. The
	 * server refuses sign-ins it has no password permit for ("busy"), as it should under a
	 * crowd, so a refused one is tried again after a pause, and a user who cannot sign in
	 * stops.
	 */
	private static ChainBuilder signIn(String username) {
		return tryMax(10).on(pause(Duration.ofMillis(200), Duration.ofSeconds(2))
			.exec(http("sign-in page").get("/login")
				.check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
			.exec(http("sign in").post("/login")
				.formParam("username", username)
				.formParam("password", PASSWORD)
				.formParam("_csrf", "#{csrf}")
				.check(status().is(302), header("Location").not(BASE + "/login?error"),
						header("Location").transform(location -> location.contains("/login")).is(false))))
			.exitHereIfFailed();
	}

	private final ScenarioBuilder officers = scenario("officers")
		.exec(session -> session.set("officer", OFFICERS.get((int) (session.userId() % OFFICERS.size()))))
		.exec(signIn("#{officer}"))
		.during(RUN)
		.on(exec(session -> session.set("indicator",
				DASHBOARD_INDICATORS.get(ThreadLocalRandom.current().nextInt(DASHBOARD_INDICATORS.size()))))
			.exec(http("home").get("/").check(status().is(200)))
			.exec(http("dashboard overview").get("/dashboards").check(status().is(200)))
			.exec(http("dashboard explore").get("/dashboards/explore?indicator=#{indicator}").check(status().is(200)))
			.exec(http("dashboard gaps").get("/dashboards/gaps").check(status().is(200)))
			.exec(http("worklist").get("/learners?worklist=REVIEW_DUE").check(status().is(200)))
			.exec(http("learners").get("/learners").check(status().is(200)))
			.exitHereIfFailed());

	private final ScenarioBuilder coordinators = scenario("coordinators").exec(signIn(COORDINATOR))
		.during(RUN)
		.on(exec(http("home").get("/").check(status().is(200)))
			.exec(http("learners").get("/learners")
				.check(status().is(200), regex("href=\"/learners/(\\d+)\"").findRandom().saveAs("learner")))
			.exec(session -> session.remove("sessionForm"))
			.exec(http("learner record").get("/learners/#{learner}")
				.check(status().is(200), regex("/learners/\\d+/sessions/new").optional().saveAs("sessionForm")))
			.doIf(session -> session.contains("sessionForm"))
			.then(exec(http("session form").get("/learners/#{learner}/sessions/new")
				.check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
			.exec(http("record session").post("/learners/#{learner}/sessions")
				.formParam("_csrf", "#{csrf}")
				.formParam("heldOn", session -> LocalDate.now().toString())
				.formParam("minutes", "40")
				.formParam("specialist", "SPEECH_THERAPIST")
				.formParam("grouped", "false")
				.formParam("attended", "true")
				.check(status().is(302))))
			.exitHereIfFailed());

	/** One token for every program, made before the crowd arrives. */
	private String token;

	@Override
	public void before() {
		try {
			HttpResponse<String> created = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/tokens"))
					.header("Authorization",
							"Basic " + Base64.getEncoder()
								.encodeToString((API_USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load test\",\"days\":1}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
			if (created.statusCode() != 201 || !secret.find()) {
				throw new IllegalStateException("No token for " + API_USER + ": " + created.statusCode());
			}
			token = secret.group(1);
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException("No token for " + API_USER, ex);
		}
	}

	private final ScenarioBuilder programs = scenario("API clients").exec(session -> session.set("token", token))
		.during(RUN)
		.on(exec(session -> session.set("indicator",
					INDICATORS.get(ThreadLocalRandom.current().nextInt(INDICATORS.size()))))
			.exec(http("API indicator values").get("/api/v1/indicators/#{indicator}/values?orgUnit=KZ&level=children")
				.header("Authorization", "Bearer #{token}")
				.check(status().is(200)))
			.exec(http("API indicator by settlement")
				.get("/api/v1/indicators/#{indicator}/values?orgUnit=KZ&by=SETTLEMENT")
				.header("Authorization", "Bearer #{token}")
				.check(status().is(200)))
			.exitHereIfFailed());

	{
		int officerUsers = Math.max(1, USERS * 2 / 5);
		int programUsers = Math.max(1, USERS * 2 / 5);
		int coordinatorUsers = Math.max(1, USERS - officerUsers - programUsers);
		Duration ramp = Duration.ofSeconds(Integer.getInteger("ramp", 10));
		List<PopulationBuilder> crowd = List.of(officers.injectOpen(rampUsers(officerUsers).during(ramp)),
				// Programs arrive once the people have signed in: a program's token costs no
				// password check, and 80 programs reading without pause left the password
				// checks of 120 people signing in no core to run on (all refused as busy).
				programs.injectOpen(nothingFor(ramp), rampUsers(programUsers).during(ramp)),
				coordinators.injectOpen(rampUsers(coordinatorUsers).during(ramp)));
		setUp(crowd).protocols(pages).assertions(global().failedRequests().count().is(0L));
	}

}
