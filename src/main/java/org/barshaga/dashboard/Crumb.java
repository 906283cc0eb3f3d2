package org.barshaga.dashboard;

/**
 * A step of the breadcrumbs: a place above or the current one; no link outside the user's
 * scope.
 */
public record Crumb(String name, String href, boolean current) {
}
