package org.barshaga.evidence;

/**
 * How an import treats broken entries: import the valid ones and report the rest, or
 * import nothing unless every entry is valid. Duplicates are skipped in both modes: they
 * are not errors, the bank holds them already.
 */
public enum ImportMode {

	VALID_ROWS, ALL_OR_NOTHING

}
