package org.barshaga.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.barshaga.support.BarshagaTest;
import org.barshaga.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The facts cache under changes and a crowd, with the real loader on the demo data (its
 * earliest year shown, the quickest to read) and a clock the test moves: one reading per
 * change however many ask, stale facts served only within the staleness allowed, and read
 * again in the background.
 */
@BarshagaTest
class FactCacheTests {

	@Autowired
	FactLoader loader;

	@Autowired
	Indicators indicators;

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));

	private FactCache cache;

	@AfterEach
	void stop() {
		if (cache != null) {
			cache.stop();
		}
	}

	@Test
	void crowdAfterChangeWaitsForOneReading() throws Exception {
		cache = new FactCache(loader, clock, Duration.ZERO, Duration.ofHours(1));
		int year = indicators.recentYears().get(0);
		YearFacts before = cache.facts(year);
		cache.forget();
		ExecutorService crowd = Executors.newFixedThreadPool(8);
		try {
			List<Callable<YearFacts>> asks = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				asks.add(() -> cache.facts(year));
			}
			Set<YearFacts> seen = ConcurrentHashMap.newKeySet();
			for (Future<YearFacts> answer : crowd.invokeAll(asks)) {
				seen.add(answer.get());
			}
			assertThat(seen).hasSize(1);
			assertThat(seen.iterator().next()).isNotSameAs(before);
			assertThat(seen.iterator().next().version).isGreaterThan(before.version);
		}
		finally {
			crowd.shutdownNow();
		}
	}

	@Test
	void withoutStalenessEveryChangeIsSeenAtOnce() {
		cache = new FactCache(loader, clock, Duration.ZERO, Duration.ofHours(1));
		int year = indicators.recentYears().get(0);
		YearFacts first = cache.facts(year);
		assertThat(cache.facts(year)).isSameAs(first);
		cache.forget();
		YearFacts second = cache.facts(year);
		assertThat(second).isNotSameAs(first);
		assertThat(cache.facts(year)).isSameAs(second);
	}

	@Test
	void staleFactsAreServedWithinTheStalenessAndReadAgainInTheBackground() throws Exception {
		cache = new FactCache(loader, clock, Duration.ofSeconds(5), Duration.ofHours(1));
		int year = indicators.recentYears().get(0);
		YearFacts first = cache.facts(year);
		clock.move(Duration.ofSeconds(1));
		// Read again no sooner than 5 s after the last reading began: in 4 s.
		cache.forget();
		assertThat(cache.facts(year)).as("stale for 0 s of 5").isSameAs(first);
		YearFacts refreshed = awaitNewer(year, first);
		assertThat(refreshed.version).isGreaterThan(first.version);
	}

	@Test
	void factsStaleLongerThanAllowedAreReadBeforeAnswering() {
		cache = new FactCache(loader, clock, Duration.ofSeconds(30), Duration.ofHours(1));
		int year = indicators.recentYears().get(0);
		YearFacts first = cache.facts(year);
		// The change is not read in the background yet (the last reading began just now).
		cache.forget();
		clock.move(Duration.ofSeconds(31));
		YearFacts answered = cache.facts(year);
		assertThat(answered).isNotSameAs(first);
		assertThat(answered.version).isGreaterThan(first.version);
	}

	@Test
	void factsStaleLongerThanAllowedAreServedWhileAReadingIsUnderWay() throws Exception {
		HeldLoader held = new HeldLoader(loader);
		cache = new FactCache(held, clock, Duration.ofSeconds(5), Duration.ofHours(1));
		int year = indicators.recentYears().get(0);
		YearFacts first = cache.facts(year);
		cache.forget();
		clock.move(Duration.ofSeconds(6));
		held.hold();
		CompletableFuture<YearFacts> reading = CompletableFuture.supplyAsync(() -> cache.current(year));
		try {
			assertThat(held.entered.await(1, TimeUnit.MINUTES)).as("the reading began").isTrue();
			YearFacts answered = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cache.facts(year),
					"a request waited for the reading under way");
			assertThat(answered).isSameAs(first);
		}
		finally {
			held.release();
		}
		assertThat(reading.get(1, TimeUnit.MINUTES).version).isGreaterThan(first.version);
		assertThat(cache.facts(year)).isSameAs(reading.get());
	}

	/**
	 * The real loader, made to wait before it reads, so a reading is under way for as
	 * long as the test needs.
	 */
	private static final class HeldLoader extends FactLoader {

		private final FactLoader real;

		private volatile CountDownLatch entered = new CountDownLatch(0);

		private volatile CountDownLatch gate = new CountDownLatch(0);

		HeldLoader(FactLoader real) {
			super(null, null, null, null);
			this.real = real;
		}

		void hold() {
			entered = new CountDownLatch(1);
			gate = new CountDownLatch(1);
		}

		void release() {
			gate.countDown();
		}

		@Override
		YearFacts load(int year, long version) {
			entered.countDown();
			try {
				gate.await(2, TimeUnit.MINUTES);
			}
			catch (InterruptedException stopped) {
				Thread.currentThread().interrupt();
			}
			return real.load(year, version);
		}

	}

	@Test
	void yearsReadAheadAreInMemoryBeforeAnyoneAsks() throws Exception {
		HeldLoader held = new HeldLoader(loader);
		held.hold();
		cache = new FactCache(held, clock, Duration.ofSeconds(5), Duration.ofHours(1));
		int year = indicators.recentYears().get(0);
		cache.readAhead(List.of(year));
		assertThat(held.entered.await(1, TimeUnit.MINUTES)).as("read without a request").isTrue();
		held.release();
		YearFacts ahead = awaitNewer(year, null);
		held.hold();
		try {
			assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cache.facts(year))).isSameAs(ahead);
		}
		finally {
			held.release();
		}
	}

	@Test
	void oldFactsAreReadAgainForChangesThroughOtherServers() {
		cache = new FactCache(loader, clock, Duration.ZERO, Duration.ofMinutes(2));
		int year = indicators.recentYears().get(0);
		YearFacts first = cache.facts(year);
		clock.move(Duration.ofMinutes(1));
		assertThat(cache.facts(year)).isSameAs(first);
		clock.move(Duration.ofMinutes(2));
		assertThat(cache.facts(year)).isNotSameAs(first);
	}

	private YearFacts awaitNewer(int year, YearFacts than) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (System.nanoTime() < deadline) {
			YearFacts now = cache.facts(year);
			if (now != than) {
				return now;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("facts were not read again in the background");
	}

}
