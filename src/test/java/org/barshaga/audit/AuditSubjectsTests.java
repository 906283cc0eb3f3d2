package org.barshaga.audit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The children an event held are written once each, with their ids as the log keeps them.
 */
class AuditSubjectsTests {

	@Test
	void idsAreWrittenOnceEachWhateverTheOrderTheyCameIn() {
		AuditSubjects subjects = new AuditSubjects("learner");
		for (long id : new long[] { 42, 7, 42, 1_000_000_000_000L, 7 }) {
			subjects.add(id);
		}
		subjects.add("RT-H2");
		subjects.add("RT-H1");
		subjects.add("RT-H2");
		assertThat(subjects.size()).isEqualTo(8);
		assertThat(written(subjects)).containsExactly("7", "42", "1000000000000", "RT-H1", "RT-H2");
	}

	@Test
	void iinsKeepTheirLeadingZeros() {
		AuditSubjects pupils = new AuditSubjects("enrolment_pupil", 12);
		pupils.add("061211600013");
		pupils.add("150302612345");
		pupils.add("061211600013");
		pupils.add("not an iin");
		assertThat(written(pupils)).containsExactly("061211600013", "150302612345", "not an iin");
	}

	private static List<String> written(AuditSubjects subjects) {
		List<String> ids = new ArrayList<>();
		subjects.forEachDistinct(ids::add);
		return ids;
	}

}
