/**
 * The learner register: each child with special educational needs, from identity,
 * guardians and consent through PMPC conclusions, the functioning profile, enrolment and
 * form of education, support level, individual development plans and term reviews, to the
 * support sessions actually delivered and assistive devices, with the worklists that say
 * who needs attention. {@link org.barshaga.learner.Learners} is the only door to a
 * child's data: it checks scope in SQL, hides health fields from roles that do not need
 * them, withholds the SEN record without consent, and audits every read and change.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "audit", "registry", "identity" })
package org.barshaga.learner;
