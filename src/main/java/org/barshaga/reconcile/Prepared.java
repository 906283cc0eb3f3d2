package org.barshaga.reconcile;

import java.time.LocalDate;

import org.barshaga.kernel.Iin;

/** A name, date and place in the forms the comparisons use. */
final class Prepared {

	final String iin;

	final boolean iinValid;

	final String surname;

	final String surnameStem;

	final String given;

	final String patronymic;

	final int day;

	final int swappedDay;

	final int year;

	final int monthDay;

	final int sex;

	final String region;

	final String district;

	Prepared(String iin, String surname, String given, String patronymic, LocalDate birth, org.barshaga.kernel.Sex sex,
			String path) {
		this.iin = iin == null || iin.isBlank() ? null : iin.trim();
		this.iinValid = this.iin != null && Iin.isValid(this.iin);
		this.surname = NameForms.canonical(surname);
		this.surnameStem = NameForms.surnameStem(this.surname);
		this.given = NameForms.canonical(given);
		this.patronymic = NameForms.patronymicStem(NameForms.canonical(patronymic));
		this.day = (int) birth.toEpochDay();
		int d = birth.getDayOfMonth();
		int mo = birth.getMonthValue();
		this.swappedDay = d <= 12 && d != mo ? (int) LocalDate.of(birth.getYear(), d, mo).toEpochDay() : -1;
		this.year = birth.getYear();
		this.monthDay = mo * 100 + d;
		this.sex = sex == null ? 0 : sex.ordinal() + 1;
		this.region = segment(path, 2);
		this.district = segment(path, 3);
	}

	int year() {
		return year;
	}

	/** The n-th part of a path such as /KZ/KZ-61/KZ-61-D08/, counting from 1. */
	private static String segment(String path, int n) {
		int from = 0;
		for (int i = 0; i < n; i++) {
			from = path.indexOf('/', from) + 1;
			if (from == 0) {
				return null;
			}
		}
		int to = path.indexOf('/', from);
		return to < 0 || to == from ? null : path.substring(from, to);
	}

}
