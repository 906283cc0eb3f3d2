package org.barshaga.reconcile;

import java.util.Map;
import java.util.function.IntConsumer;

import org.barshaga.kernel.Iin;

/**
 * The blocking keys: which pairs of records are compared at all. Records held in memory
 * are indexed under every key they may be found by; the other side probes with its own.
 */
final class BlockingKeys {

	private BlockingKeys() {
	}

	/** Indexes a record under every key it may be found by. */
	static void index(LongIndex index, int i, Prepared p, Map<String, Boolean> decided) {
		int s = NameForms.soundKey(p.surnameStem);
		int g = NameForms.soundKey(p.given);
		for (int day : new int[] { p.day, p.swappedDay }) {
			if (day == -1) {
				continue;
			}
			if (s != 0) {
				index.add(dayKey(day, s), i);
			}
			if (g != 0) {
				index.add(dayKey(day, g), i);
			}
		}
		index.add(sameDayKey(p.day), i);
		if (s != 0 && g != 0) {
			index.add(monthKey(p.year, p.monthDay / 100, s, g), i);
			index.add(monthKey(p.year, p.monthDay / 100, NameForms.soundKey(NameForms.surnameStem(p.given)),
					NameForms.soundKey(p.surname)), i);
		}
		int year = p.year();
		int patronymic = nameHash(p.patronymic);
		int surname = s;
		int given = g;
		// with the names swapped, the given name holds the surname and is stemmed as
		// one
		int surnameInGiven = NameForms.soundKey(NameForms.surnameStem(p.given));
		int givenInSurname = NameForms.soundKey(p.surname);
		for (int y = year - 1; y <= year + 1; y++) {
			index.add(nameKey(y, surname, given, patronymic), i);
			index.add(nameKey(y, surnameInGiven, givenInSurname, patronymic), i);
		}
		if (p.iin != null && p.iin.length() == 12 && p.iin.chars().allMatch(Character::isDigit)) {
			index.add(iinKey(p.iin), i);
			if (!p.iinValid) {
				for (String corrected : Iin.corrections(p.iin)) {
					index.add(iinKey(corrected), i);
				}
			}
		}
		if (decided != null) {
			for (Map.Entry<String, Boolean> d : decided.entrySet()) {
				if (d.getValue() && Iin.isValid(d.getKey())) {
					index.add(iinKey(d.getKey()), i);
				}
			}
		}
	}

	/**
	 * Calls {@code each} with every indexed record that shares a key with {@code p}, the
	 * same record possibly more than once.
	 */
	static void probe(LongIndex index, Prepared p, IntConsumer each) {
		int s = NameForms.soundKey(p.surnameStem);
		int g = NameForms.soundKey(p.given);
		if (s != 0) {
			index.forEach(dayKey(p.day, s), each);
		}
		if (g != 0 && g != s) {
			index.forEach(dayKey(p.day, g), each);
		}
		index.forEach(nameKey(p.year(), s, g, nameHash(p.patronymic)), each);
		if (!p.patronymic.isEmpty()) {
			index.forEach(nameKey(p.year(), s, g, nameHash("")), each);
		}
		if (s != 0 && g != 0) {
			index.forEach(monthKey(p.year, p.monthDay / 100, s, g), each);
		}
		if (p.iinValid) {
			index.forEach(iinKey(p.iin), each);
		}
	}

	static long dayKey(int day, int sound) {
		return (1L << 61) | ((long) (day + 30000) << 20) | sound;
	}

	/**
	 * Both names' sound keys and the patronymic, with the birth year one apart at most:
	 * for a birth date mistyped in a way other than day and month swapped. A record
	 * without a patronymic is found under the pupil's names without one. The patronymic
	 * keeps the blocks small, since a year of birth holds some three hundred thousand
	 * pupils.
	 */
	static long nameKey(int year, int first, int second, int patronymic) {
		long names = ((long) first * 31 + second) * 31 + patronymic;
		return (2L << 61) | ((long) ((year - 1900) & 0xFF) << 52) | (mix(names) & ((1L << 52) - 1));
	}

	static int nameHash(String name) {
		return name.hashCode();
	}

	static long mix(long x) {
		long h = x * 0x9E3779B97F4A7C15L;
		return h ^ (h >>> 31);
	}

	/**
	 * Both names' sound keys with the month of birth: for a birth date typed a few days
	 * out together with a typing error in a name, which the keys above would each miss.
	 */
	static long monthKey(int year, int month, int surname, int given) {
		return (5L << 61) | ((long) (((year - 1900) & 0xFF) * 16 + month) << 40) | ((long) surname << 20) | given;
	}

	static long sameDayKey(int day) {
		return (4L << 61) | (day + 30000);
	}

	static long iinKey(String iin) {
		return (3L << 61) | Long.parseLong(iin);
	}

}
