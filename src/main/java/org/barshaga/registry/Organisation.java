package org.barshaga.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.barshaga.kernel.LocalizedName;

/** An organisation of the registry as it stands now. */
public record Organisation(long id, String code, OrganisationType type, LocalizedName name, String orgUnitCode,
		String path, Settlement settlement, Ownership ownership, Set<InstructionLanguage> languages,
		OrganisationStatus status, LocalDate closedOn, Instant updatedAt, String updatedBy, int version) {

	public Organisation {
		languages = Set.copyOf(languages);
	}

	/** The audited fields and their values, in a stable order. */
	Map<String, Object> auditedFields() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("code", code);
		fields.put("type", type);
		fields.put("nameKk", name.kk());
		fields.put("nameRu", name.ru());
		fields.put("nameEn", name.en());
		fields.put("orgUnit", orgUnitCode);
		fields.put("settlement", settlement);
		fields.put("ownership", ownership);
		fields.put("languages", InstructionLanguage.encode(languages));
		fields.put("status", status);
		fields.put("closedOn", closedOn);
		return fields;
	}

}
