package org.barshaga.conditions;

import org.barshaga.kernel.Coded;

/**
 * The state of a survey item. Not applicable is for items a school cannot need, such as a
 * lift in a one-storey building; rules treat it as met.
 */
public enum ItemStatus implements Coded {

	PRESENT, PARTIAL, ABSENT, NOT_APPLICABLE

}
