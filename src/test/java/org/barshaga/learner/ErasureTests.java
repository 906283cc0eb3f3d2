package org.barshaga.learner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An erasure removes every row of the child in every module, keeps every other child's,
 * and leaves an audit entry without anything that identifies the child; a refused erasure
 * changes nothing.
 */
@BarshagaTest
@Transactional
class ErasureTests {

	static final Actor ADMIN = new Actor(0, "admin", "Administrator", Role.ADMIN, DataScope.NATION);

	/**
	 * Every column of the schema that names a child: a learner's id or an IIN. A table
	 * that holds one must have an eraser (a {@code LearnerEraser} of its module) and be
	 * listed here; a new one fails this test until it is.
	 */
	static final Set<String> CHILD_COLUMNS = Set.of("conclusion.learner_id", "consent.learner_id", "device.learner_id",
			"enrolment.learner_id", "enrolment_extract.iin", "functioning.learner_id", "guardian.learner_id",
			"health_registry_record.iin", "learner.iin", "learner_transfer.learner_id", "plan.learner_id",
			"reconcile_decision.pupil_iin", "reconcile_pupil_duplicate.iin", "reconcile_pupil_duplicate.other_iin",
			"reconcile_result.pupil_iin", "school_leaver.iin", "social_benefit_record.iin", "support_level.learner_id",
			"support_request.learner_id", "support_session.learner_id", "term_attendance.iin", "term_result.iin");

	/** Columns named like a child's but about staff. */
	static final Set<String> NOT_A_CHILD = Set.of("staff_member.iin");

	@Autowired
	Erasures erasures;

