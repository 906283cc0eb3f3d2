package org.barshaga.reconcile;

import java.util.function.Consumer;

/**
 * The pupils to link against, read once from start to end in a fixed order, so that a run
 * on the same data gives the same result.
 */
@FunctionalInterface
interface PupilSource {

	void forEach(Consumer<Pupil> pupil);

}
