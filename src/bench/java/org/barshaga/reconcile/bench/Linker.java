package org.barshaga.reconcile.bench;

import java.util.List;
import java.util.Map;

/**
 * A record linker under benchmark: links health-registry records to pupils.
 */
public interface Linker {

	/**
	 * The name the benchmark selects the linker by ({@code --linker NAME}).
	 * @return the name
	 */
	String name();

	/**
	 * Links health-registry records to pupils.
	 * @param health the health-registry records
	 * @param pupils the pupils of the enrolment extract ({@code id} is the IIN)
	 * @return health record id to the linked pupil's IIN: at most one pupil per health
	 * record; a pupil twice only from records the linker holds to name one child
	 */
	Map<String, String> link(List<Person> health, List<Person> pupils);

}
