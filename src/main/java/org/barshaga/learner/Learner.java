package org.barshaga.learner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.barshaga.kernel.Sex;
import org.barshaga.registry.InstructionLanguage;

/**
 * A child's identity in the register. {@code path} places the record in the hierarchy:
 * the path of the organisation where the child is enrolled, else of the home unit.
 */
public record Learner(long id, String iin, NoIinReason noIinReason, String surname, String givenName, String patronymic,
		LocalDate birthDate, Sex sex, Citizenship citizenship, InstructionLanguage language, Disability disability,
		String homeUnitCode, String path, Instant updatedAt, String updatedBy, int version) {

	public String fullName() {
		return surname + " " + givenName + (patronymic == null ? "" : " " + patronymic);
	}

	public int ageOn(LocalDate day) {
		return java.time.Period.between(birthDate, day).getYears();
	}

	Map<String, Object> auditedFields() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("iin", iin);
		fields.put("noIinReason", noIinReason);
		fields.put("surname", surname);
		fields.put("givenName", givenName);
		fields.put("patronymic", patronymic);
		fields.put("birthDate", birthDate);
		fields.put("sex", sex);
		fields.put("citizenship", citizenship);
		fields.put("language", language);
		fields.put("disability", disability);
		fields.put("homeUnitCode", homeUnitCode);
		return fields;
	}

}
