/**
 * School conditions for inclusion, staff and training: the conditions survey of each
 * school and school year item by item, staff positions with their training, criteria sets
 * kept as versioned data that compute whether a school really has the conditions (beside
 * what it reports), and the staffing need, gap and cost from the learners' recommended
 * support.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "kernel", "audit", "registry", "learner", "identity" })
package org.barshaga.conditions;