	@Autowired
	Learners learners;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void anErasureRemovesEveryRowOfTheChildInEveryModuleAndKeepsNoIdentityInTheAudit() {
		ChildFixture fixture = new ChildFixture(jdbc);
		long school = fixture.organisationOf(Demo.SCHOOL);
		ChildFixture.Child child = fixture.rich(fixture.unusedIin(LocalDate.of(2015, 9, 1), Sex.MALE), school);
		long other = fixture.plain(null, "Қалушы", school, LocalDate.now().minusYears(1));
		Actor coordinator = coordinator();
		learners.read(coordinator, child.id());
		learners.read(coordinator, other);
		List<String> columns = childColumns();
		assertThat(new TreeSet<>(columns)).as("columns that name a child; add an eraser for a new one")
			.isEqualTo(new TreeSet<>(CHILD_COLUMNS));
		for (String table : columns.stream().map(c -> c.substring(0, c.indexOf('.'))).distinct().toList()) {
			assertThat(
					columns.stream().filter(c -> c.startsWith(table + ".")).mapToLong(c -> rowsOfChild(c, child)).sum())
				.as(table + " holds the child before the erasure")
				.isPositive();
		}
		assertThat(audited("learner", String.valueOf(child.id()))).isPositive();

		Erasures.Receipt receipt = erasures.erase(ADMIN,
				new Erasures.Request(child.iin(), ErasureBasis.CONSENT_WITHDRAWN, "written request of the mother"));

		for (String column : columns) {
			assertThat(rowsOfChild(column, child)).as(column).isZero();
		}
		assertThat(count("SELECT COUNT(*) FROM conclusion_service WHERE conclusion_id = ?", child.conclusion()))
			.isZero();
		for (String table : List.of("plan_goal", "plan_service", "plan_review")) {
			assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE plan_id = ?", child.plan())).as(table).isZero();
		}
		assertThat(count("SELECT COUNT(*) FROM goal_rating WHERE review_id = ?", child.review())).isZero();
		assertThat(count("SELECT COUNT(*) FROM consent WHERE guardian_id = ?", child.guardian())).isZero();
		assertThat(audited("learner", String.valueOf(child.id()))).isZero();
		assertThat(audited("enrolment_pupil", child.iin())).isZero();
		assertThat(count("SELECT COUNT(*) FROM audit_event_subject WHERE record_id IN (?, ?, ?, ?)",
				String.valueOf(child.id()), child.iin(), "HR-" + child.iin(), "SB-" + child.iin()))
			.as("no audit event holds the child any more")
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE fields LIKE ? OR detail LIKE ?",
				"%" + child.iin() + "%", "%" + child.iin() + "%"))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM support_request WHERE description LIKE '%Тимур%'")).isZero();

		assertThat(count("SELECT COUNT(*) FROM learner WHERE id = ?", other)).isOne();
		assertThat(count("SELECT COUNT(*) FROM guardian WHERE learner_id = ?", other)).isOne();
		assertThat(audited("learner", String.valueOf(other))).isPositive();

		String detail = jdbc.sql("""
				SELECT detail FROM audit_event WHERE action = 'DELETE' AND record_type = 'erasure'
				AND record_id = :reference""").param("reference", receipt.reference()).query(String.class).single();
		assertThat(detail).contains("CONSENT_WITHDRAWN", "learner 1", "guardian 1", "health_registry_record 1")
			.doesNotContain(child.iin(), String.valueOf(child.id()), "Эрасов", "Тимур");
		assertThat(receipt.reference()).matches("ER-[0-9a-f]{16}");
		assertThat(receipt.removedRows()).containsEntry("learner", 1)
			.containsEntry("term_result", 1)
			.containsEntry("reconcile_result", 1);
	}

	@Test
	void anErasureWithoutReasonOrOfAnUnknownChildOrByAnotherRoleIsRefusedAndChangesNothing() throws Exception {
		ChildFixture fixture = new ChildFixture(jdbc);
		long school = fixture.organisationOf(Demo.SCHOOL);
		long id = fixture.plain(null, "Сақталушы", school, LocalDate.now());
		long erasuresBefore = count("SELECT COUNT(*) FROM audit_event WHERE record_type = 'erasure'");
		assertThatThrownBy(() -> erasures.erase(ADMIN,
				new Erasures.Request(String.valueOf(id), ErasureBasis.COURT_DECISION, "  ")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					refused -> assertThat(refused.problems()).extracting(InvalidInputException.Problem::field)
						.containsExactly("reason"));
		assertThatThrownBy(() -> erasures.erase(ADMIN, new Erasures.Request(String.valueOf(id), null, "too short")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					refused -> assertThat(refused.problems()).extracting(InvalidInputException.Problem::field)
						.containsExactly("basis", "reason"));
		assertThatThrownBy(() -> erasures.erase(coordinator(),
				new Erasures.Request(String.valueOf(id), ErasureBasis.COURT_DECISION, "the court decided so")))
			.isInstanceOf(NotPermittedException.class);
		assertThat(count("SELECT COUNT(*) FROM learner WHERE id = ?", id)).isOne();
		assertThat(count("SELECT COUNT(*) FROM guardian WHERE learner_id = ?", id)).isOne();
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE record_type = 'erasure'")).isEqualTo(erasuresBefore);

		mvc.perform(post("/admin/learner-erasure?lang=ru").with(Demo.as(Demo.ADMIN))
			.with(csrf())
			.param("record", "99999999")
			.param("basis", "COURT_DECISION")
			.param("reason", "the court decided so"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("нет ребёнка с 99999999")));
		mvc.perform(post("/admin/learner-erasure?lang=kk").with(Demo.as(Demo.ADMIN))
			.with(csrf())
			.param("record", String.valueOf(id))
			.param("basis", "COURT_DECISION")
			.param("reason", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("міндетті өріс")));
		mvc.perform(post("/admin/learner-erasure?lang=en").with(Demo.as(Demo.SCHOOL))
			.with(csrf())
			.param("record", String.valueOf(id))
			.param("basis", "COURT_DECISION")
			.param("reason", "the court decided so")).andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM learner WHERE id = ?", id)).isOne();
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE record_type = 'erasure'")).isEqualTo(erasuresBefore);
	}

	private Actor coordinator() {
		return coordinatorOf(jdbc);
	}

	static Actor coordinatorOf(JdbcClient jdbc) {
		return jdbc.sql("SELECT id, scope_path FROM app_user WHERE username = :u")
			.param("u", Demo.SCHOOL)
			.query((rs, n) -> new Actor(rs.getLong("id"), Demo.SCHOOL, Demo.SCHOOL, Role.SCHOOL_COORDINATOR,
					new DataScope(rs.getString("scope_path"))))
			.single();
	}

	/**
	 * Every column of a base table named like a learner's id or an IIN, as table.column.
	 */
	private List<String> childColumns() {
		List<String> columns = new ArrayList<>();
		jdbc.sql("""
				SELECT c.table_name, c.column_name FROM information_schema.columns c
				JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
				WHERE LOWER(c.table_schema) = 'public' AND UPPER(t.table_type) = 'BASE TABLE'
					AND (LOWER(c.column_name) = 'learner_id' OR LOWER(c.column_name) LIKE '%iin')""")
			.query((rs, n) -> rs.getString(1).toLowerCase(Locale.ROOT) + "." + rs.getString(2).toLowerCase(Locale.ROOT))
			.list()
			.stream()
			.filter(column -> !NOT_A_CHILD.contains(column))
			.forEach(columns::add);
		return columns;
	}

	private long rowsOfChild(String tableColumn, ChildFixture.Child child) {
		String table = tableColumn.substring(0, tableColumn.indexOf('.'));
		String column = tableColumn.substring(tableColumn.indexOf('.') + 1);
		if (column.equals("learner_id")) {
			return count("SELECT COUNT(*) FROM " + table + " WHERE learner_id = ?", child.id());
		}
		String type = jdbc.sql("""
				SELECT data_type FROM information_schema.columns
				WHERE LOWER(table_schema) = 'public' AND LOWER(table_name) = ? AND LOWER(column_name) = ?""")
			.params(table, column)
			.query(String.class)
			.single()
			.toLowerCase(Locale.ROOT);
		Object value = type.contains("int") ? Long.valueOf(child.iin()) : child.iin();
		return count("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", value);
	}

	private long audited(String recordType, String recordId) {
		return count("SELECT COUNT(*) FROM audit_event WHERE record_type = ? AND record_id = ?", recordType, recordId);
	}

	private long count(String sql, Object... parameters) {
		return jdbc.sql(sql).params(parameters).query(Long.class).single();
	}

}
