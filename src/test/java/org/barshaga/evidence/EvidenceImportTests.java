package org.barshaga.evidence;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing bibliographies in the three formats: broken entries reported by entry and
 * line with the rest imported, duplicates found by DOI and by title and year (against the
 * bank and inside the file), all-or-nothing, and files that are not text.
 */
@BarshagaTest
class EvidenceImportTests {

	static final Actor RESEARCHER = new Actor(0, "test.importer", "Test importer", Role.RESEARCHER, DataScope.NATION);

	@Autowired
	PublicationImport importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	static String run() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
	}

	@Test
	void risReportsBrokenEntriesImportsTheRestAndFindsDuplicatesByDoiAndByTitleAndYear() {
		String run = run();
		String ris = """
				TY  - JOUR
				AU  - Abenova A
				AU  - Bekov B
				TI  - Ris study %1$s of resource centres
				JO  - Test Journal
				PY  - 2021
				LA  - Kazakh
				AB  - First line of the abstract
				  that continues on a second line
				DO  - 10.9999/ris-%1$s-a
				ER  -\s
				TY  - JOUR
				AU  - Ivanova I
				TI  - Ris study %1$s without a DOI
				PY  - 2020///
				ER  -\s
				TY  - JOUR
				AU  - Nobody N
				PY  - 2020
				ER  -\s
				TY  - JOUR
				TI  - Ris study %1$s with no year
				PY  - n.d.
				ER  -\s
				TY  - JOUR
				TI  - Another title %1$s, same DOI written another way
				PY  - 2022
				DO  - https://doi.org/10.9999/RIS-%1$s-A
				ER  -\s
				TY  - BOOK
				TI  - RIS STUDY %1$s — without a DOI!
				PY  - 2020
				ER  -\s
				TY  - JOUR
				TI  - Ris study %1$s never closed
				PY  - 2019
				""".formatted(run);
		ImportReport report = importer.importFile(RESEARCHER, null, "refs.ris", bytes(ris), ImportMode.VALID_ROWS);

		assertThat(report.format()).isEqualTo(BibliographyFormat.RIS);
		assertThat(report.entries()).isEqualTo(7);
		assertThat(report.imported()).isEqualTo(2);
		assertThat(report.committed()).isTrue();
		assertThat(report.problems())
			.extracting(ImportReport.Problem::entry, ImportReport.Problem::line, ImportReport.Problem::messageKey)
			.containsExactly(tuple(3, 17, "validation.evidence.entry.title"),
					tuple(4, 21, "validation.evidence.entry.yearInvalid"),
					tuple(7, 34, "validation.evidence.ris.notClosed"));
		assertThat(report.duplicates())
			.extracting(ImportReport.Duplicate::entry, ImportReport.Duplicate::byDoi,
					ImportReport.Duplicate::earlierEntry, ImportReport.Duplicate::existingId)
			.containsExactly(tuple(5, true, 1, null), tuple(6, false, 2, null));

		var first = jdbc.sql("""
				SELECT doi, doi_key, pub_year, authors, journal, language, abstract_text FROM evidence_publication
				WHERE title = ?""").param("Ris study " + run + " of resource centres").query().singleRow();
		assertThat(first).containsEntry("doi_key", "10.9999/ris-" + run + "-a")
			.containsEntry("pub_year", 2021)
			.containsEntry("authors", "Abenova A; Bekov B")
			.containsEntry("journal", "Test Journal")
			.containsEntry("language", "Kazakh")
			.containsEntry("abstract_text", "First line of the abstract that continues on a second line");

		// the same file again: every valid entry is now a duplicate of the bank
		ImportReport again = importer.importFile(RESEARCHER, BibliographyFormat.RIS, "refs.ris", bytes(ris),
				ImportMode.VALID_ROWS);
		assertThat(again.imported()).isZero();
		assertThat(again.duplicates()).hasSize(4).allSatisfy(d -> assertThat(d.existingId()).isNotNull());
	}

	@Test
	void bibtexSkipsCommentsResumesAfterABrokenEntryAndFindsDuplicates() {
		String run = run();
		String bib = """
				@comment{ exported by a reference manager }
				@article{a%1$s,
				  author = {Omarov, O. and S{\\"u}leimen, S.},
				  title = {{BibTeX} study %1$s on inclusion},
				  journal = "Journal of " # "Tests",
				  year = 2023,
				  doi = {doi:10.9999/BIB-%1$s},
				  language = {Russian},
				  abstract = {An abstract with {nested {braces}} and \\& an ampersand}
				}
				@article{b%1$s,
				  title = {BibTeX study %1$s with no year},
				  journal = {Journal}
				}
				@article{c%1$s,
				  title = {BibTeX study %1$s whose brace never closes,
				  year = {2020}

				@book{d%1$s,
				  title = {Bibtex study %1$s on inclusion},
				  year = {2023}
				}
				@misc{e%1$s, title = {Third %1$s}, year = {2024}, doi = {10.9999/bib-%1$s}}
				@misc{f%1$s, title = {Fourth %1$s}, year = {2024}}
				""".formatted(run);
		ImportReport report = importer.importFile(RESEARCHER, null, "refs.bib", bytes(bib), ImportMode.VALID_ROWS);

		assertThat(report.format()).isEqualTo(BibliographyFormat.BIBTEX);
		assertThat(report.entries()).isEqualTo(6);
		assertThat(report.imported()).isEqualTo(2);
		assertThat(report.problems()).extracting(ImportReport.Problem::entry, ImportReport.Problem::messageKey)
			.containsExactly(tuple(2, "validation.evidence.entry.year"),
					tuple(3, "validation.evidence.bibtex.notClosed"));
		assertThat(report.duplicates()).extracting(ImportReport.Duplicate::entry, ImportReport.Duplicate::byDoi)
			.containsExactly(tuple(4, false), tuple(5, true));
		var first = jdbc.sql("""
				SELECT doi_key, authors, journal, language, abstract_text FROM evidence_publication WHERE title = ?""")
			.param("BibTeX study " + run + " on inclusion")
			.query()
			.singleRow();
		assertThat(first).containsEntry("doi_key", "10.9999/bib-" + run)
			.containsEntry("journal", "Journal of Tests")
			.containsEntry("language", "Russian")
			.containsEntry("abstract_text", "An abstract with nested braces and & an ampersand");
	}

	@Test
	void csvChecksEveryRowAndAllOrNothingImportsNothingWhenOneIsBroken() {
		String run = run();
		String csv = """
				Title;Year;DOI;Authors;Journal;Language;Abstract
				Csv study %1$s;2018;10.9999/csv-%1$s;"Kim K; Lee L";Journal;English;Short
				Csv study %1$s broken;2018;
				Csv study %1$s with a bad DOI;2018;not-a-doi;;;;
				Csv study %1$s from the future;3000;;;;;
				Csv study %1$s second;2019;;;;;
				""".formatted(run);
		long before = count();
		ImportReport nothing = importer.importFile(RESEARCHER, null, "refs.csv", bytes(csv), ImportMode.ALL_OR_NOTHING);
		assertThat(nothing.committed()).isFalse();
		assertThat(nothing.imported()).isZero();
		assertThat(count()).isEqualTo(before);
		assertThat(nothing.problems())
			.extracting(ImportReport.Problem::entry, ImportReport.Problem::line, ImportReport.Problem::messageKey)
			.containsExactly(tuple(2, 3, "validation.evidence.csv.cells"), tuple(3, 4, "validation.evidence.entry.doi"),
					tuple(4, 5, "validation.evidence.entry.yearInvalid"));

		ImportReport valid = importer.importFile(RESEARCHER, null, "refs.csv", bytes(csv), ImportMode.VALID_ROWS);
		assertThat(valid.imported()).isEqualTo(2);
		assertThat(count()).isEqualTo(before + 2);
		assertThat(jdbc.sql("SELECT authors FROM evidence_publication WHERE title = ?")
			.param("Csv study " + run)
			.query(String.class)
			.single()).isEqualTo("Kim K; Lee L");
	}

	@Test
	void aFileThatIsNotUtf8TextOrHasNoHeaderIsRefusedWhole() {
		assertThatThrownBy(() -> importer.importFile(RESEARCHER, null, "refs.ris",
				new byte[] { 'T', 'Y', (byte) 0xC3, (byte) 0x28 }, ImportMode.VALID_ROWS))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("validation.evidence.file.encoding"));
		assertThatThrownBy(() -> importer.importFile(RESEARCHER, BibliographyFormat.CSV, "refs.csv",
				bytes("name,when\nx,2020\n"), ImportMode.VALID_ROWS))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("validation.evidence.csv.header"));
		assertThatThrownBy(() -> importer.importFile(new Actor(0, "t", "T", Role.SCHOOL_COORDINATOR, DataScope.NATION),
				null, "refs.ris", bytes("TY  - JOUR\nER  - \n"), ImportMode.VALID_ROWS))
			.isInstanceOf(NotPermittedException.class);
	}

	@Test
	void theImportPageReportsEachBrokenEntryInTheUsersLanguage() throws Exception {
		String run = run();
		MockMultipartFile file = new MockMultipartFile("file", "refs.ris", "application/x-research-info-systems", bytes(
				"TY  - JOUR\nTI  - Page study " + run + "\nPY  - 2021\nER  - \nTY  - JOUR\nPY  - 2021\nER  - \n"));
		mvc.perform(multipart("/evidence/import").file(file)
			.param("mode", "VALID_ROWS")
			.param("lang", "ru")
			.with(csrf())
			.with(as(Demo.RESEARCHER)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Прочитано записей: 2. Импортировано: 1. Дубликатов: 0. С ошибками: 1.")))
			.andExpect(content().string(containsString("у записи, начинающейся в строке 5, нет названия")));
		mvc.perform(multipart("/evidence/import").file(file).with(csrf()).with(as(Demo.SCHOOL)))
			.andExpect(status().isForbidden());
	}

	@Test
	void keysFoldCaseAccentsPunctuationAndTheResolverOfADoi() {
		assertThat(Keys.doi("https://dx.doi.org/10.1080/ABC.1.")).isEqualTo("10.1080/abc.1");
		assertThat(Keys.doi("doi: 10.1080/abc.1")).isEqualTo("10.1080/abc.1");
		assertThat(Keys.doi("not a doi")).isNull();
		assertThat(Keys.title("«On the margins»: Education — for ALL"))
			.isEqualTo(Keys.title("On the margins, education for all"));
		assertThat(Keys.title("Инклюзивное  образование: Казахстан")).isEqualTo("инклюзивное образование казахстан");
		assertThat(List.of(Keys.title("Hernández"))).containsExactly("hernandez");
	}

	private long count() {
		return jdbc.sql("SELECT COUNT(*) FROM evidence_publication").query(Long.class).single();
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
