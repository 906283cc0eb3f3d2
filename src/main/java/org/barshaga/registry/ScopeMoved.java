package org.barshaga.registry;

/**
 * Published inside the transaction that moves part of the hierarchy: an organisation to
 * another unit, or a unit to another parent during a reorganisation. Whatever is scoped
 * by a path under {@code oldPath} (user accounts, records) must follow to
 * {@code newPath}. When a unit was replaced by a new one, {@code oldUnitCode} and
 * {@code newUnitCode} name both.
 */
public record ScopeMoved(String oldPath, String newPath, String oldUnitCode, String newUnitCode) {
}
