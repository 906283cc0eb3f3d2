package org.barshaga.learner;

/**
 * Filters of the learner list: free text over names and IIN, the unit or organisation
 * code to look under, and a worklist.
 */
public record LearnerSearch(String text, String placeCode, Worklist worklist, int page, int pageSize) {

	public static final int DEFAULT_PAGE_SIZE = 25;

	public LearnerSearch {
		text = text == null || text.isBlank() ? null : text.strip();
		placeCode = placeCode == null || placeCode.isBlank() ? null : placeCode.strip();
		page = Math.max(page, 0);
		pageSize = pageSize <= 0 || pageSize > 200 ? DEFAULT_PAGE_SIZE : pageSize;
	}

}
