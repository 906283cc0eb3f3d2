package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.Sex;
import org.barshaga.registry.InstructionLanguage;

import org.springframework.stereotype.Component;

/**
 * The enrolment extract: millions of rows, so its writer is the fast one. On PostgreSQL a
 * batch goes by {@code COPY} into a temporary table and from there into the register in
 * one {@code INSERT ... ON CONFLICT}; on H2 by a batched {@code MERGE ... KEY}.
 */
@Component
class EnrolmentExtract implements RegisterHandler {

	static final Layout LAYOUT = new Layout(Register.ENROLMENT,
			List.of(Column.year("school_year"), Column.iin("iin"), Column.registerName("surname", true, 100),
					Column.registerName("given_name", true, 100), Column.registerName("patronymic", false, 100),
					Column.date("birth_date", true), Column.code("sex", true, Sex.class),
					Column.placeCode("school_code", true), Column.integer("grade", true, 0, 12),
					Column.code("language", true, InstructionLanguage.class)),
			List.of("school_year", "iin"));

	private static final int YEAR = 0, IIN = 1, SURNAME = 2, GIVEN = 3, PATRONYMIC = 4, BIRTH = 5, SEX = 6, SCHOOL = 7,
			GRADE = 8, LANGUAGE = 9;

	/**
	 * The ages a pupil of the extract may have on 1 September of the row's school year,
	 * both included: from the youngest of a pre-school class in a special school to the
	 * oldest still taught under an individual programme; anything else is a mistyped
	 * birth date or school year.
	 */
	static final int YOUNGEST = 2, OLDEST = 25;

	private static final Set<String> SCHOOLS = Set.of("GENERAL_SCHOOL", "SPECIAL_SCHOOL");

	private static final String COLUMNS = "school_year, iin, surname, given_name, patronymic, birth_date, sex, "
			+ "organisation_id, grade, language";

	private final ExportQueries exports;

	EnrolmentExtract(ExportQueries exports) {
		this.exports = exports;
	}

	@Override
	public Layout layout() {
		return LAYOUT;
	}

	@Override
	public RowWriter writer(ImportContext context) {
		return new RowWriter() {

			@Override
			public Object resolve(ParsedRow row, List<Rejection> problems) {
				String iin = row.text(IIN);
				LocalDate birth = row.date(BIRTH);
				Identity.agrees(row, IIN, BIRTH, SEX, problems);
				int age = new SchoolYear(row.integer(YEAR)).ageAtStart(birth);
				boolean birthRefused = problems.stream().anyMatch(p -> "birth_date".equals(p.column()));
				if (!birthRefused && (age < YOUNGEST || age > OLDEST)) {
					problems.add(new Rejection(row.line(), "birth_date", row.raw(BIRTH), "exchange.reason.pupilAge",
							age, YOUNGEST, OLDEST, String.valueOf(row.integer(YEAR))));
				}
				References.Organisation school = Checks.organisation(context.references(), row, SCHOOL, "school_code",
						problems);
				if (school != null && !SCHOOLS.contains(school.type())) {
					problems
						.add(new Rejection(row.line(), "school_code", row.raw(SCHOOL), "exchange.reason.notSchool"));
				}
				if (!problems.isEmpty()) {
					return null;
				}
				return new Object[] { row.integer(YEAR), iin, row.text(SURNAME), row.text(GIVEN), row.text(PATRONYMIC),
						birth, row.text(SEX), school.id(), row.integer(GRADE), row.text(LANGUAGE) };
			}

			/**
			 * Keeps the pupils of each school and year counted, so that the indicators
			 * read thousands of counts instead of millions of rows.
			 */
			@Override
			public void finish(Connection connection) throws SQLException {
				for (Integer year : emptyAtStart.keySet()) {
					try (PreparedStatement delete = connection
						.prepareStatement("DELETE FROM enrolment_count WHERE school_year = ?");
							PreparedStatement insert = connection.prepareStatement("""
									INSERT INTO enrolment_count (school_year, organisation_id, pupils)
									SELECT school_year, organisation_id, COUNT(*) FROM enrolment_extract
									WHERE school_year = ? GROUP BY school_year, organisation_id""")) {
						delete.setInt(1, year);
						delete.executeUpdate();
						insert.setInt(1, year);
						insert.executeUpdate();
					}
				}
			}

			/** Years that had no rows when this import first met them. */
			private final Map<Integer, Boolean> emptyAtStart = new HashMap<>();

			@Override
			public void write(Connection connection, List<Object> rows) throws SQLException {
				boolean firstLoad = rows.stream()
					.allMatch(row -> emptyAtStart.computeIfAbsent((Integer) ((Object[]) row)[0],
							year -> yearIsEmpty(connection, year)));
				if (context.postgres()) {
					if (firstLoad) {
						Savepoint direct = connection.setSavepoint();
						try {
							copyDirectly(connection, rows);
							return;
						}
						catch (SQLException ex) {
							// Another import of the same year got there first: merge
							// instead.
							connection.rollback(direct);
						}
					}
					copy(connection, rows);
				}
				else if (firstLoad) {
					insert(connection, rows, "INSERT INTO enrolment_extract (" + COLUMNS + ")");
				}
				else {
					insert(connection, rows, "MERGE INTO enrolment_extract (" + COLUMNS + ") KEY (school_year, iin)");
				}
			}

		};
	}

