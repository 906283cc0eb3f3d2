package org.barshaga.kernel;

import java.util.List;

import org.springframework.util.MultiValueMap;

/**
 * What {@code form.html} renders: a title, where the form sits (the list it belongs to
 * and the record it is about, for the breadcrumbs), the fields, and the values to show in
 * them (as typed, after a failed submit).
 */
public record PageForm(String titleKey, String sectionKey, String sectionHref, String subjectLabel, String subjectHref,
		String action, String submitKey, String cancel, List<FormField> fields, MultiValueMap<String, String> values) {

	public String value(String name) {
		return values.getFirst(name);
	}

	public List<String> values(String name) {
		List<String> all = values.get(name);
		return all == null ? List.of() : all;
	}

}
