package org.barshaga.registry;

import java.time.LocalDate;

import org.barshaga.kernel.LocalizedName;

/** An administrative unit as the API shows it. */
record OrgUnitView(String code, String kind, String parentCode, String path, LocalizedName names, String katoCode,
		LocalDate validFrom, LocalDate validTo) {

	static OrgUnitView of(OrgUnit unit) {
		return new OrgUnitView(unit.code(), unit.kind().code(), unit.parentCode(), unit.path(), unit.name(),
				unit.katoCode(), unit.validFrom(), unit.validTo());
	}

}
