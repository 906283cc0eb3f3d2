package org.barshaga.exchange;

import java.util.List;

import org.barshaga.kernel.Iin;

/** A person's IIN must agree with the birth date and sex recorded beside it. */
final class Identity {

	private Identity() {
	}

	static void agrees(ParsedRow row, int iinColumn, int birthColumn, int sexColumn, List<Rejection> problems) {
		String iin = row.text(iinColumn);
		if (!Iin.birthDate(iin).equals(row.date(birthColumn))) {
			problems.add(new Rejection(row.line(), "birth_date", row.raw(birthColumn),
					"validation.iin.birthDateMismatch", Iin.birthDate(iin)));
		}
		if (!Iin.sex(iin).name().equals(row.text(sexColumn))) {
			problems.add(new Rejection(row.line(), "sex", row.raw(sexColumn), "validation.iin.sexMismatch"));
		}
	}

}
