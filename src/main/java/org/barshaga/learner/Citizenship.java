package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/** Citizenship as the register needs it: Kazakhstan, another state, or none. */
public enum Citizenship implements Coded {

	KZ, FOREIGN, STATELESS

}
