package org.barshaga.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditedChange;
import org.barshaga.kernel.DataScope;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts of lists and worklists kept in memory: taken again after a change once older
 * than the staleness allowed, and after their maximum age whatever happened. Each test
 * moves one demo learner out of a district inside its own transaction, rolled back at its
 * end, and counts the district with the real repository.
 */
@BarshagaTest
@Transactional
class LearnerCountsTests {

	private static final LearnerSearch EVERYONE = new LearnerSearch(null, null, null, 0, 0);

	@Autowired
	LearnerRepository learnerRows;

	@Autowired
	JdbcClient jdbc;

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));

	private final LocalDate today = LocalDate.parse("2026-12-04");

	private DataScope district;

	private long learnerId;

	@BeforeEach
	void pickALearner() {
		String path = jdbc.sql("SELECT path FROM learner WHERE created_by = 'demo-data' ORDER BY id")
			.query(String.class)
			.list()
			.get(0);
		// The district: the country, the region and the district of the learner's path.
		String[] steps = path.substring(1).split("/");
		district = new DataScope("/" + steps[0] + "/" + steps[1] + "/" + steps[2] + "/");
		learnerId = jdbc.sql("SELECT MIN(id) FROM learner WHERE path LIKE :p")
			.param("p", district.pathPrefix() + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void aChangeIsCountedOnceTheCountIsOlderThanTheStaleness() {
		LearnerCounts counts = new LearnerCounts(learnerRows, clock, Duration.ofSeconds(30), Duration.ofMinutes(2));
		long before = counts.count(district, EVERYONE, null, today);
		moveTheLearnerAway();
		counts.changed(new AuditedChange(AuditAction.UPDATE, "learner"));
		clock.move(Duration.ofSeconds(10));
		assertThat(counts.count(district, EVERYONE, null, today)).as("within 30 s").isEqualTo(before);
		clock.move(Duration.ofSeconds(21));
		assertThat(counts.count(district, EVERYONE, null, today)).isEqualTo(before - 1);
	}

	@Test
	void withoutStalenessAChangeIsCountedAtOnce() {
		LearnerCounts counts = new LearnerCounts(learnerRows, clock, Duration.ZERO, Duration.ofMinutes(2));
		long before = counts.count(district, EVERYONE, null, today);
		moveTheLearnerAway();
		assertThat(counts.count(district, EVERYONE, null, today)).as("no change committed here").isEqualTo(before);
		counts.changed(new AuditedChange(AuditAction.UPDATE, "learner"));
		assertThat(counts.count(district, EVERYONE, null, today)).isEqualTo(before - 1);
	}

	@Test
	void countsAreTakenAgainAtTheirMaximumAgeForOtherServersChanges() {
		LearnerCounts counts = new LearnerCounts(learnerRows, clock, Duration.ZERO, Duration.ofMinutes(2));
		long before = counts.count(district, EVERYONE, null, today);
		moveTheLearnerAway();
		clock.move(Duration.ofMinutes(1));
		assertThat(counts.count(district, EVERYONE, null, today)).isEqualTo(before);
		clock.move(Duration.ofMinutes(2));
		assertThat(counts.count(district, EVERYONE, null, today)).isEqualTo(before - 1);
	}

	@Test
	void worklistCountsAreTheRepositorysCounts() {
		LearnerCounts counts = new LearnerCounts(learnerRows, clock, Duration.ZERO, Duration.ofMinutes(2));
		for (var entry : counts.worklistCounts(district, today).entrySet()) {
			assertThat(entry.getValue()).as(entry.getKey().name())
				.isEqualTo(learnerRows.count(district, EVERYONE, entry.getKey(), today));
		}
	}

	private void moveTheLearnerAway() {
		jdbc.sql("UPDATE learner SET path = '/KZ/ELSEWHERE/' WHERE id = :id").param("id", learnerId).update();
	}

}
