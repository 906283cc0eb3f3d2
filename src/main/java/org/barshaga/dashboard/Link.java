package org.barshaga.dashboard;

/** Where the name of a place below leads. */
enum Link {

	EXPLORE, GAPS, NONE

}
