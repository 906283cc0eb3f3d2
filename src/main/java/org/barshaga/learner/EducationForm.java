package org.barshaga.learner;

import java.util.Arrays;
import java.util.List;

import org.barshaga.kernel.Coded;

/**
 * Where and how a child is taught: recommended by a PMPC and provided by an enrolment.
 * {@link #NOT_ENROLLED} is never recommended nor recorded; it is what a child without an
 * open enrolment gets.
 */
public enum EducationForm implements Coded {

	INCLUSIVE_CLASS, SPECIAL_CLASS, SPECIAL_SCHOOL, HOME_BASED, HOSPITAL, DISTANCE, NOT_ENROLLED;

	public static List<EducationForm> provided() {
		return Arrays.stream(values()).filter(form -> form != NOT_ENROLLED).toList();
	}

}
