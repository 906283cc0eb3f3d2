package org.barshaga.registry;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a user submits to create or change an organisation. Fields may be missing or
 * wrong; {@link Organisations} checks them all and names every problem.
 */
public record OrganisationDraft(String code, OrganisationType type, String nameKk, String nameRu, String nameEn,
		String orgUnitCode, Settlement settlement, Ownership ownership, Set<InstructionLanguage> languages,
		OrganisationStatus status, LocalDate closedOn, Integer version) {
}
