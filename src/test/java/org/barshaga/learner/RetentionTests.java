package org.barshaga.learner;

import java.time.LocalDate;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The retention rule on hand-made dates (five years by default after the child left: the
 * last enrolment ended, no conclusion in force, no device out), and what archiving does:
 * the record leaves lists and record pages, and an administrator reads it with a reason,
 * audited.
 */
@BarshagaTest
@Transactional
class RetentionTests {

	/** The day the rule is asked about; five years before it is the cut-off. */
	static final LocalDate DAY = LocalDate.of(2031, 6, 1);

	static final LocalDate CUTOFF = LocalDate.of(2026, 6, 1);

	@Autowired
	Retention retention;

	@Autowired
	Learners learners;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aRecordIsDueFiveYearsAfterTheChildLeftTheSystem() {
		ChildFixture fixture = new ChildFixture(jdbc);
		long school = fixture.organisationOf(Demo.SCHOOL);
		LocalDate registered = LocalDate.of(2019, 9, 1);
		long leftTheDayBefore = fixture.plain(null, "Кеткен", school, registered);
		fixture.enrol(leftTheDayBefore, school, registered, CUTOFF.minusDays(1));
		fixture.conclude(leftTheDayBefore, registered, CUTOFF.minusDays(1));
		long leftOnTheDay = fixture.plain(null, "Кеткенкүні", school, registered);
		fixture.enrol(leftOnTheDay, school, registered, CUTOFF);
		long leftTheDayAfter = fixture.plain(null, "Кешкетті", school, registered);
		fixture.enrol(leftTheDayAfter, school, registered, CUTOFF.plusDays(1));
		long stillEnrolled = fixture.plain(null, "Оқушы", school, registered);
		fixture.enrol(stillEnrolled, school, registered, null);
		long conclusionInForce = fixture.plain(null, "Қорытынды", school, registered);
		fixture.enrol(conclusionInForce, school, registered, LocalDate.of(2021, 5, 31));
		fixture.conclude(conclusionInForce, registered, CUTOFF.plusDays(1));
		long deviceNotReturned = fixture.plain(null, "Құрал", school, registered);
		fixture.device(deviceNotReturned, registered, null);
		long deviceReturned = fixture.plain(null, "Қайтарды", school, registered);
		fixture.device(deviceReturned, registered, LocalDate.of(2020, 5, 1));
		long neverEnrolledLongAgo = fixture.plain(null, "Тіркелген", school, registered);
		long registeredAfterCutoff = fixture.plain(null, "Жаңа", school, CUTOFF.plusDays(1));

		List<Long> due = retention.dueOn(DAY);

		assertThat(retention.years()).isEqualTo(5);
		assertThat(due).contains(leftTheDayBefore, leftOnTheDay, deviceReturned, neverEnrolledLongAgo)
			.doesNotContain(leftTheDayAfter, stillEnrolled, conclusionInForce, deviceNotReturned,
					registeredAfterCutoff);
	}

	@Test
	void anArchivedRecordLeavesListsAndPagesAndAnAdministratorReadsItWithAReason() throws Exception {
		ChildFixture fixture = new ChildFixture(jdbc);
		long school = fixture.organisationOf(Demo.SCHOOL);
		LocalDate registered = LocalDate.of(2010, 9, 1);
		long left = fixture.plain(null, "Мұрағатов", school, registered);
		fixture.enrol(left, school, registered, LocalDate.of(2015, 5, 31));
		fixture.conclude(left, registered, LocalDate.of(2016, 1, 15));
		Actor coordinator = ErasureTests.coordinatorOf(jdbc);
		assertThat(learners.search(coordinator, new LearnerSearch("Мұрағатов", null, null, 0, 20)).items()).hasSize(1);
		assertThat(retention.dueToday()).contains(left);

		assertThatThrownBy(() -> retention.archiveDue(coordinator)).isInstanceOf(NotPermittedException.class);
		assertThat(retention.archiveDue(ErasureTests.ADMIN)).isPositive();

		assertThat(jdbc.sql("SELECT archived_on FROM learner WHERE id = :id")
			.param("id", left)
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.now());
		assertThat(learners.search(coordinator, new LearnerSearch("Мұрағатов", null, null, 0, 20)).items()).isEmpty();
		assertThatThrownBy(() -> learners.read(coordinator, left)).isInstanceOf(NotFoundException.class);
		mvc.perform(get("/learners/" + left).with(Demo.as(Demo.SCHOOL))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event e JOIN audit_event_subject s ON s.event_id = e.id
				WHERE e.record_type = 'learner-archive' AND s.record_id = :id""")
			.param("id", String.valueOf(left))
			.query(Long.class)
			.single()).isOne();

		assertThatThrownBy(() -> retention.readArchived(ErasureTests.ADMIN, String.valueOf(left), ""))
			.isInstanceOfSatisfying(InvalidInputException.class,
					refused -> assertThat(refused.problems()).extracting(InvalidInputException.Problem::field)
						.containsExactly("reason"));
		ParentRequests.Dossier dossier = retention.readArchived(ErasureTests.ADMIN, String.valueOf(left),
				"a court asked for the record");
		assertThat(dossier.fullName()).isEqualTo("Мұрағатов Тимур");
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE action = 'READ' AND record_type = 'learner' AND record_id = :id
				AND actor = 'admin' AND detail LIKE '%reason: a court asked for the record%'""")
			.param("id", String.valueOf(left))
			.query(Long.class)
			.single()).isOne();

