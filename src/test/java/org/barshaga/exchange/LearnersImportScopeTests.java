package org.barshaga.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.Sex;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learners import answers a row for a child held outside the importer's scope as it
 * answers a new child's, and turns it into a transfer request instead of touching or
 * mentioning the record.
 */
@BarshagaTest
class LearnersImportScopeTests {

	static final Actor COORDINATOR = new Actor(5, "school.demo", "School", Role.SCHOOL_COORDINATOR,
			new DataScope("/KZ/KZ-61/KZ-61-D08/KZ-61-D08-S001/"));

	/** An importer whose scope is the Turkistan region, as a PMPC's learner scope is. */
	static final Actor REGION_IMPORTER = new Actor(7, "pmpc.turkistan", "PMPC", Role.PMPC_SPECIALIST,
			new DataScope("/KZ/KZ-61/"));

	static final String HEADER = "iin,surname,given_name,patronymic,birth_date,sex,citizenship,language,disability,"
			+ "home_unit_code,school_code";

	@Autowired
	Importer importer;

	@Autowired
	ImportRuns runs;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void aChildHeldElsewhereIsAnsweredAsANewChildAndBecomesATransferRequest() throws IOException {
		String held = jdbc.sql("SELECT MIN(iin) FROM learner WHERE path LIKE '/KZ/KZ-75/%' AND iin IS NOT NULL")
			.query(String.class)
			.single();
		String heldPath = path(held);
		String heldSurname = jdbc.sql("SELECT surname FROM learner WHERE iin = ?")
			.param(held)
			.query(String.class)
			.single();
		String unknown = unknownLike(held);

		ImportRun toHeld = run(COORDINATOR, held);
		ImportRun toUnknown = run(COORDINATOR, unknown);
		assertThat(reasons(toHeld)).isEqualTo(reasons(toUnknown));
		assertThat(toHeld.rowsRejected()).isEqualTo(toUnknown.rowsRejected());

		ImportRun requested = run(REGION_IMPORTER, held);
		ImportRun created = run(REGION_IMPORTER, unknown);
		assertThat(reasons(requested)).isEqualTo(reasons(created)).isEmpty();
		assertThat(requested.rowsWritten()).isEqualTo(created.rowsWritten()).isEqualTo(1);
		assertThat(path(unknown)).isEqualTo("/KZ/KZ-61/KZ-61-D08/");
		assertThat(path(held)).as("the record held elsewhere is not touched").isEqualTo(heldPath);
		assertThat(jdbc.sql("SELECT surname FROM learner WHERE iin = ?").param(held).query(String.class).single())
			.isEqualTo(heldSurname);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM learner_transfer t JOIN learner l ON l.id = t.learner_id
				WHERE l.iin = ? AND t.status = 'PENDING' AND t.target_path = '/KZ/KZ-61/KZ-61-D08/'
					AND t.surname = 'Importer'""").param(held).query(Long.class).single()).isEqualTo(1);
		run(REGION_IMPORTER, held);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM learner_transfer t JOIN learner l ON l.id = t.learner_id
				WHERE l.iin = ? AND t.status = 'PENDING'""").param(held).query(Long.class).single())
			.as("a repeat adds no second request")
			.isEqualTo(1);
	}

	private ImportRun run(Actor actor, String iin) throws IOException {
		Path file = dir.resolve("learners-" + iin + "-" + actor.role() + ".csv");
		Files.writeString(file, HEADER + "\n" + iin + ",Importer,Probe,," + Iin.birthDate(iin) + "," + Iin.sex(iin)
				+ ",KZ,KK,NONE,KZ-61-D08,\n", StandardCharsets.UTF_8);
		return importer.run(new ImportRequest(actor, Register.LEARNERS, file, file.getFileName().toString(),
				ImportMode.VALID_ROWS, false), null);
	}

	private List<String> reasons(ImportRun run) {
		return runs.rejections(run.id(), 100)
			.stream()
			.map(r -> r.line() + " " + r.column() + " " + r.reasonKey())
			.toList();
	}

	private String path(String iin) {
		return jdbc.sql("SELECT MIN(path) FROM learner WHERE iin = ?").param(iin).query(String.class).single();
	}

	/** An IIN nobody holds, with the held one's birth date and sex. */
	private String unknownLike(String iin) {
		for (int serial = 9500;; serial++) {
			String candidate = Iin.of(Iin.birthDate(iin), Iin.sex(iin), serial);
			if (jdbc.sql("SELECT COUNT(*) FROM learner WHERE iin = ?")
				.param(candidate)
				.query(Long.class)
				.single() == 0) {
				return candidate;
			}
		}
	}

}
