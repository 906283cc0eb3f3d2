package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.SearchText;
import org.barshaga.kernel.Sex;
import org.barshaga.learner.Citizenship;
import org.barshaga.learner.Disability;
import org.barshaga.registry.InstructionLanguage;

import org.springframework.stereotype.Component;

/**
 * Learners by IIN. The record is kept where the child studies (the school) or, for a
 * child not at school, by the home unit, as in the register itself. A child registered
 * outside the importer's scope is not touched and not mentioned: as in the register's own
 * form, the row is answered like a new child's and becomes a transfer request to the
 * place that holds the record, which sees it and answers (see
 * {@code docs/learner-register.md}).
 */
@Component
class LearnersExchange implements RegisterHandler {

	static final Layout LAYOUT = new Layout(Register.LEARNERS,
			List.of(Column.iin("iin"), Column.name("surname", true, 100), Column.name("given_name", true, 100),
					Column.name("patronymic", false, 100), Column.date("birth_date", true),
					Column.code("sex", true, Sex.class), Column.code("citizenship", true, Citizenship.class),
					Column.code("language", true, InstructionLanguage.class),
					Column.code("disability", true, Disability.class).asHealth(),
					Column.placeCode("home_unit_code", true), Column.placeCode("school_code", false)),
			List.of("iin"));

	private static final int IIN = 0, SURNAME = 1, GIVEN = 2, PATRONYMIC = 3, BIRTH = 4, SEX = 5, CITIZENSHIP = 6,
			LANGUAGE = 7, DISABILITY = 8, HOME = 9, SCHOOL = 10;

	private static final String MERGE = Merge.into("learner")
		.key("iin", "CHAR(12)")
		.value("surname", "VARCHAR(100)")
		.value("given_name", "VARCHAR(100)")
		.value("patronymic", "VARCHAR(100)")
		.value("birth_date", "DATE")
		.value("sex", "VARCHAR(6)")
		.value("citizenship", "VARCHAR(20)")
		.value("language", "VARCHAR(2)")
		.kept("disability", "VARCHAR(30)", "'" + Disability.NOT_RECORDED.name() + "'")
		.value("home_unit_code", "VARCHAR(40)")
		.value("path", "VARCHAR(450)")
		.value("search_text", "VARCHAR(400)")
		.created()
		.updated()
		.versioned()
		.sql();

	/**
	 * A pending request of the importer's place for a record held elsewhere, once per
	 * record and place; the holding place answers it in its list of requests.
	 */
	private static final String REQUEST = """
			INSERT INTO learner_transfer (learner_id, status, requester_path, target_path, target_code, home_unit_code,
				surname, given_name, patronymic, birth_date, requested_at, requested_by)
			SELECT l.id, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM learner l WHERE l.iin = ?
				AND NOT EXISTS (SELECT 1 FROM learner_transfer t WHERE t.learner_id = l.id AND t.target_path = ?
					AND t.status = 'PENDING')""";

	/**
	 * A row for a child held outside the importer's scope: the parameters of
	 * {@link #REQUEST}.
	 */
	private record Request(Object[] parameters) {
	}

	private final ExportQueries exports;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	LearnersExchange(ExportQueries exports, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.exports = exports;
		this.jdbc = jdbc;
	}

	@Override
	public Layout layout() {
		return LAYOUT;
	}

	@Override
	public RowWriter writer(ImportContext context) {
		References references = context.references();
		boolean national = context.actor().scope().equals(DataScope.NATION);
		return new RowWriter() {

			@Override
			public Object resolve(ParsedRow row, List<Rejection> problems) {
				String iin = row.text(IIN);
				Identity.agrees(row, IIN, BIRTH, SEX, problems);
				String home = Checks.unit(references, row, HOME, "home_unit_code", problems);
				References.Organisation school = row.text(SCHOOL) == null ? null
						: Checks.organisation(references, row, SCHOOL, "school_code", problems);
				References.Person stored = references.learner(iin);
				boolean health = Checks.healthCell(row, DISABILITY, LAYOUT.columns().get(DISABILITY),
						context.health().sees(jdbc, stored == null ? null : stored.id()), problems);
				boolean heldElsewhere = !national && stored == null
						&& jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = ?")
							.param(iin)
							.query(Long.class)
							.single() > 0;
				if (!problems.isEmpty()) {
					return null;
				}
				String path = school != null ? school.path() : home;
				if (heldElsewhere) {
					return new Request(new Object[] { context.actor().scope().pathPrefix(), home, row.text(HOME),
							row.text(HOME), row.text(SURNAME), row.text(GIVEN), row.text(PATRONYMIC), row.date(BIRTH),
							context.stamp(), context.by(), iin, home });
				}
				String search = SearchText.fold(String.join(" ", row.text(SURNAME), row.text(GIVEN),
						row.text(PATRONYMIC) == null ? "" : row.text(PATRONYMIC), iin));
				return Statements.withStamp(context, iin, row.text(SURNAME), row.text(GIVEN), row.text(PATRONYMIC),
						row.date(BIRTH), row.text(SEX), row.text(CITIZENSHIP), row.text(LANGUAGE),
						health ? row.text(DISABILITY) : null, row.text(HOME), path,
						search.length() <= 400 ? search : search.substring(0, 400));
			}

			@Override
			public void write(Connection connection, List<Object> rows) throws SQLException {
				Statements.batch(connection, MERGE,
						rows.stream().filter(r -> !(r instanceof Request)).map(r -> (Object[]) r).toList());
				Statements.batch(connection, REQUEST,
						rows.stream().filter(Request.class::isInstance).map(r -> ((Request) r).parameters()).toList());
			}

		};
	}

	@Override
	public void export(Actor actor, ExportRows rows) {
		exports.stream(
				"""
						SELECT l.id AS learner_id, l.iin, l.surname, l.given_name, l.patronymic, l.birth_date, l.sex, l.citizenship, l.language,
							l.disability, l.home_unit_code, CASE WHEN %s THEN 1 ELSE 0 END AS health_seen,
							(SELECT MIN(o.code) FROM organisation o WHERE l.path = o.path) AS school_code
						FROM learner l WHERE l.iin IS NOT NULL AND"""
					.formatted(rows.health().sql("l")) + " " + actor.scope().sql("l.path") + " ORDER BY l.iin",
				actor.scope(), rows.health(),
				rs -> rows.accept(rs.getLong("learner_id"),
						new String[] { rs.getString("iin"), rs.getString("surname"), rs.getString("given_name"),
								ExportQueries.text(rs, "patronymic"), ExportQueries.date(rs, "birth_date"),
								rs.getString("sex"), rs.getString("citizenship"), rs.getString("language"),
								rs.getInt("health_seen") == 1 ? rs.getString("disability") : "",
								rs.getString("home_unit_code"), ExportQueries.text(rs, "school_code") }));
	}

}
