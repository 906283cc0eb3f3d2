package org.barshaga.reconcile;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How two records agree, field by field: the agreement levels that the Fellegi-Sunter
 * model weighs, the same whichever registers the records come from.
 */
final class Agreement {

	private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

	private Agreement() {
	}

	/** The agreement levels of a record and a pupil, names taken straight or swapped. */
	static int vector(Prepared r, Prepared p, boolean swapNames) {
		int v = 0;
		v = Field.IIN.with(v, iinLevel(r.iin, p.iin));
		String rSurname = swapNames ? r.given : r.surname;
		String rSurnameStem = swapNames ? NameForms.surnameStem(r.given) : r.surnameStem;
		String rGiven = swapNames ? r.surname : r.given;
		v = Field.SURNAME.with(v, nameLevel(rSurname, rSurnameStem, p.surname, p.surnameStem));
		v = Field.GIVEN_NAME.with(v, nameLevel(rGiven, rGiven, p.given, p.given));
		v = Field.PATRONYMIC.with(v, patronymicLevel(r.patronymic, p.patronymic));
		v = Field.BIRTH_DATE.with(v, birthLevel(r, p));
		v = Field.SEX.with(v, r.sex == 0 || p.sex == 0 ? 0 : r.sex == p.sex ? 2 : 1);
		int place = 0;
		if (r.region != null && p.region != null) {
			place = !r.region.equals(p.region) ? 1 : r.district != null && r.district.equals(p.district) ? 3 : 2;
		}
		v = Field.PLACE.with(v, place);
		return v;
	}

	static int iinLevel(String a, String b) {
		if (a == null || b == null) {
			return 0;
		}
		if (a.equals(b)) {
			return 3;
		}
		return oneEdit(a, b) ? 2 : 1;
	}

	/** One digit replaced, or two neighbouring digits swapped. */
	static boolean oneEdit(String a, String b) {
		if (a.length() != b.length()) {
			return false;
		}
		int first = -1;
		int count = 0;
		for (int i = 0; i < a.length(); i++) {
			if (a.charAt(i) != b.charAt(i)) {
				if (count++ == 0) {
					first = i;
				}
				if (count > 2) {
					return false;
				}
			}
		}
		if (count == 1) {
			return true;
		}
		return count == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
				&& a.charAt(first + 1) == b.charAt(first) && a.charAt(first + 1) != b.charAt(first + 1);
	}

	static int nameLevel(String a, String aStem, String b, String bStem) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		if (a.equals(b) || aStem.equals(bStem)) {
			return 4;
		}
		double similarity = JARO_WINKLER.apply(aStem, bStem);
		return similarity >= 0.94 ? 3 : similarity >= 0.88 ? 2 : 1;
	}

	static int patronymicLevel(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		if (a.equals(b)) {
			return 3;
		}
		return JARO_WINKLER.apply(a, b) >= 0.9 ? 2 : 1;
	}

	static int birthLevel(Prepared r, Prepared p) {
		if (r.day == p.day) {
			return 4;
		}
		if (r.swappedDay == p.day) {
			return 3;
		}
		if (Math.abs(r.day - p.day) <= 31) {
			return 2;
		}
		return r.monthDay == p.monthDay && Math.abs(r.year - p.year) == 1 ? 2 : 1;
	}

}