		mvc.perform(post("/admin/archived-learners?lang=en").with(Demo.as(Demo.ADMIN))
			.with(csrf())
			.param("record", String.valueOf(left))
			.param("reason", "the family asked again"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Мұрағатов")));
		long active = fixture.plain(null, "Белсенді", school, LocalDate.now());
		mvc.perform(post("/admin/archived-learners?lang=ru").with(Demo.as(Demo.ADMIN))
			.with(csrf())
			.param("record", String.valueOf(active))
			.param("reason", "the family asked again"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("не в архиве")));
		mvc.perform(get("/admin/archived-learners").with(Demo.as(Demo.SCHOOL))).andExpect(status().isForbidden());
	}

	@Test
	void anAdministratorBringsAnArchivedRecordBackWhenTheChildReturnsWithAReason() throws Exception {
		ChildFixture fixture = new ChildFixture(jdbc);
		long school = fixture.organisationOf(Demo.SCHOOL);
		LocalDate registered = LocalDate.of(2010, 9, 1);
		long returned = fixture.plain(null, "Қайтушы", school, registered);
		fixture.enrol(returned, school, registered, LocalDate.of(2015, 5, 31));
		retention.archiveDue(ErasureTests.ADMIN);
		Actor coordinator = ErasureTests.coordinatorOf(jdbc);
		assertThatThrownBy(() -> learners.read(coordinator, returned)).isInstanceOf(NotFoundException.class);
		int version = jdbc.sql("SELECT version FROM learner WHERE id = :id")
			.param("id", returned)
			.query(Integer.class)
			.single();

		mvc.perform(get("/admin/archived-learners/restore?lang=en&record=" + returned).with(Demo.as(Demo.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bring the record back into use")));
		mvc.perform(post("/admin/archived-learners/restore?lang=ru").with(Demo.as(Demo.ADMIN))
			.with(csrf())
			.param("record", String.valueOf(returned))
			.param("reason", "short"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("10")));
		assertThatThrownBy(
				() -> retention.restore(coordinator, String.valueOf(returned), "the child is back at school"))
			.isInstanceOf(NotPermittedException.class);
		mvc.perform(post("/admin/archived-learners/restore").with(Demo.as(Demo.SCHOOL))
			.with(csrf())
			.param("record", String.valueOf(returned))
			.param("reason", "the child is back at school")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM learner WHERE id = :id AND archived_on IS NOT NULL")
			.param("id", returned)
			.query(Long.class)
			.single()).as("refused attempts leave the record archived").isOne();

		mvc.perform(post("/admin/archived-learners/restore?lang=en").with(Demo.as(Demo.ADMIN))
			.with(csrf())
			.param("record", String.valueOf(returned))
			.param("reason", "the child is back at school"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/learners/" + returned));
		assertThat(learners.read(coordinator, returned).learner().id()).isEqualTo(returned);
		assertThat(learners.search(coordinator, new LearnerSearch("Қайтушы", null, null, 0, 20)).items()).hasSize(1);
		assertThat(jdbc.sql("SELECT version FROM learner WHERE id = :id")
			.param("id", returned)
			.query(Integer.class)
			.single()).isEqualTo(version + 1);
		assertThat(jdbc
			.sql("""
					SELECT COUNT(*) FROM audit_event WHERE action = 'UPDATE' AND record_type = 'learner' AND record_id = :id
					AND actor = 'admin' AND detail LIKE '%brought back from the archive%reason: the child is back at school%'""")
			.param("id", String.valueOf(returned))
			.query(Long.class)
			.single()).isOne();
		// a record in use is not brought back twice
		mvc.perform(post("/admin/archived-learners/restore?lang=en").with(Demo.as(Demo.ADMIN))
			.with(csrf())
			.param("record", String.valueOf(returned))
			.param("reason", "the child is back at school"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("is not archived")));
	}

}
