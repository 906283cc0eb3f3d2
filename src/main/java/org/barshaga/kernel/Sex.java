package org.barshaga.kernel;

/** A person's sex as recorded in official documents, for example in an {@link Iin}. */
public enum Sex implements Coded {

	MALE, FEMALE

}
