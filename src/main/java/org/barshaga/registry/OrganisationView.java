package org.barshaga.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.barshaga.kernel.LocalizedName;

/** An organisation as the API shows it. */
record OrganisationView(long id, String code, OrganisationType type, LocalizedName names, String orgUnitCode,
		String path, Settlement settlement, Ownership ownership, List<InstructionLanguage> languages,
		OrganisationStatus status, LocalDate closedOn, int version, Instant updatedAt, String updatedBy) {

	static OrganisationView of(Organisation o) {
		return new OrganisationView(o.id(), o.code(), o.type(), o.name(), o.orgUnitCode(), o.path(), o.settlement(),
				o.ownership(), o.languages().stream().sorted().toList(), o.status(), o.closedOn(), o.version(),
				o.updatedAt(), o.updatedBy());
	}

}
