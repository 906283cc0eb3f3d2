package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Sex;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The health registry's extract, kept as received: the IIN is only checked to be twelve
 * digits, because finding the right child behind a mistyped number is the work of
 * reconciliation, not a reason to drop the record.
 */
@Component
class HealthRegistryExchange implements RegisterHandler {

	static final List<String> GROUPS = List.of("CHILD_WITH_DISABILITY", "GROUP_1", "GROUP_2", "GROUP_3");

	static final Layout LAYOUT = new Layout(Register.HEALTH_REGISTRY,
			List.of(Column.text("record_id", true, 40), Column.digits("iin"), Column.registerName("surname", true, 100),
					Column.registerName("given_name", true, 100), Column.registerName("patronymic", false, 100),
					Column.date("birth_date", true), Column.code("sex", true, Sex.class),
					Column.placeCode("region_code", true), Column.placeCode("district_code", false),
					Column.code("disability_group", true, GROUPS, "exchange.disabilityGroup."),
					Column.date("valid_until", false)),
			List.of("record_id"));

	private static final int ID = 0, IIN = 1, SURNAME = 2, GIVEN = 3, PATRONYMIC = 4, BIRTH = 5, SEX = 6, REGION = 7,
			DISTRICT = 8, GROUP = 9, VALID = 10;

	private static final String MERGE = Merge.into("health_registry_record")
		.key("record_id", "VARCHAR(40)")
		.value("iin", "VARCHAR(12)")
		.value("surname", "VARCHAR(100)")
		.value("given_name", "VARCHAR(100)")
		.value("patronymic", "VARCHAR(100)")
		.value("birth_date", "DATE")
		.value("sex", "VARCHAR(6)")
		.value("region_code", "VARCHAR(40)")
		.value("district_code", "VARCHAR(40)")
		.value("path", "VARCHAR(450)")
		.value("disability_group", "VARCHAR(30)")
		.value("valid_until", "DATE")
		.updated()
		.sql();

	private final ExportQueries exports;

	private final JdbcClient jdbc;

	HealthRegistryExchange(ExportQueries exports, JdbcClient jdbc) {
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
				String path = Residence.path(references, row, REGION, DISTRICT, problems);
				Checks.notBefore(row, VALID, "valid_until", BIRTH, "birth_date", problems);
				if (!national) {
					Residence.keptInScope(jdbc, context, "health_registry_record", row, ID, problems);
				}
				if (!problems.isEmpty()) {
					return null;
				}
				return Statements.withStamp(context, row.text(ID), row.text(IIN), row.text(SURNAME), row.text(GIVEN),
						row.text(PATRONYMIC), row.date(BIRTH), row.text(SEX), row.text(REGION), row.text(DISTRICT),
						path, row.text(GROUP), row.date(VALID));
			}

			@Override
			public void write(Connection connection, List<Object> rows) throws SQLException {
				Statements.batch(connection, MERGE, Statements.arrays(rows));
			}

		};
	}

	@Override
	public void export(Actor actor, ExportRows rows) {
		exports.stream("""
				SELECT record_id, iin, surname, given_name, patronymic, birth_date, sex, region_code, district_code,
					disability_group, valid_until
				FROM health_registry_record WHERE""" + " " + actor.scope().sql("path") + " ORDER BY record_id",
				actor.scope(),
				rs -> rows.accept(rs.getString("record_id"), new String[] { rs.getString("record_id"),
						ExportQueries.text(rs, "iin"), rs.getString("surname"), rs.getString("given_name"),
						ExportQueries.text(rs, "patronymic"), ExportQueries.date(rs, "birth_date"), rs.getString("sex"),
						rs.getString("region_code"), ExportQueries.text(rs, "district_code"),
						rs.getString("disability_group"), ExportQueries.date(rs, "valid_until") }));
	}

}
