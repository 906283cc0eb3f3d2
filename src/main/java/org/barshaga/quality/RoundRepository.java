package org.barshaga.quality;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LocalizedName;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Rounds and their schools. The people a school is to reach are counted from the
 * registers when the round opens: teachers in post, the children with SEN enrolled (one
 * parent each), the pupils of the chosen grades in the latest enrolment extract, or one
 * team for the school's own instruments.
 */
@Repository
class RoundRepository {

	private static final String ROUND = """
			SELECT id, instrument_code, instrument_version, unit_code, path, grades, opens_on, closes_on, created_by
			FROM quality_round r""";

	private final JdbcClient jdbc;

	RoundRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> unitPath(String unitCode) {
		return jdbc.sql("SELECT path FROM org_unit WHERE code = :code AND valid_to IS NULL")
			.param("code", unitCode)
			.query(String.class)
			.optional();
	}

	long insert(String instrument, int version, String unitCode, String path, List<Integer> grades, LocalDate opensOn,
			LocalDate closesOn, Instant now, String by) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quality_round (instrument_code, instrument_version, unit_code, path, grades, opens_on,
					closes_on, created_at, created_by)
				VALUES (:instrument, :version, :unit, :path, :grades, :opensOn, :closesOn, :now, :by)""")
			.param("instrument", instrument)
			.param("version", version)
			.param("unit", unitCode)
			.param("path", path)
			.param("grades", grades.isEmpty() ? null : String.join(",", grades.stream().map(String::valueOf).toList()))
			.param("opensOn", Date.valueOf(opensOn))
			.param("closesOn", Date.valueOf(closesOn))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** Adds every open school of the round's unit, with the people it is to reach. */
	int insertSchools(long round, String unitPath, Respondent respondent, List<Integer> grades) {
		String expected = switch (respondent) {
			case TEACHER -> """
					(SELECT COUNT(*) FROM staff_member m WHERE m.organisation_id = o.id
						AND m.position = 'TEACHER' AND m.ended_on IS NULL)""";
			case PARENT -> """
					(SELECT COUNT(DISTINCT e.learner_id) FROM enrolment e WHERE e.organisation_id = o.id
						AND e.ended_on IS NULL)""";
			case PUPIL -> """
					(SELECT COUNT(*) FROM enrolment_extract x WHERE x.organisation_id = o.id
						AND x.school_year = (SELECT MAX(y.school_year) FROM enrolment_extract y)
						AND x.grade IN (:grades))""";
			case SCHOOL_TEAM, PRINCIPAL_OR_COORDINATOR -> "1";
		};
		DataScope unit = new DataScope(unitPath);
		var statement = jdbc
			.sql("""
					INSERT INTO quality_round_school (round_id, organisation_id, path, settlement, expected)
					SELECT :round, o.id, o.path, o.settlement, %s FROM organisation o
					WHERE o.type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL') AND o.status = 'OPEN' AND %s"""
				.formatted(expected, unit.sql("o.path")))
			.param("round", round);
		if (respondent == Respondent.PUPIL) {
			statement = statement.param("grades", grades);
		}
		return unit.bind(statement).update();
	}

	Optional<Round> find(long id) {
		return jdbc.sql(ROUND + " WHERE id = :id").param("id", id).query(this::round).optional();
	}

	/** The rounds with a school in the scope, the newest first. */
	List<Round> visible(DataScope scope) {
		return scope.bind(jdbc.sql(ROUND + """
				 WHERE EXISTS (SELECT 1 FROM quality_round_school s WHERE s.round_id = r.id AND %s)
				ORDER BY opens_on DESC, id DESC""".formatted(scope.sql("s.path")))).query(this::round).list();
	}

	/** The last round of the instrument that closed before this one opened, if any. */
	Optional<Round> previous(Round round) {
		return jdbc.sql(ROUND + """
				 WHERE instrument_code = :instrument AND closes_on < :opensOn
				ORDER BY closes_on DESC, id DESC""")
			.param("instrument", round.instrumentCode())
			.param("opensOn", Date.valueOf(round.opensOn()))
			.query(this::round)
			.stream()
			.findFirst();
	}

	List<RoundSchool> schools(long round, DataScope scope) {
		return scope.bind(jdbc.sql("""
				SELECT s.organisation_id, o.code, o.name_kk, o.name_ru, o.name_en, s.path, s.expected, s.codes_issued,
					(SELECT COUNT(*) FROM quality_response q WHERE q.round_id = s.round_id
						AND q.organisation_id = s.organisation_id) AS responses
				FROM quality_round_school s JOIN organisation o ON o.id = s.organisation_id
				WHERE s.round_id = :round AND %s
				ORDER BY s.path""".formatted(scope.sql("s.path")))).param("round", round).query(this::school).list();
	}

	Optional<RoundSchool> school(long round, String schoolCode, DataScope scope) {
		return schools(round, scope).stream().filter(s -> s.code().equals(schoolCode)).findFirst();
	}

	/** Counts codes against the school's people; false when they would exceed them. */
	boolean issue(long round, long school, int people) {
		return jdbc.sql("""
				UPDATE quality_round_school SET codes_issued = codes_issued + :people
				WHERE round_id = :round AND organisation_id = :school AND codes_issued + :people <= expected""")
			.param("people", people)
			.param("round", round)
			.param("school", school)
			.update() == 1;
	}

	void insertCode(String hash, long round, long school, CodeKind kind, int capacity) {
		jdbc.sql("""
				INSERT INTO quality_code (code_hash, round_id, organisation_id, kind, capacity, used)
				VALUES (:hash, :round, :school, :kind, :capacity, 0)""")
			.param("hash", hash)
			.param("round", round)
			.param("school", school)
			.param("kind", kind.name())
			.param("capacity", capacity)
			.update();
	}

	private Round round(ResultSet rs, int row) throws SQLException {
		String grades = rs.getString("grades");
		return new Round(rs.getLong("id"), rs.getString("instrument_code"), rs.getInt("instrument_version"),
				rs.getString("unit_code"), rs.getString("path"),
				grades == null ? List.of() : Arrays.stream(grades.split(",")).map(Integer::valueOf).toList(),
				rs.getDate("opens_on").toLocalDate(), rs.getDate("closes_on").toLocalDate(),
				rs.getString("created_by"));
	}

	private RoundSchool school(ResultSet rs, int row) throws SQLException {
		return new RoundSchool(rs.getLong("organisation_id"), rs.getString("code"),
				new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
				rs.getString("path"), rs.getInt("expected"), rs.getInt("codes_issued"), rs.getInt("responses"));
	}

}
