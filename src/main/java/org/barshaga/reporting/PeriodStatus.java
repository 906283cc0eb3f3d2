package org.barshaga.reporting;

import org.barshaga.kernel.Coded;

/** Whether schools may report for a period. */
public enum PeriodStatus implements Coded {

	OPEN, CLOSED

}
