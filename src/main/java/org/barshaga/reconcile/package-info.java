/**
 * Cross-sector reconciliation: links the health registry's children with a disability to
 * the enrolment extract and the learner register, lists for each district the children
 * out of school or without support, and keeps a review queue of uncertain links whose
 * decisions carry over to the next run.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "audit", "registry" })
package org.barshaga.reconcile;
