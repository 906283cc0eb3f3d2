package org.barshaga.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A demo round of the school self-review over the demo district, answered through
 * {@link Rounds}, {@link Responses} and {@link Results} as schools and their district
 * would: the district makes each school's one code, the school's team answers with an
 * evidence note per section, and the district removes names from the notes of every other
 * school, so that the self-review page shows published notes and notes still waiting.
 * Runs once, also on a demo database made before it existed.
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(81)
class DemoSelfReviews implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSelfReviews.class);

	private static final List<String> NOTES = List.of("Minutes of the teachers' council; lessons observed in term 1.",
			"Parents' meeting on inclusion held; the plan of support is on the school's website.",
			"Figures of the conditions survey; the ramp at the entrance is still missing.");

	private final Rounds rounds;

	private final Responses responses;

	private final Results results;

	private final Instruments instruments;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoSelfReviews(Rounds rounds, Responses responses, Results results, Instruments instruments, JdbcClient jdbc,
			Clock clock) {
		this.rounds = rounds;
		this.responses = responses;
		this.results = results;
		this.instruments = instruments;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (jdbc.sql("SELECT COUNT(*) FROM quality_round WHERE instrument_code = :instrument")
			.param("instrument", SelfReviews.INSTRUMENT)
			.query(Long.class)
			.single() > 0
				|| jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = :unit")
					.param("unit", DemoRounds.DISTRICT)
					.query(Long.class)
					.single() == 0) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		Actor ministry = new Actor(0, "demo-data", "Demo Ministry", Role.MINISTRY, DataScope.NATION);
		Round round = rounds.open(ministry, new Rounds.RoundRequest(SelfReviews.INSTRUMENT, 1, DemoRounds.DISTRICT,
				List.of(), today.minusDays(21), today.plusDays(21)));
		Actor district = new Actor(0, "demo-data", "Demo district", Role.DISTRICT_OFFICER, new DataScope(round.path()));
		InstrumentVersion definition = instruments.definition(round.instrumentCode(), round.instrumentVersion());
		SplittableRandom random = new SplittableRandom(41);
		int answered = 0;
		for (RoundSchool school : rounds.schools(district, round.id())) {
			String code = rounds.issueCodes(district, round.id(), school.code(), 1).get(0);
			// schools tend to rate themselves well: the reading aid has something to
			// weigh
			Map<String, Object> answers = new LinkedHashMap<>(
					GeneratedAnswers.draw(definition, random, 0.55 + 0.4 * random.nextDouble()));
			int note = 0;
			for (Item item : definition.items()) {
				if (item.type() == ItemType.TEXT) {
					answers.put(item.code(), NOTES.get(note++ % NOTES.size()));
				}
			}
			responses.submit(code, round.id(), answers, null);
			answered++;
		}
		int published = 0;
		long previousSchool = -1;
		boolean publish = false;
		for (RoundResultRepository.TextRow text : results.pendingTexts(district, round.id())) {
			long school = schoolOf(text.id());
			if (school != previousSchool) {
				publish = !publish;
				previousSchool = school;
			}
			if (publish) {
				results.redact(district, round.id(), text.id(), text.text());
				published++;
			}
		}
		log.info("Demo data: a self-review round over {} answered by {} schools, {} notes published",
				DemoRounds.DISTRICT, answered, published);
	}

	private long schoolOf(long text) {
		return jdbc.sql("SELECT organisation_id FROM quality_response_text WHERE id = :id")
			.param("id", text)
			.query(Long.class)
			.single();
	}

}
