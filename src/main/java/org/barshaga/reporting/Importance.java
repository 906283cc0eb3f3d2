package org.barshaga.reporting;

import org.barshaga.kernel.Coded;

/** How much a violation matters: a high one will stop a submission. */
public enum Importance implements Coded {

	HIGH, MEDIUM, LOW

}
