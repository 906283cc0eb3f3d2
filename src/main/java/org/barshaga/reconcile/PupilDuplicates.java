package org.barshaga.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pupils the enrolment extract holds twice: a child listed by two schools (a transfer
 * that was not closed) or entered twice, under IINs one typing error apart. The extract
 * holds one row per IIN and checks that each IIN agrees with its birth date and sex, so
 * the two rows of such a child share the IIN's first seven digits and stream past
 * together in IIN order; they are compared as they go. The names must agree in their
 * normal forms and the patronymics must not differ, so that twins, who differ in their
 * given names, and namesakes born the same day under IINs further apart, stay apart.
 */
final class PupilDuplicates implements Consumer<Pupil> {

	/** A pupil listed twice, with both IINs and both schools. */
	record Pair(Pupil first, Pupil second) {

		boolean sameSchool() {
			return first.organisationId() == second.organisationId();
		}

	}

	private final List<Pair> pairs = new ArrayList<>();

	private final List<Pupil> day = new ArrayList<>();

	private String prefix;

	@Override
	public void accept(Pupil pupil) {
		String iin = pupil.iin();
		if (iin == null || iin.length() < 7) {
			return;
		}
		String head = iin.substring(0, 7);
		if (!head.equals(prefix)) {
			day.clear();
			prefix = head;
		}
		for (Pupil earlier : day) {
			// the IINs first: names are put in their normal forms only for a typing error
			if (Agreement.oneEdit(earlier.iin(), iin) && sameChild(form(earlier), form(pupil))) {
				pairs.add(new Pair(earlier, pupil));
			}
		}
		day.add(pupil);
	}

	private static Prepared form(Pupil pupil) {
		return new Prepared(pupil.iin(), pupil.surname(), pupil.givenName(), pupil.patronymic(), pupil.birthDate(),
				pupil.sex(), pupil.path());
	}

	private static boolean sameChild(Prepared a, Prepared b) {
		return a.surnameStem.equals(b.surnameStem) && a.given.equals(b.given) && a.day == b.day
				&& (a.patronymic.isEmpty() || b.patronymic.isEmpty() || a.patronymic.equals(b.patronymic));
	}

	List<Pair> pairs() {
		return pairs;
	}

}
