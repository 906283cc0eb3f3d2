package org.barshaga.registry;

import java.time.LocalDate;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LocalizedName;

/** An administrative unit as it stands, with the dates between which it exists. */
public record OrgUnit(String code, String parentCode, OrgUnitKind kind, String path, LocalizedName name,
		String katoCode, LocalDate validFrom, LocalDate validTo) {

	public boolean isActiveOn(LocalDate date) {
		return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
	}

	public boolean isClosed() {
		return validTo != null;
	}

	public DataScope scope() {
		return new DataScope(path);
	}

	public int depth() {
		return (int) path.chars().filter(c -> c == '/').count() - 2;
	}

}
