package org.barshaga.exchange;

import java.time.LocalDate;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.LearnerAccess;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whose health fields (disability status, SEN categories, functioning) a file gives to or
 * takes from its user: the learner record's rule ({@code Role.learnerAccess}), as an SQL
 * condition, so that an export of millions of rows asks it in the query, not row by row.
 * A value the user may not see is neither given out nor written.
 */
final class HealthSight {

	private final LearnerAccess.Health level;

	private final long userId;

	private final LocalDate day;

	private HealthSight(LearnerAccess.Health level, long userId, LocalDate day) {
		this.level = level;
		this.userId = userId;
		this.day = day;
	}

	static HealthSight of(Actor actor, Channel channel, LocalDate day) {
		LearnerAccess.Health level = channel == Channel.COMMAND_LINE ? LearnerAccess.Health.ALWAYS
				: actor.role().learnerAccess(actor.scope()).health();
		return new HealthSight(level, actor.userId(), day);
	}

	/**
	 * A condition, true where the user sees the health fields of the learner row
	 * {@code learner}; its parameters are bound by {@link #bind}. A school sees them with
	 * the guardian's active consent to sharing, a specialist also only for children
	 * assigned to them, as in the record.
	 */
	String sql(String learner) {
		String consent = "EXISTS (SELECT 1 FROM consent hc WHERE hc.learner_id = " + learner + ".id"
				+ " AND hc.purpose = 'SHARING_WITH_SCHOOL' AND hc.given_on <= :healthDay"
				+ " AND (hc.withdrawn_on IS NULL OR hc.withdrawn_on > :healthDay))";
		return switch (level) {
			case NONE -> "1 = 0";
			case ALWAYS -> "1 = 1";
			case WITH_CONSENT -> consent;
			case DELEGATED -> consent + " AND EXISTS (SELECT 1 FROM plan_service hs JOIN plan hp ON hp.id = hs.plan_id"
					+ " WHERE hp.learner_id = " + learner + ".id AND hs.assigned_user_id = :healthUser)";
		};
	}

	MapSqlParameterSource bind(MapSqlParameterSource parameters) {
		return parameters.addValue("healthDay", day).addValue("healthUser", userId);
	}

	/**
	 * Whether the user sees the health fields of a stored learner, or of a new one when
	 * {@code learnerId} is null: a new record has no consent yet, so only a role that
	 * sees every child's health states them, as in the record's own form.
	 */
	boolean sees(JdbcClient jdbc, Long learnerId) {
		if (level == LearnerAccess.Health.ALWAYS) {
			return true;
		}
		if (level == LearnerAccess.Health.NONE || learnerId == null) {
			return false;
		}
		return jdbc.sql("SELECT COUNT(*) FROM learner l WHERE l.id = :learner AND " + sql("l"))
			.paramSource(bind(new MapSqlParameterSource("learner", learnerId)))
			.query(Long.class)
			.single() > 0;
	}

}
