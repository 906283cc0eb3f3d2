package org.barshaga.kernel;

import java.util.List;

/**
 * A module that holds rows about a child contributes them to a parent's request for the
 * child's data: every module with such rows registers one bean, so that the answer holds
 * the whole record without one module reading another's tables. The caller has already
 * found the child in its scope and audits the export.
 */
public interface PersonalDataHolder {

	/** The sections of this module about the child, empty ones included. */
	List<PersonalDataSection> sectionsOf(ChildReference child);

}
