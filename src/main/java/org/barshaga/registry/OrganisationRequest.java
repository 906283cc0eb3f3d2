package org.barshaga.registry;

import java.util.List;

/** The body of a create or update call of the organisations API. */
record OrganisationRequest(String code, String type, Names names, String orgUnitCode, String settlement,
		String ownership, List<String> languages, String status, String closedOn, Integer version) {

	record Names(String kk, String ru, String en) {
	}

	OrganisationInput toInput() {
		Names given = names == null ? new Names(null, null, null) : names;
		return new OrganisationInput(code, type, given.kk(), given.ru(), given.en(), orgUnitCode, settlement, ownership,
				languages, status, closedOn, version == null ? null : version.toString());
	}

}
