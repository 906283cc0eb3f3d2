package org.barshaga.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LocalizedName;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrgUnitRepository {

	private static final String COLUMNS = "code, parent_code, kind, path, name_kk, name_ru, name_en, kato_code, valid_from, valid_to";

	private static final String ORDER = " ORDER BY path";

	private final JdbcClient jdbc;

	OrgUnitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<OrgUnit> find(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE code = :code")
			.param("code", code)
			.query(OrgUnitRepository::map)
			.optional();
	}

	Optional<OrgUnit> findOpenByPath(String path) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE path = :path AND valid_to IS NULL")
			.param("path", path)
			.query(OrgUnitRepository::map)
			.optional();
	}

	Optional<OrgUnit> findByKato(String katoCode) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE kato_code = :kato")
			.param("kato", katoCode)
			.query(OrgUnitRepository::map)
			.optional();
	}

	List<OrgUnit> children(String parentCode) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE parent_code = :parent" + ORDER)
			.param("parent", parentCode)
			.query(OrgUnitRepository::map)
			.list();
	}

	List<OrgUnit> within(DataScope scope) {
		return scope.bind(jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE " + scope.sql("path") + ORDER))
			.query(OrgUnitRepository::map)
			.list();
	}

	List<OrgUnit> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit" + ORDER).query(OrgUnitRepository::map).list();
	}

	void insert(OrgUnit unit) {
		jdbc.sql(
				"""
						INSERT INTO org_unit (code, parent_code, kind, path, depth, name_kk, name_ru, name_en, kato_code, valid_from)
						VALUES (:code, :parent, :kind, :path, :depth, :kk, :ru, :en, :kato, :validFrom)
						""")
			.param("code", unit.code())
			.param("parent", unit.parentCode())
			.param("kind", unit.kind().code())
			.param("path", unit.path())
			.param("depth", unit.depth())
			.param("kk", unit.name().kk())
			.param("ru", unit.name().ru())
			.param("en", unit.name().en())
			.param("kato", unit.katoCode())
			.param("validFrom", Date.valueOf(unit.validFrom()))
			.update();
	}

	/**
	 * Renames a unit and keeps the names it had until the day before in the history
	 * table.
	 */
	void rename(OrgUnit unit, LocalizedName newName, LocalDate effective, String changedBy, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO org_unit_name_history (unit_code, name_kk, name_ru, name_en, valid_to, changed_by, changed_at)
						VALUES (:code, :kk, :ru, :en, :validTo, :by, :at)
						""")
			.param("code", unit.code())
			.param("kk", unit.name().kk())
			.param("ru", unit.name().ru())
			.param("en", unit.name().en())
			.param("validTo", Date.valueOf(effective))
			.param("by", changedBy)
			.param("at", Timestamp.from(now))
			.update();
		jdbc.sql("""
				UPDATE org_unit SET name_kk = :kk, name_ru = :ru, name_en = :en, version = version + 1
				WHERE code = :code
				""")
			.param("kk", newName.kk())
			.param("ru", newName.ru())
			.param("en", newName.en())
			.param("code", unit.code())
			.update();
	}

	void linkKato(String code, String katoCode) {
		jdbc.sql("UPDATE org_unit SET kato_code = :kato, version = version + 1 WHERE code = :code")
			.param("kato", katoCode)
			.param("code", code)
			.update();
	}

	List<NameHistory> nameHistory(String code) {
		return jdbc.sql("""
				SELECT name_kk, name_ru, name_en, valid_to FROM org_unit_name_history
				WHERE unit_code = :code ORDER BY valid_to DESC, id DESC
				""")
			.param("code", code)
			.query((rs,
					n) -> new NameHistory(new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"),
							rs.getString("name_en")), rs.getDate("valid_to").toLocalDate()))
			.list();
	}

	private static OrgUnit map(ResultSet rs, int row) throws SQLException {
		Date validTo = rs.getDate("valid_to");
		return new OrgUnit(rs.getString("code"), rs.getString("parent_code"), OrgUnitKind.ofCode(rs.getString("kind")),
				rs.getString("path"),
				new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
				rs.getString("kato_code"), rs.getDate("valid_from").toLocalDate(),
				validTo == null ? null : validTo.toLocalDate());
	}

	/** A name a unit carried until (but not including) {@code validTo}. */
	record NameHistory(LocalizedName name, LocalDate validTo) {
	}

}
