package org.barshaga.registry;

/** Filters of the organisation list; any of them may be empty. */
public record OrganisationSearch(String text, OrganisationType type, String orgUnitCode, OrganisationStatus status,
		int page, int pageSize) {

	public static final int DEFAULT_PAGE_SIZE = 25;

	public static final int MAX_PAGE_SIZE = 200;

	public OrganisationSearch {
		text = text == null || text.isBlank() ? null : text.strip();
		orgUnitCode = orgUnitCode == null || orgUnitCode.isBlank() ? null : orgUnitCode.strip();
		page = Math.max(0, page);
		pageSize = pageSize <= 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
	}

}
