package org.barshaga.exchange;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.barshaga.kernel.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pupils of a school year's enrolment extract in the importer's scope, with their
 * grade, loaded once per year an import names: results and attendance are taken only for
 * them. A national year is 3.5 million pupils, so they are held as a sorted array of IINs
 * as numbers and one byte of grade each (about 32 MB), read through a streaming cursor.
 */
final class EnrolledPupils {

	/**
	 * What {@link #grade} answers for a pupil who is in no school of the scope that year.
	 */
	static final int NOT_ENROLLED = -1;

	private final ExportQueries cursor;

	private final JdbcClient jdbc;

	private final DataScope scope;

	private final Map<Integer, Year> years = new HashMap<>();

	EnrolledPupils(ExportQueries cursor, JdbcClient jdbc, DataScope scope) {
		this.cursor = cursor;
		this.jdbc = jdbc;
		this.scope = scope;
	}

	/** The pupil's grade in the year's extract, or {@link #NOT_ENROLLED}. */
	int grade(int schoolYear, String iin) {
		return years.computeIfAbsent(schoolYear, this::load).grade(Long.parseLong(iin));
	}

	/** Whether the pupil is in the year's extract at a school outside the scope. */
	boolean enrolledElsewhere(int schoolYear, String iin) {
		return jdbc.sql("SELECT COUNT(*) FROM enrolment_extract WHERE school_year = ? AND iin = ?")
			.param(schoolYear)
			.param(iin)
			.query(Long.class)
			.single() > 0;
	}

	private Year load(int schoolYear) {
		Year year = new Year();
		cursor.stream(
				"SELECT e.iin, e.grade FROM enrolment_extract e JOIN organisation o ON o.id = e.organisation_id"
						+ " WHERE e.school_year = " + schoolYear + " AND " + scope.sql("o.path"),
				scope, rs -> year.add(Long.parseLong(rs.getString(1).strip()), rs.getInt(2)));
		year.sort();
		return year;
	}

	private static final class Year {

		private long[] iins = new long[1024];

		private byte[] grades = new byte[1024];

		private int size;

		void add(long iin, int grade) {
			if (size == iins.length) {
				iins = Arrays.copyOf(iins, size * 2);
				grades = Arrays.copyOf(grades, size * 2);
			}
			iins[size] = iin;
			grades[size] = (byte) grade;
			size++;
		}

		/**
		 * Sorts the IINs, their grades with them, by an index sort on the pairs packed.
		 */
		void sort() {
			// an IIN is under 10^12 < 2^40 and a grade under 2^8: one long holds both
			long[] packed = new long[size];
			for (int i = 0; i < size; i++) {
				packed[i] = (iins[i] << 8) | grades[i];
			}
			Arrays.sort(packed);
			iins = new long[size];
			grades = new byte[size];
			for (int i = 0; i < size; i++) {
				iins[i] = packed[i] >>> 8;
				grades[i] = (byte) (packed[i] & 0xFF);
			}
		}

		int grade(long iin) {
			int at = Arrays.binarySearch(iins, 0, size, iin);
			return at < 0 ? NOT_ENROLLED : grades[at];
		}

	}

}
