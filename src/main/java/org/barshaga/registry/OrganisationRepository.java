package org.barshaga.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.SearchText;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

	private static final String COLUMNS = """
			id, code, type, name_kk, name_ru, name_en, org_unit_code, path, settlement, ownership, languages,
			status, closed_on, updated_at, updated_by, version""";

	private static final String SEARCH_FILTERS = """
			FROM organisation
			WHERE %s
			  AND (CAST(:text AS VARCHAR) IS NULL OR search_text LIKE :text ESCAPE '!')
			  AND (CAST(:type AS VARCHAR) IS NULL OR type = :type)
			  AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
			""";

	private static final String INSERT = """
			INSERT INTO organisation (code, type, name_kk, name_ru, name_en, search_text, org_unit_code, path,
				settlement, ownership, languages, status, closed_on, created_at, created_by, updated_at, updated_by, version)
			VALUES (:code, :type, :nameKk, :nameRu, :nameEn, :searchText, :orgUnitCode, :path, :settlement, :ownership,
				:languages, :status, :closedOn, :now, :by, :now, :by, 0)
			""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	OrganisationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	Optional<Organisation> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = :id")
			.param("id", id)
			.query(OrganisationRepository::map)
			.optional();
	}

	Optional<Organisation> findInScope(long id, DataScope scope) {
		return scope.bind(jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = :id AND " + scope.sql("path")))
			.param("id", id)
			.query(OrganisationRepository::map)
			.optional();
	}

	Optional<Organisation> findByPath(String path) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE path = :path")
			.param("path", path)
			.query(OrganisationRepository::map)
			.optional();
	}

	Optional<Organisation> findByCode(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE code = :code")
			.param("code", code)
			.query(OrganisationRepository::map)
			.optional();
	}

	/**
	 * Searches organisations under a unit (the unit is itself a scope: its path prefix).
	 */
	List<Organisation> search(DataScope within, OrganisationSearch search) {
		String sql = "SELECT " + COLUMNS + " " + SEARCH_FILTERS.formatted(within.sql("path"))
				+ " ORDER BY path, name_ru LIMIT :limit OFFSET :offset";
		return bindSearch(jdbc.sql(sql), within, search).param("limit", search.pageSize())
			.param("offset", search.page() * search.pageSize())
			.query(OrganisationRepository::map)
			.list();
	}

	long count(DataScope within, OrganisationSearch search) {
		return bindSearch(jdbc.sql("SELECT COUNT(*) " + SEARCH_FILTERS.formatted(within.sql("path"))), within, search)
			.query(Long.class)
			.single();
	}

	List<Organisation> schoolsWithin(DataScope within) {
		return within
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE status = 'OPEN'"
					+ " AND type IN ('GENERAL_SCHOOL', 'SPECIAL_SCHOOL') AND " + within.sql("path") + " ORDER BY path"))
			.query(OrganisationRepository::map)
			.list();
	}

	/** Open organisations by type inside a scope, for overviews. */
	Map<OrganisationType, Long> countByType(DataScope within) {
		Map<OrganisationType, Long> counts = new java.util.EnumMap<>(OrganisationType.class);
		within.bind(jdbc.sql("SELECT type, COUNT(*) AS n FROM organisation WHERE status = 'OPEN' AND "
				+ within.sql("path") + " GROUP BY type"))
			.query((ResultSet rs) -> {
				counts.put(OrganisationType.valueOf(rs.getString("type")), rs.getLong("n"));
			});
		return counts;
	}

	boolean existsUnder(String unitCode) {
		return jdbc.sql("SELECT COUNT(*) FROM organisation WHERE org_unit_code = :code")
			.param("code", unitCode)
			.query(Long.class)
			.single() > 0;
	}

	long insert(Organisation organisation, String by, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		batch.update(INSERT, parameters(organisation, by, now), keys, new String[] { "id" });
		return keys.getKey().longValue();
	}

	void insertAll(List<Organisation> organisations, String by, Instant now) {
		batch.batchUpdate(INSERT,
				organisations.stream().map(o -> parameters(o, by, now)).toArray(MapSqlParameterSource[]::new));
	}

	/** Updates when the stored version is still the one read; answers whether it was. */
	boolean update(Organisation changed, int expectedVersion, DataScope scope, String by, Instant now) {
		return jdbc.sql("""
				UPDATE organisation SET type = :type, name_kk = :nameKk, name_ru = :nameRu, name_en = :nameEn,
					search_text = :searchText, org_unit_code = :orgUnitCode, path = :path, settlement = :settlement,
					ownership = :ownership, languages = :languages, status = :status, closed_on = :closedOn,
					updated_at = :now, updated_by = :by, version = version + 1
				WHERE id = :id AND version = :expectedVersion AND """ + " " + scope.sql("path"))
			.paramSource(scope.bind(parameters(changed, by, now))
				.addValue("id", changed.id())
				.addValue("expectedVersion", expectedVersion))
			.update() == 1;
	}

	private static MapSqlParameterSource parameters(Organisation o, String by, Instant now) {
		return new MapSqlParameterSource().addValue("code", o.code())
			.addValue("type", o.type().name())
			.addValue("nameKk", o.name().kk())
			.addValue("nameRu", o.name().ru())
			.addValue("nameEn", o.name().en())
			.addValue("searchText", searchText(o))
			.addValue("orgUnitCode", o.orgUnitCode())
			.addValue("path", o.path())
			.addValue("settlement", o.settlement().name())
			.addValue("ownership", o.ownership().name())
			.addValue("languages", InstructionLanguage.encode(o.languages()))
			.addValue("status", o.status().name())
			.addValue("closedOn", o.closedOn() == null ? null : Date.valueOf(o.closedOn()))
			.addValue("now", Timestamp.from(now))
			.addValue("by", by);
	}

	private static String searchText(Organisation o) {
		String text = SearchText.fold(String.join(" ", o.code(), o.name().kk(), o.name().ru(), o.name().en()));
		return text.length() <= 1000 ? text : text.substring(0, 1000);
	}

	private static StatementSpec bindSearch(StatementSpec statement, DataScope within, OrganisationSearch search) {
		return within.bind(statement)
			.param("text", search.text() == null ? null : SearchText.containsPattern(search.text()))
			.param("type", search.type() == null ? null : search.type().name())
			.param("status", search.status() == null ? null : search.status().name());
	}

	private static Organisation map(ResultSet rs, int row) throws SQLException {
		Date closedOn = rs.getDate("closed_on");
		return new Organisation(rs.getLong("id"), rs.getString("code"), OrganisationType.valueOf(rs.getString("type")),
				new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
				rs.getString("org_unit_code"), rs.getString("path"), Settlement.valueOf(rs.getString("settlement")),
				Ownership.valueOf(rs.getString("ownership")), InstructionLanguage.decode(rs.getString("languages")),
				OrganisationStatus.valueOf(rs.getString("status")), closedOn == null ? null : closedOn.toLocalDate(),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), rs.getInt("version"));
	}

}