	/** H2: a plain insert for a year's first load, otherwise a merge by key. */
	private static void insert(Connection connection, List<Object> rows, String statementStart) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement(statementStart + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			for (Object row : rows) {
				Object[] values = (Object[]) row;
				for (int i = 0; i < values.length; i++) {
					statement.setObject(i + 1, values[i] instanceof LocalDate date ? Date.valueOf(date) : values[i]);
				}
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	private static boolean yearIsEmpty(Connection connection, int year) {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT COUNT(*) FROM enrolment_extract WHERE school_year = ?")) {
			statement.setInt(1, year);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1) == 0;
			}
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * A year's first load: nothing can conflict (repeated keys inside the file are
	 * rejected before they get here), so the rows go by {@code COPY} straight into the
	 * register.
	 */
	private static void copyDirectly(Connection connection, List<Object> rows) throws SQLException {
		CopyIn.rows(connection, "enrolment_extract", COLUMNS, rows);
	}

	private static void copy(Connection connection, List<Object> rows) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMP TABLE IF NOT EXISTS enrolment_stage "
					+ "(LIKE enrolment_extract INCLUDING DEFAULTS) ON COMMIT DROP");
			statement.execute("TRUNCATE enrolment_stage");
		}
		CopyIn.rows(connection, "enrolment_stage", COLUMNS, rows);
		try (Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO enrolment_extract (" + COLUMNS + ") SELECT " + COLUMNS
					+ " FROM enrolment_stage ON CONFLICT (school_year, iin) DO UPDATE SET surname = EXCLUDED.surname, "
					+ "given_name = EXCLUDED.given_name, patronymic = EXCLUDED.patronymic, "
					+ "birth_date = EXCLUDED.birth_date, sex = EXCLUDED.sex, organisation_id = EXCLUDED.organisation_id, "
					+ "grade = EXCLUDED.grade, language = EXCLUDED.language WHERE (enrolment_extract.surname, "
					+ "enrolment_extract.given_name, enrolment_extract.patronymic, enrolment_extract.birth_date, "
					+ "enrolment_extract.sex, enrolment_extract.organisation_id, enrolment_extract.grade, "
					+ "enrolment_extract.language) IS DISTINCT FROM (EXCLUDED.surname, EXCLUDED.given_name, "
					+ "EXCLUDED.patronymic, EXCLUDED.birth_date, EXCLUDED.sex, EXCLUDED.organisation_id, "
					+ "EXCLUDED.grade, EXCLUDED.language)");
		}
	}

	@Override
	public void export(Actor actor, ExportRows rows) {
		exports.stream("""
				SELECT e.school_year, e.iin, e.surname, e.given_name, e.patronymic, e.birth_date, e.sex, o.code,
					e.grade, e.language
				FROM enrolment_extract e JOIN organisation o ON o.id = e.organisation_id
				WHERE""" + " " + actor.scope().sql("o.path") + " ORDER BY e.school_year, o.code, e.iin", actor.scope(),
				rs -> rows.accept(rs.getString(2),
						new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
								ExportQueries.text(rs, "patronymic"), ExportQueries.date(rs, "birth_date"),
								rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10) }));
	}

}
