package org.barshaga.quality;

import java.time.Clock;
import java.time.LocalDate;
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
 * A demo round of the parents' survey over the demo district, and of the pupils' survey
 * in its first schools, answered through {@link Rounds} and {@link Responses} as a school
 * and parents would: codes are made, handed out and spent, and every response is checked
 * and scored like a real one. Schools lean differently, so that results differ; schools
 * with fewer than 5 parents show the small-group rule.
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(80)
class DemoRounds implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRounds.class);

	static final String DISTRICT = "KZ-61-D08";

	private static final int PUPIL_SCHOOLS = 4;

	private static final int CLASS_SIZE = 20;

	private final Rounds rounds;

	private final Responses responses;

	private final Instruments instruments;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoRounds(Rounds rounds, Responses responses, Instruments instruments, JdbcClient jdbc, Clock clock) {
		this.rounds = rounds;
		this.responses = responses;
		this.instruments = instruments;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (jdbc.sql("SELECT COUNT(*) FROM quality_round").query(Long.class).single() > 0
				|| jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE code = :unit")
					.param("unit", DISTRICT)
					.query(Long.class)
					.single() == 0) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		Actor ministry = new Actor(0, "demo-data", "Demo Ministry", Role.MINISTRY, DataScope.NATION);
		SplittableRandom random = new SplittableRandom(14);
		Round parents = rounds.open(ministry,
				new Rounds.RoundRequest("PARENT_SEN", 1, DISTRICT, List.of(), today.minusDays(14), today.plusDays(14)));
		int answered = answer(parents, false, random);
		Round pupils = rounds.open(ministry, new Rounds.RoundRequest("PUPIL_VOICE", 1, DISTRICT,
				List.of(4, 5, 6, 7, 8, 9), today.minusDays(7), today.plusDays(21)));
		answered += answer(pupils, true, random);
		log.info("Demo data: two quality rounds over {} with {} responses", DISTRICT, answered);
	}

	private int answer(Round round, boolean pupils, SplittableRandom random) {
		InstrumentVersion definition = instruments.definition(round.instrumentCode(), round.instrumentVersion());
		Actor district = new Actor(0, "demo-data", "Demo district", Role.DISTRICT_OFFICER, new DataScope(round.path()));
		int answered = 0;
		int schoolsWithPupils = 0;
		for (RoundSchool school : rounds.schools(district, round.id())) {
			double lean = 0.3 + 0.5 * random.nextDouble();
			if (pupils) {
				if (school.expected() < CLASS_SIZE || schoolsWithPupils++ >= PUPIL_SCHOOLS) {
					continue;
				}
				String code = rounds.classCode(district, round.id(), school.code(), CLASS_SIZE);
				for (int i = 0; i < CLASS_SIZE - 2; i++) {
					responses.submit(code, round.id(), GeneratedAnswers.draw(definition, random, lean),
							random.nextInt(8) == 0);
					answered++;
				}
			}
			else if (school.expected() > 0) {
				List<String> codes = rounds.issueCodes(district, round.id(), school.code(), school.expected());
				// about four parents in five answer
				for (String code : codes) {
					if (random.nextInt(5) > 0) {
						Map<String, Object> answers = GeneratedAnswers.draw(definition, random, lean);
						responses.submit(code, round.id(), answers, null);
						answered++;
					}
				}
			}
		}
		return answered;
	}

}
