/**
 * The registry: Kazakhstan's administrative units (country, regions, cities of republican
 * significance, districts, cities, city districts) with materialised paths and effective
 * dates, the import of the official KATO classifier, and the organisations (schools,
 * kindergartens, colleges, PMPC, correction rooms, rehabilitation, autism and resource
 * centres) that belong to them. Every signed-in user may read the public registry; writes
 * are limited to the writer's scope. Other features use
 * {@link org.barshaga.registry.AdminUnits} and
 * {@link org.barshaga.registry.Organisations} and learn of moves through
 * {@link org.barshaga.registry.ScopeMoved}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "audit" })
package org.barshaga.registry;
