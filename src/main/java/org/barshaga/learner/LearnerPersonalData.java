package org.barshaga.learner;

import java.util.List;

import org.barshaga.kernel.ChildReference;
import org.barshaga.kernel.PersonalDataHolder;
import org.barshaga.kernel.PersonalDataQuery;
import org.barshaga.kernel.PersonalDataSection;
import org.barshaga.kernel.Sex;
import org.barshaga.kernel.SpecialistType;
import org.barshaga.registry.InstructionLanguage;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The learner register's part of a parent's request: every table of the child's record,
 * whole, health fields included, since the record is the child's (docs/security.md, "A
 * parent's request, retention and erasure").
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LearnerPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	LearnerPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(ChildReference child) {
		long id = child.learnerId();
		return List.of(
				PersonalDataQuery.section("identity", """
						SELECT l.iin, l.no_iin_reason, l.surname, l.given_name, l.patronymic, l.birth_date, l.sex,
							l.citizenship, l.language, l.disability, l.home_unit_code, l.created_at, l.created_by,
							l.updated_at, l.updated_by, l.archived_on
						FROM learner l WHERE l.id = :id""")
					.param("id", id)
					.codes("no_iin_reason", NoIinReason.class)
					.codes("sex", Sex.class)
					.codes("citizenship", Citizenship.class)
					.codes("language", InstructionLanguage.class)
					.codes("disability", Disability.class)
					.read(jdbc),
				PersonalDataQuery.section("guardians", """
						SELECT relation, full_name, phone, email, address, created_at, created_by
						FROM guardian WHERE learner_id = :id ORDER BY id""")
					.param("id", id)
					.codes("relation", GuardianRelation.class)
					.read(jdbc),
				PersonalDataQuery.section("consents", """
						SELECT k.purpose, g.full_name, k.given_on, k.recorded_by, k.withdrawn_on,
							k.withdrawal_recorded_by
						FROM consent k LEFT JOIN guardian g ON g.id = k.guardian_id
						WHERE k.learner_id = :id ORDER BY k.given_on, k.id""")
					.param("id", id)
					.codes("purpose", ConsentPurpose.class)
					.read(jdbc),
				PersonalDataQuery.section("conclusions", """
						SELECT c.concluded_on, o.code AS pmpc, c.conclusion_number, c.sen_categories, c.programme,
							c.form, c.conditions, c.next_review_on, c.recorded_by
						FROM conclusion c JOIN organisation o ON o.id = c.pmpc_id
						WHERE c.learner_id = :id ORDER BY c.concluded_on, c.id""")
					.param("id", id)
					.codes("sen_categories", SenCategory.class)
					.codes("programme", Programme.class)
					.codes("form", EducationForm.class)
					.codes("conditions", RecommendedCondition.class)
					.read(jdbc),
				PersonalDataQuery.section("conclusion_services", """
						SELECT c.concluded_on, s.specialist, s.weekly_hours
						FROM conclusion_service s JOIN conclusion c ON c.id = s.conclusion_id
						WHERE c.learner_id = :id ORDER BY c.concluded_on, s.specialist""")
					.param("id", id)
					.codes("specialist", SpecialistType.class)
					.read(jdbc),
				PersonalDataQuery.section("functioning", """
						SELECT assessed_on, age_group, answers, flagged_domains, functional_difficulty, recorded_by
						FROM functioning WHERE learner_id = :id ORDER BY assessed_on, id""").param("id", id).read(jdbc),
				PersonalDataQuery.section("enrolments", """
						SELECT o.code AS organisation, e.grade, e.class_name, e.form, e.started_on, e.ended_on,
							e.end_reason, e.recorded_by
						FROM enrolment e JOIN organisation o ON o.id = e.organisation_id
						WHERE e.learner_id = :id ORDER BY e.started_on, e.id""")
					.param("id", id)
					.codes("form", EducationForm.class)
					.codes("end_reason", EnrolmentEndReason.class)
					.read(jdbc),
				PersonalDataQuery.section("support_levels", """
						SELECT level_number, set_on, rationale, recorded_by
						FROM support_level WHERE learner_id = :id ORDER BY set_on, id""").param("id", id).read(jdbc),
				PersonalDataQuery.section("plans", """
						SELECT school_year, started_on, adaptations, updated_at, updated_by
						FROM plan WHERE learner_id = :id ORDER BY school_year""").param("id", id).read(jdbc),
				PersonalDataQuery.section("plan_goals", """
						SELECT p.school_year, g.goal_domain, g.description, g.baseline, g.target_state, g.measure
						FROM plan_goal g JOIN plan p ON p.id = g.plan_id
						WHERE p.learner_id = :id ORDER BY p.school_year, g.id""")
					.param("id", id)
					.codes("goal_domain", GoalDomain.class)
					.read(jdbc),
				PersonalDataQuery.section("plan_services", """
						SELECT p.school_year, s.specialist, s.weekly_hours
						FROM plan_service s JOIN plan p ON p.id = s.plan_id
						WHERE p.learner_id = :id ORDER BY p.school_year, s.specialist""")
					.param("id", id)
					.codes("specialist", SpecialistType.class)
					.read(jdbc),
				PersonalDataQuery.section("plan_reviews", """
						SELECT p.school_year, r.term_number, r.reviewed_on, g.description, gr.score, gr.remark,
							r.recorded_by
						FROM plan_review r JOIN plan p ON p.id = r.plan_id
						LEFT JOIN goal_rating gr ON gr.review_id = r.id LEFT JOIN plan_goal g ON g.id = gr.goal_id
						WHERE p.learner_id = :id ORDER BY p.school_year, r.term_number, g.id""")
					.param("id", id)
					.read(jdbc),
				PersonalDataQuery.section("sessions", """
						SELECT held_on, minutes, specialist, grouped, attended, missed_reason, recorded_by
						FROM support_session WHERE learner_id = :id ORDER BY held_on, id""")
					.param("id", id)
					.codes("specialist", SpecialistType.class)
					.codes("missed_reason", MissedReason.class)
					.read(jdbc),
				PersonalDataQuery.section("devices", """
						SELECT kind, description, provided_on, returned_on, device_condition, recorded_by
						FROM device WHERE learner_id = :id ORDER BY provided_on, id""")
					.param("id", id)
					.codes("kind", DeviceKind.class)
					.codes("device_condition", DeviceCondition.class)
					.read(jdbc),
				PersonalDataQuery.section("transfers", """
						SELECT status, target_code, requested_at, requested_by, answered_at, answered_by
						FROM learner_transfer WHERE learner_id = :id ORDER BY requested_at, id""")
					.param("id", id)
					.codes("status", TransferStatus.class)
					.read(jdbc));
	}

}
