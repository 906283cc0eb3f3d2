package org.barshaga.learner;

import java.util.List;

import org.springframework.util.MultiValueMap;

/**
 * What {@code learner/form.html} renders: a title, the learner it is about (if any), the
 * fields, and the values to show in them (as typed, after a failed submit).
 */
record PageForm(String titleKey, Learner learner, String action, String submitKey, String cancel,
		List<FormField> fields, MultiValueMap<String, String> values) {

	public String value(String name) {
		return values.getFirst(name);
	}

	public List<String> values(String name) {
		List<String> all = values.get(name);
		return all == null ? List.of() : all;
	}

}
