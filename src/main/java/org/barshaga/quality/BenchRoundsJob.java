package org.barshaga.quality;

import java.io.PrintStream;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.TableStatistics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code bench rounds [--parents N] [--pupils N] [--submissions N] [--threads N]}: a
 * national round of the parents' and of the pupils' survey over every open school of the
 * database, their responses drawn by {@link GeneratedAnswers} and stored with their scale
 * scores, then timed: scoring every response by the rule, and aggregating each round for
 * every unit of the country. Then personal codes for the submissions, submitted by
 * several threads through {@link Responses} (the service behind the response endpoint),
 * timed with the errors counted. Run it on a database with schools (docs/BENCHMARKS.md).
 */
@Component
class BenchRoundsJob implements CommandLineJob {

	private static final Actor MINISTRY = new Actor(0, "bench", "Benchmark", Role.MINISTRY, DataScope.NATION);

	private final Instruments instruments;

	private final InstrumentRepository instrumentRows;

	private final Rounds rounds;

	private final Responses responses;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Clock clock;

	BenchRoundsJob(Instruments instruments, InstrumentRepository instrumentRows, Rounds rounds, Responses responses,
			JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
		this.instruments = instruments;
		this.instrumentRows = instrumentRows;
		this.rounds = rounds;
		this.responses = responses;
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "bench rounds";
	}

	@Override
	public String usage() {
		return "bench rounds [--parents N] [--pupils N] [--submissions N] [--threads N]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		int parents = option(arguments, "--parents", 300_000);
		int pupils = option(arguments, "--pupils", 1_000_000);
		int submissions = option(arguments, "--submissions", 3_000);
		int threads = option(arguments, "--threads", 8);
		new ShippedInstruments(instruments, instrumentRows).run(null);
		LocalDate today = LocalDate.now(clock);
		Round parentRound = rounds.open(MINISTRY,
				new Rounds.RoundRequest("PARENT_SEN", 1, "KZ", List.of(), today, today.plusDays(30)));
		Round pupilRound = rounds.open(MINISTRY, new Rounds.RoundRequest("PUPIL_VOICE", 1, "KZ",
				List.of(3, 4, 5, 6, 7, 8, 9, 10, 11), today, today.plusDays(30)));
		List<long[]> schools = jdbc.sql("""
				SELECT organisation_id, ROW_NUMBER() OVER (ORDER BY organisation_id) FROM quality_round_school
				WHERE round_id = :round""")
			.param("round", parentRound.id())
			.query((rs, row) -> new long[] { rs.getLong(1), row })
			.list();
		if (schools.isEmpty()) {
			out.println("No open school in the database: load national data first (docs/BENCHMARKS.md)");
			return 1;
		}
		out.printf("%,d schools; storing %,d parents' and %,d pupils' responses%n", schools.size(), parents, pupils);
		double scoring = store(parentRound, parents, schools, out) + store(pupilRound, pupils, schools, out);
		// Real responses come over weeks and autovacuum analyses the tables meanwhile; a
		// bench
		// that wrote them in a minute does what it would have done.
		new TableStatistics(batch).refresh("quality_response", "quality_response_scale");
		out.printf("Scoring %,d responses by the rule: %.2f s%n", parents + pupils, scoring);
		for (int run = 1; run <= 3; run++) {
			long start = System.nanoTime();
			int places = RoundAggregation.of(jdbc, parentRound.id(), DataScope.NATION, true).all().size();
			places += RoundAggregation.of(jdbc, pupilRound.id(), DataScope.NATION, true).all().size();
			out.printf("  aggregation %d: both rounds for every unit and school (%,d places): %.2f s%n", run, places,
					(System.nanoTime() - start) / 1e9);
		}
		submit(parentRound, schools, submissions, threads, out);
		return 0;
	}

