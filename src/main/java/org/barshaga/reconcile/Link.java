package org.barshaga.reconcile;

/**
 * What linkage found for one health record: the pupil assigned to it (or none), how sure
 * the model is, and the agreement of every field.
 *
 * @param verdict MATCH, REVIEW or NONE
 * @param probability the match probability of the pair, 0 when there is no pupil
 * @param weight the Fellegi-Sunter weight in bits, with term-frequency adjustment
 * @param vector the agreement levels of the fields, packed as {@link Field} reads them
 * @param namesSwapped the record's given name and surname were compared the other way
 * round
 * @param decided a reviewer's earlier decision settled the pair
 */
record Link(RegisterRecord record, Pupil pupil, Verdict verdict, double probability, double weight, int vector,
		boolean namesSwapped, boolean decided) {

	enum Verdict {

		MATCH, REVIEW, NONE

	}

}
