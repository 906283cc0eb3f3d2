/**
 * The operator's backup and restore of the whole database: {@code backup} writes a dump
 * (PostgreSQL's {@code pg_dump} custom format, or H2's {@code SCRIPT}) and a manifest of
 * every table's row count and checksum; {@code restore} loads a dump into an empty
 * database only, and proves it by the same counts and checksums.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "audit" })
package org.barshaga.backup;
