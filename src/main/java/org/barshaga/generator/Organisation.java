package org.barshaga.generator;

import java.time.LocalDate;

/** An organisation as the generator plans it, before and while its people are written. */
final class Organisation {

	static final String GENERAL_SCHOOL = "GENERAL_SCHOOL";

	static final String SPECIAL_SCHOOL = "SPECIAL_SCHOOL";

	static final String PMPC = "PMPC";

	final String type;

	final AdminUnitsFile.Unit unit;

	String code;

	boolean urban;

	boolean privatelyOwned;

	/** Languages of instruction in the order of the codes (KK, RU, UZ, UG, TG, EN). */
	String[] languages;

	String nameKk;

	String nameRu;

	String nameEn;

	LocalDate closedOn;

	/** Pupils on the census date; -1 when the organisation has none in the extract. */
	int pupils = -1;

	/** Sequence number within its unit and type, shown in the name. */
	int number;

	/** The SEN category a special school is for (index into the categories), or -1. */
	int profile = -1;

	/** How many learners with SEN the school teaches relative to others, and its rate. */
	double senFactor;

	double senRate;

	/** The PMPC that examines this school's pupils. */
	Organisation pmpc;

	/**
	 * For a PMPC: its number in the region, and the conclusions it has numbered per year.
	 */
	int pmpcOrdinal;

	int[] conclusionsByYear;

	Organisation(String type, AdminUnitsFile.Unit unit) {
		this.type = type;
		this.unit = unit;
	}

	boolean isSchool() {
		return type.equals(GENERAL_SCHOOL) || type.equals(SPECIAL_SCHOOL);
	}

	boolean isSpecialSchool() {
		return type.equals(SPECIAL_SCHOOL);
	}

	boolean isOpen() {
		return closedOn == null;
	}

	boolean teaches(String language) {
		for (String l : languages) {
			if (l.equals(language)) {
				return true;
			}
		}
		return false;
	}

	String languageList() {
		return String.join("|", languages);
	}

	void name(String kk, String ru, String en) {
		nameKk = kk;
		nameRu = ru;
		nameEn = en;
	}

}
