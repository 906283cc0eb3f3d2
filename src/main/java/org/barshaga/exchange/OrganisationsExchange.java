package org.barshaga.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.SearchText;
import org.barshaga.registry.InstructionLanguage;
import org.barshaga.registry.OrganisationStatus;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Ownership;
import org.barshaga.registry.Settlement;

import org.springframework.stereotype.Component;

/**
 * Organisations by code. A row may not move an existing organisation to another unit: a
 * move changes the scope of everything the organisation holds, so it is done in the
 * pages, where those records follow.
 */
@Component
class OrganisationsExchange implements RegisterHandler {

	static final Layout LAYOUT = new Layout(Register.ORGANISATIONS,
			List.of(Column.placeCode("code", true), Column.code("type", true, OrganisationType.class),
					Column.text("name_kk", true, 300), Column.text("name_ru", true, 300),
					Column.text("name_en", true, 300), Column.placeCode("unit_code", true),
					Column.code("settlement", true, Settlement.class), Column.code("ownership", true, Ownership.class),
					Column.codes("languages", true, InstructionLanguage.class),
					Column.code("status", true, OrganisationStatus.class), Column.date("closed_on", false),
					Column.integer("pupils", false, 0, 100_000)),
			List.of("code"));

	private static final int CODE = 0, TYPE = 1, KK = 2, RU = 3, EN = 4, UNIT = 5, SETTLEMENT = 6, OWNERSHIP = 7,
			LANGUAGES = 8, STATUS = 9, CLOSED = 10, PUPILS = 11;

	private static final String MERGE = Merge.into("organisation")
		.key("code", "VARCHAR(40)")
		.value("type", "VARCHAR(40)")
		.value("name_kk", "VARCHAR(300)")
		.value("name_ru", "VARCHAR(300)")
		.value("name_en", "VARCHAR(300)")
		.value("search_text", "VARCHAR(1000)")
		.value("org_unit_code", "VARCHAR(40)")
		.value("path", "VARCHAR(450)")
		.value("settlement", "VARCHAR(10)")
		.value("ownership", "VARCHAR(10)")
		.value("languages", "VARCHAR(60)")
		.value("status", "VARCHAR(10)")
		.value("closed_on", "DATE")
		.value("pupils", "INT")
		.created()
		.updated()
		.versioned()
		.sql();

	private final ExportQueries exports;

	OrganisationsExchange(ExportQueries exports) {
		this.exports = exports;
	}

	@Override
	public Layout layout() {
		return LAYOUT;
	}

	@Override
	public RowWriter writer(ImportContext context) {
		References references = context.references();
		return new RowWriter() {

			@Override
			public Object resolve(ParsedRow row, List<Rejection> problems) {
				String code = row.text(CODE);
				String unitPath = Checks.unit(references, row, UNIT, "unit_code", problems);
				References.Organisation existing = references.organisation(code);
				if (existing == null && references.organisationExists(code)) {
					problems.add(new Rejection(row.line(), "code", code, "exchange.reason.outOfScope"));
				}
				boolean closed = "CLOSED".equals(row.text(STATUS));
				if (closed != (row.date(CLOSED) != null)) {
					problems.add(new Rejection(row.line(), "closed_on", row.raw(CLOSED),
							closed ? "exchange.reason.closedOnRequired" : "exchange.reason.closedOnForbidden"));
				}
				if (existing != null && unitPath != null && !existing.path().equals(unitPath + code + "/")) {
					problems.add(new Rejection(row.line(), "unit_code", row.raw(UNIT), "exchange.reason.moveInPages",
							existing.unitCode()));
				}
				if (!problems.isEmpty()) {
					return null;
				}
				String languages = String.join(",", row.codes(LANGUAGES).stream().sorted().toList());
				String search = SearchText.fold(String.join(" ", code, row.text(KK), row.text(RU), row.text(EN)));
				return Statements.withStamp(context, code, row.text(TYPE), row.text(KK), row.text(RU), row.text(EN),
						search.length() <= 1000 ? search : search.substring(0, 1000), row.text(UNIT),
						unitPath + code + "/", row.text(SETTLEMENT), row.text(OWNERSHIP), languages, row.text(STATUS),
						row.date(CLOSED), row.integer(PUPILS));
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
				SELECT code, type, name_kk, name_ru, name_en, org_unit_code, settlement, ownership, languages, status,
					closed_on, pupils
				FROM organisation WHERE""" + " " + actor.scope().sql("path") + " ORDER BY code", actor.scope(),
				rs -> rows.accept(new String[] { rs.getString("code"), rs.getString("type"), rs.getString("name_kk"),
						rs.getString("name_ru"), rs.getString("name_en"), rs.getString("org_unit_code"),
						rs.getString("settlement"), rs.getString("ownership"), ExportQueries.list(rs, "languages"),
						rs.getString("status"), ExportQueries.date(rs, "closed_on"),
						ExportQueries.number(rs, "pupils") }));
	}

}
