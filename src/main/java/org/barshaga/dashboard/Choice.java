package org.barshaga.dashboard;

/** An option of a select. */
public record Choice(String value, String label, boolean selected) {
}
