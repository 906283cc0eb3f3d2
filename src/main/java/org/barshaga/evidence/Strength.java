package org.barshaga.evidence;

/** The strength of the evidence behind a claim, as seed 000's Table 5 grades it. */
public enum Strength {

	STRONG, MODERATE, WEAK

}
