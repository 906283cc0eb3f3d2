package org.barshaga.indicators;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Linkage runs and their results written by SQL for {@link IndicatorTests}, in demo
 * places, in a school year of their own: four years before the current, so that no other
 * fixture and no dashboard's recent years touch it, and inside the ten years the
 * indicators answer for (a future year is refused). The first run, of the whole country:
 *
 * <pre>
 * Saryagash (KZ-61-D08): out of school boy 8, girls 12 and 16; uncertain boy 10;
 *   supported boy 9; girl 4 (not of school age); uncertain boy 18 (not of school age)
 * Baidibek (KZ-61-D01): out of school boys 6 and 17
 * Turkistan region, no district known: out of school girl 14; uncertain girl 7
 * Aiyrtau (KZ-59-D01): out of school girl 11; boy 9 enrolled without support
 * </pre>
 *
 * So OUT_OF_SCHOOL is 3 in Saryagash (1 boy, 2 girls), 2 in Baidibek, 6 in the region
 * (its districts' 5 and the girl whose district is unknown), 1 in North Kazakhstan and 7
 * in the country; OUT_OF_SCHOOL_UNCERTAIN is 1 in Saryagash and 2 in the region.
 */
final class OutOfSchoolFixture {

	static final String REGION = "KZ-61";

	static final String REGION_PATH = "/KZ/KZ-61/";

	static final String SARYAGASH = "KZ-61-D08";

	static final String SARYAGASH_PATH = "/KZ/KZ-61/KZ-61-D08/";

	static final String BAIDIBEK = "KZ-61-D01";

	static final String BAIDIBEK_PATH = "/KZ/KZ-61/KZ-61-D01/";

	static final String NORTH = "KZ-59";

	static final String AIYRTAU_PATH = "/KZ/KZ-59/KZ-59-D01/";

	final int year;

	private final JdbcClient jdbc;

	private final Timestamp now = Timestamp.from(Instant.now());

	OutOfSchoolFixture(JdbcClient jdbc, int currentYear) {
		this.jdbc = jdbc;
		this.year = currentYear - 4;
	}

	/** The first run, of the whole country, described above. */
	long nationalRun() {
		long run = run("/KZ/", "FINISHED");
		result(run, "OOS-T01", "NOT_ENROLLED", SARYAGASH_PATH, "MALE", 8);
		result(run, "OOS-T02", "NOT_ENROLLED", SARYAGASH_PATH, "FEMALE", 12);
		result(run, "OOS-T03", "NOT_ENROLLED", SARYAGASH_PATH, "FEMALE", 16);
		result(run, "OOS-T04", "UNCERTAIN", SARYAGASH_PATH, "MALE", 10);
		result(run, "OOS-T05", "SUPPORTED", SARYAGASH_PATH, "MALE", 9);
		result(run, "OOS-T06", "NOT_SCHOOL_AGE", SARYAGASH_PATH, "FEMALE", 4);
		result(run, "OOS-T13", "UNCERTAIN", SARYAGASH_PATH, "MALE", 18);
		result(run, "OOS-T07", "NOT_ENROLLED", BAIDIBEK_PATH, "MALE", 6);
		result(run, "OOS-T08", "NOT_ENROLLED", BAIDIBEK_PATH, "MALE", 17);
		result(run, "OOS-T09", "NOT_ENROLLED", REGION_PATH, "FEMALE", 14);
		result(run, "OOS-T10", "UNCERTAIN", REGION_PATH, "FEMALE", 7);
		result(run, "OOS-T11", "NOT_ENROLLED", AIYRTAU_PATH, "FEMALE", 11);
		result(run, "OOS-T12", "NO_SUPPORT", AIYRTAU_PATH, "MALE", 9);
		return run;
	}

	/**
	 * A later run of Turkistan region alone: the girl of 12 was found at school, the
	 * uncertain boy's link was rejected, the boy of 17 was found, and the girl of 16 and
	 * the uncertain girl are no longer in the extract. Saryagash 2, Baidibek 1, the
	 * region 4; North Kazakhstan keeps the national run's 1, so the country has 5.
	 */
	long regionalRun() {
		long run = run(REGION_PATH, "FINISHED");
		result(run, "OOS-T01", "NOT_ENROLLED", SARYAGASH_PATH, "MALE", 8);
		result(run, "OOS-T02", "SUPPORTED", SARYAGASH_PATH, "FEMALE", 12);
		result(run, "OOS-T04", "NOT_ENROLLED", SARYAGASH_PATH, "MALE", 10);
		result(run, "OOS-T07", "NOT_ENROLLED", BAIDIBEK_PATH, "MALE", 6);
		result(run, "OOS-T08", "NO_SUPPORT", BAIDIBEK_PATH, "MALE", 17);
		result(run, "OOS-T09", "NOT_ENROLLED", REGION_PATH, "FEMALE", 14);
		return run;
	}

	long run(String scope, String status) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO reconcile_run (school_year, scope_path, actor, status, started_at, finished_at,
					match_above, review_above, seed) VALUES (?, ?, 'test', ?, ?, ?, 0.9, 0.5, 1)""")
			.params(year, scope, status, now, status.equals("RUNNING") ? null : now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void result(long run, String record, String outcome, String residence, String sex, int age) {
		jdbc.sql("""
				INSERT INTO reconcile_result (run_id, record_id, outcome, path, residence_path, probability, weight,
					names_swapped, decided, age, sex) VALUES (?, ?, ?, ?, ?, 0.5, 0, FALSE, FALSE, ?, ?)""")
			.params(run, record, outcome, residence, residence, age, sex)
			.update();
	}

}
