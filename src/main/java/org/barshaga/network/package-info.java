/**
 * The support network: a school (or a PMPC) asks a resource centre, KPPK, PMPC or special
 * school of its region for help, the centre accepts, schedules a consultation, records
 * what was done and the follow-up agreed, and the school confirms whether it helped. Each
 * side sees the requests of its own place, in SQL; a child is named only with the
 * guardian's consent to sharing, read through the learner register's door. See
 * docs/support-network.md. Centres also record the seminars and courses they deliver,
 * whose participants get the conditions module's training record; and schools and centres
 * share practical solutions in a moderated, searchable bank.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "kernel", "audit", "registry", "learner", "conditions", "indicators" })
package org.barshaga.network;
