package org.barshaga.kernel;

/**
 * A subject of the national curriculum (the state general education standard), as term
 * results name it. Results store the subject's {@link #number()}, which the table
 * {@code curriculum_subject} decodes for anyone reading the database with SQL; a number
 * once given is never reused.
 */
public enum CurriculumSubject implements Coded {

	LITERACY(1), LITERARY_READING(2), KAZAKH_LANGUAGE(3), KAZAKH_LITERATURE(4), RUSSIAN_LANGUAGE(5),
	RUSSIAN_LITERATURE(6), FOREIGN_LANGUAGE(7), MATHEMATICS(8), ALGEBRA(9), GEOMETRY(10), INFORMATICS(11),
	NATURAL_SCIENCE(12), KNOWING_THE_WORLD(13), PHYSICS(14), CHEMISTRY(15), BIOLOGY(16), GEOGRAPHY(17),
	HISTORY_OF_KAZAKHSTAN(18), WORLD_HISTORY(19), FUNDAMENTALS_OF_LAW(20), SELF_KNOWLEDGE(21), MUSIC(22),
	ART_AND_WORK(23), PHYSICAL_EDUCATION(24), MILITARY_AND_TECHNOLOGICAL_TRAINING(25), GRAPHICS_AND_DESIGN(26),
	NATIVE_LANGUAGE(27), NATIVE_LITERATURE(28);

	private final int number;

	CurriculumSubject(int number) {
		this.number = number;
	}

	public int number() {
		return number;
	}

	public static CurriculumSubject ofNumber(int number) {
		for (CurriculumSubject subject : values()) {
			if (subject.number == number) {
				return subject;
			}
		}
		throw new IllegalArgumentException("No curriculum subject numbered " + number);
	}

}
