package org.barshaga.network;

import org.barshaga.kernel.Coded;

/** A seminar (a day or less) or a course (several sessions) that a centre delivers. */
public enum SeminarKind implements Coded {

	SEMINAR, COURSE

}
