package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/** What a consent covers. */
public enum ConsentPurpose implements Coded {

	EXAMINATION, DATA_PROCESSING, SHARING_WITH_SCHOOL

}
