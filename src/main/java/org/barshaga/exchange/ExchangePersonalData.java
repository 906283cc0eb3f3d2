package org.barshaga.exchange;

import java.util.ArrayList;
import java.util.List;

import org.barshaga.kernel.ChildReference;
import org.barshaga.kernel.CurriculumSubject;
import org.barshaga.kernel.Erasure;
import org.barshaga.kernel.LeaverDestination;
import org.barshaga.kernel.LeavingReason;
import org.barshaga.kernel.LearnerEraser;
import org.barshaga.kernel.PersonalDataHolder;
import org.barshaga.kernel.PersonalDataQuery;
import org.barshaga.kernel.PersonalDataSection;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The extracts of other registers that this module loads, as far as they are about one
 * child (by the IIN): the enrolment extract, term results and attendance, school leavers,
 * the health registry and the social benefits. Its part of a parent's request and of an
 * erasure; a child without an IIN has no row here.
 */
@Component
@Order(20)
class ExchangePersonalData implements PersonalDataHolder, LearnerEraser {

	private final JdbcClient jdbc;

	ExchangePersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PersonalDataSection> sectionsOf(ChildReference child) {
		String iin = child.iin() == null ? "" : child.iin();
		long number = child.iin() == null ? -1 : child.iinNumber();
		return List.of(PersonalDataQuery.section("enrolment_extract", """
				SELECT x.school_year, o.code AS organisation, x.grade, x.language, x.surname, x.given_name,
					x.birth_date
				FROM enrolment_extract x LEFT JOIN organisation o ON o.id = x.organisation_id
				WHERE x.iin = :iin ORDER BY x.school_year""").param("iin", iin).read(jdbc),
				PersonalDataQuery.section("term_results", """
						SELECT r.school_year, r.term, s.code AS subject, r.mark, r.percentage
						FROM term_result r LEFT JOIN curriculum_subject s ON s.id = r.subject
						WHERE r.iin = :number ORDER BY r.school_year, r.term, r.subject""")
					.param("number", number)
					.codes("subject", CurriculumSubject.class)
					.read(jdbc),
				PersonalDataQuery.section("term_attendance", """
						SELECT school_year, term, school_days, absent_excused, absent_unexcused
						FROM term_attendance WHERE iin = :number ORDER BY school_year, term""")
					.param("number", number)
					.read(jdbc),
				PersonalDataQuery.section("school_leavers", """
						SELECT l.left_on, o.code AS organisation, l.reason, l.destination
						FROM school_leaver l LEFT JOIN organisation o ON o.id = l.organisation_id
						WHERE l.iin = :number ORDER BY l.left_on""")
					.param("number", number)
					.codes("reason", LeavingReason.class)
					.codes("destination", LeaverDestination.class)
					.read(jdbc),
				PersonalDataQuery.section("health_registry", """
						SELECT record_id, surname, given_name, birth_date, disability_group, valid_until, updated_at
						FROM health_registry_record WHERE iin = :iin ORDER BY record_id""")
					.param("iin", iin)
					.read(jdbc),
				PersonalDataQuery.section("social_benefits", """
						SELECT record_id, surname, given_name, birth_date, benefit_type, paid_from, paid_until
						FROM social_benefit_record WHERE iin = :iin ORDER BY record_id""")
					.param("iin", iin)
					.read(jdbc));
	}

	@Override
	public void erase(Erasure erasure) {
		String iin = erasure.child().iin();
		if (iin == null) {
			return;
		}
		for (String record : jdbc.sql("SELECT record_id FROM health_registry_record WHERE iin = :iin")
			.param("iin", iin)
			.query(String.class)
			.list()) {
			erasure.removedRecord("health_record", record);
		}
		for (String record : jdbc.sql("SELECT record_id FROM social_benefit_record WHERE iin = :iin")
			.param("iin", iin)
			.query(String.class)
			.list()) {
			erasure.removedRecord("benefit_record", record);
		}
		List<String[]> deletes = new ArrayList<>();
		deletes.add(new String[] { "enrolment_extract", "iin = :iin" });
		deletes.add(new String[] { "health_registry_record", "iin = :iin" });
		deletes.add(new String[] { "social_benefit_record", "iin = :iin" });
		deletes.add(new String[] { "term_result", "iin = :number" });
		deletes.add(new String[] { "term_attendance", "iin = :number" });
		deletes.add(new String[] { "school_leaver", "iin = :number" });
		for (String[] delete : deletes) {
			erasure.removed(delete[0],
					jdbc.sql("DELETE FROM " + delete[0] + " WHERE " + delete[1])
						.param("iin", iin)
						.param("number", erasure.child().iinNumber())
						.update());
		}
		// A rejected row of an import may have shown the IIN in its report.
		erasure.removed("import_rejection", jdbc
			.sql("UPDATE import_rejection SET cell_value = NULL WHERE cell_value = :iin OR cell_value = :unpadded")
			.param("iin", iin)
			.param("unpadded", String.valueOf(erasure.child().iinNumber()))
			.update());
	}

}
