package org.barshaga.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.barshaga.kernel.EnumInput;
import org.barshaga.kernel.InvalidInputException;

/**
 * An organisation as typed into the page form or sent to the API, all text. Turning it
 * into a {@link OrganisationDraft} names every value that cannot be read.
 */
record OrganisationInput(String code, String type, String nameKk, String nameRu, String nameEn, String orgUnitCode,
		String settlement, String ownership, List<String> languages, String status, String closedOn, String version) {

	static OrganisationInput blank(String orgUnitCode) {
		return new OrganisationInput(null, null, null, null, null, orgUnitCode, null, "STATE", List.of("KK", "RU"),
				"OPEN", null, null);
	}

	static OrganisationInput of(Organisation o) {
		return new OrganisationInput(o.code(), o.type().name(), o.name().kk(), o.name().ru(), o.name().en(),
				o.orgUnitCode(), o.settlement().name(), o.ownership().name(),
				o.languages().stream().sorted().map(Enum::name).toList(), o.status().name(),
				o.closedOn() == null ? null : o.closedOn().toString(), Integer.toString(o.version()));
	}

	public boolean hasLanguage(String language) {
		return languages != null && languages.contains(language);
	}

	OrganisationDraft toDraft() {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		OrganisationType parsedType = EnumInput.parse(OrganisationType.class, type, "type", problems);
		Settlement parsedSettlement = EnumInput.parse(Settlement.class, settlement, "settlement", problems);
		Ownership parsedOwnership = EnumInput.parse(Ownership.class, ownership, "ownership", problems);
		OrganisationStatus parsedStatus = EnumInput.parse(OrganisationStatus.class, status, "status", problems);
		Set<InstructionLanguage> parsedLanguages = EnumSet.noneOf(InstructionLanguage.class);
		if (languages != null) {
			for (String language : languages) {
				InstructionLanguage parsed = EnumInput.parse(InstructionLanguage.class, language, "languages",
						problems);
				if (parsed != null) {
					parsedLanguages.add(parsed);
				}
			}
		}
		LocalDate parsedClosedOn = null;
		if (closedOn != null && !closedOn.isBlank()) {
			try {
				parsedClosedOn = LocalDate.parse(closedOn.strip());
			}
			catch (DateTimeParseException invalid) {
				problems.add("closedOn", "validation.date", closedOn);
			}
		}
		Integer parsedVersion = null;
		if (version != null && !version.isBlank()) {
			try {
				parsedVersion = Integer.valueOf(version.strip());
			}
			catch (NumberFormatException invalid) {
				problems.add("version", "validation.number", version);
			}
		}
		problems.throwIfAny();
		return new OrganisationDraft(code, parsedType, nameKk, nameRu, nameEn, orgUnitCode, parsedSettlement,
				parsedOwnership, parsedLanguages, parsedStatus, parsedClosedOn, parsedVersion);
	}

}