	/**
	 * Draws, scores (timed) and stores one round's responses; returns the scoring time.
	 */
	private double store(Round round, int count, List<long[]> schools, PrintStream out) {
		InstrumentVersion definition = instruments.definition(round.instrumentCode(), round.instrumentVersion());
		SplittableRandom random = new SplittableRandom(round.id());
		Map<Long, String[]> places = new java.util.HashMap<>();
		jdbc.sql("SELECT organisation_id, path, settlement FROM quality_round_school WHERE round_id = :round")
			.param("round", round.id())
			.query(rs -> {
				places.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) });
			});
		long firstId = nextId();
		double scoring = 0;
		long startAll = System.nanoTime();
		List<Object[]> responseRows = new ArrayList<>();
		List<Object[]> scaleRows = new ArrayList<>();
		Date day = Date.valueOf(LocalDate.now(clock));
		for (int i = 0; i < count; i++) {
			long school = schools.get(random.nextInt(schools.size()))[0];
			Map<String, Answer> answers = AnswerReader.read(definition,
					GeneratedAnswers.draw(definition, random, 0.3 + 0.4 * ((school * 7919) % 100) / 100.0));
			long start = System.nanoTime();
			Map<String, ScaleScore> scores = ScaleScoring.score(definition, answers);
			scoring += (System.nanoTime() - start) / 1e9;
			long id = firstId + i;
			String[] place = places.get(school);
			responseRows.add(new Object[] { id, round.id(), school, place[0], place[1], day });
			scores.forEach((scale, score) -> scaleRows.add(new Object[] { id, round.id(), school, scale,
					score.answered(), score.valid() ? score.score() : null }));
			if (responseRows.size() == 10_000 || i == count - 1) {
				batch.batchUpdate("""
						INSERT INTO quality_response (id, round_id, organisation_id, path, settlement, submitted_on)
						VALUES (?, ?, ?, ?, ?, ?)""", responseRows);
				batch.batchUpdate(
						"""
								INSERT INTO quality_response_scale (response_id, round_id, organisation_id, scale_code, answered,
									score) VALUES (?, ?, ?, ?, ?, ?)""",
						scaleRows);
				responseRows.clear();
				scaleRows.clear();
			}
		}
		out.printf("  %s: %,d responses drawn, scored and stored in %.1f s%n", round.instrumentCode(), count,
				(System.nanoTime() - startAll) / 1e9);
		return scoring;
	}

	private long nextId() {
		return Optional
			.ofNullable(jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM quality_response").query(Long.class).single())
			.orElse(0L) + 1_000_000;
	}

	/** Personal codes made straight into the table, then submitted by several threads. */
	private void submit(Round round, List<long[]> schools, int count, int threads, PrintStream out) {
		InstrumentVersion definition = instruments.definition(round.instrumentCode(), round.instrumentVersion());
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String code = SurveyCodes.generate();
			codes.add(code);
			jdbc.sql("""
					INSERT INTO quality_code (code_hash, round_id, organisation_id, kind, capacity, used)
					VALUES (:hash, :round, :school, 'PERSONAL', 1, 0)""")
				.param("hash", SurveyCodes.hash(code))
				.param("round", round.id())
				.param("school", schools.get(i % schools.size())[0])
				.update();
		}
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<?>> running = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			SplittableRandom random = new SplittableRandom(t);
			running.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < count) {
					try {
						responses.submit(codes.get(i), round.id(), GeneratedAnswers.draw(definition, random, 0.5),
								null);
					}
					catch (RuntimeException failed) {
						errors.incrementAndGet();
					}
				}
			}));
		}
		for (Future<?> thread : running) {
			try {
				thread.get();
			}
			catch (Exception interrupted) {
				throw new IllegalStateException(interrupted);
			}
		}
		pool.shutdown();
		double seconds = (System.nanoTime() - start) / 1e9;
		out.printf("Submissions with codes: %,d by %d threads in %.2f s: %.0f a second, %d errors%n", count, threads,
				seconds, count / seconds, errors.get());
	}

	private static int option(List<String> arguments, String name, int otherwise) {
		return Optional.ofNullable(CommandLineJob.option(arguments, name)).map(Integer::parseInt).orElse(otherwise);
	}

}
