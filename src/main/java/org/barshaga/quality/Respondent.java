package org.barshaga.quality;

/**
 * Who answers an instrument. Pupils and parents get every text in an easy-read version
 * too.
 */
public enum Respondent {

	SCHOOL_TEAM, TEACHER, PARENT, PUPIL, PRINCIPAL_OR_COORDINATOR;

	public boolean needsEasyRead() {
		return this == PARENT || this == PUPIL;
	}

}
