package org.barshaga.learner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of the Child Functioning Module: for each domain of the age group, in the
 * module's order, whether the child has a functional difficulty in it, and whether the
 * child has one in at least one domain.
 */
public record FunctioningResult(Map<String, Boolean> domains, boolean functionalDifficulty) {

	public FunctioningResult {
		// A copy, so the caller cannot change the result, and linked, so reports keep the
		// order of the module.
		domains = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(domains)));
	}

}
