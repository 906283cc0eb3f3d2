package org.barshaga.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.barshaga.support.Demo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.barshaga.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two coders on a hand-made codebook and ten hand-made publications: the codebook refuses
 * what it does not hold, kappa per code is the figure computed by hand, the disagreements
 * wait for a settlement, and the tables, their CSV and the API count the settled codes.
 */
@BarshagaTest
class CodingAndTablesTests {

	static final Actor ADMIN = new Actor(0, "test.admin", "Test admin", Role.ADMIN, DataScope.NATION);

	static final Actor FIRST = new Actor(0, "test.coder.a", "Coder A", Role.RESEARCHER, DataScope.NATION);

	static final Actor SECOND = new Actor(0, "test.coder.b", "Coder B", Role.MINISTRY, DataScope.NATION);

	static final Actor THIRD = new Actor(0, "test.coder.c", "Coder C", Role.RESEARCHER, DataScope.NATION);

	@Autowired
	Codebooks codebooks;

	@Autowired
	Coding coding;

	@Autowired
	EvidenceTables tables;

	@Autowired
	PublicationImport importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	String book;

	List<Long> publications;

	/**
	 * A codebook of two themes (T1, T2), one claim (C1, moderate) and two populations
	 * (P1, P2), and ten publications: 1-3 of 2019, 4-6 of 2020, 7-10 of 2022.
	 */
	@BeforeEach
	void handMadeCodebookAndPublications() {
		String run = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
		book = "T" + run;
		codebooks.define(ADMIN, book, new LocalizedName("Тест", "Тест", "Test"), null, 2018, 2023);
		addCode(Dimension.THEME, "T1", null);
		addCode(Dimension.THEME, "T2", null);
		addCode(Dimension.CLAIM, "C1", Strength.MODERATE);
		addCode(Dimension.POPULATION, "P1", null);
		addCode(Dimension.POPULATION, "P2", null);
		StringBuilder csv = new StringBuilder("title,year,authors\n");
		int[] years = { 2019, 2019, 2019, 2020, 2020, 2020, 2022, 2022, 2022, 2022 };
		for (int i = 0; i < 10; i++) {
			csv.append("Hand-made study ")
				.append(run)
				.append(" number ")
				.append(i + 1)
				.append(',')
				.append(years[i])
				.append(",Author")
				.append(i + 1)
				.append(" A\n");
		}
		importer.importFile(FIRST, BibliographyFormat.CSV, "hand.csv", EvidenceImportTests.bytes(csv.toString()),
				ImportMode.ALL_OR_NOTHING);
		publications = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			publications.add(jdbc.sql("SELECT id FROM evidence_publication WHERE title = ?")
				.param("Hand-made study " + run + " number " + i)
				.query(Long.class)
				.single());
		}
	}

	private void addCode(Dimension dimension, String code, Strength strength) {
		codebooks.addCode(ADMIN, book, new Codebooks.CodeDraft(dimension, code,
				new LocalizedName(code + " kk", code + " ru", code + " en"), strength, null));
	}

	/**
	 * The hand-made coding. Coder A: T1 on 1-6, T2 on 7-10, C1 on 1-5, P2 on 7-8. Coder
	 * B: T1 on 1-5, T2 on 6-10, C1 on 1-4 and 6, P2 on 7-8. They disagree on 5 (C1) and 6
	 * (the theme and C1); C settles 5 as T1 + C1 and leaves 6.
	 */
	private void codeByHand() {
		for (int i = 1; i <= 10; i++) {
			coding.code(FIRST, book, pub(i),
					codes(i <= 6 ? "T1" : "T2", i <= 5 ? "C1" : null, i == 7 || i == 8 ? "P2" : null));
			coding.code(SECOND, book, pub(i),
					codes(i <= 5 ? "T1" : "T2", i <= 4 || i == 6 ? "C1" : null, i == 7 || i == 8 ? "P2" : null));
		}
		coding.settle(THIRD, book, pub(5), List.of("T1", "C1"));
	}

	@Test
	void kappaPerCodeIsTheFigureComputedByHand() {
		codeByHand();
		Map<String, Kappa> kappa = tables.agreement(book)
			.stream()
			.collect(Collectors.toMap(a -> a.code().code(), EvidenceTables.CodeAgreement::kappa));
		// C1: both on 1-4 (a = 4), A only on 5 (b = 1), B only on 6 (c = 1), neither on
		// 7-10
		// (d = 4); po = 8/10 = 0.8; pe = (5·5 + 5·5)/100 = 0.5; kappa = (0.8 − 0.5)/(1 −
		// 0.5) = 0.6
		assertThat(kappa.get("C1")).extracting(Kappa::a, Kappa::b, Kappa::c, Kappa::d).containsExactly(4, 1, 1, 4);
		assertThat(kappa.get("C1").observed()).isEqualByComparingTo("0.8");
		assertThat(kappa.get("C1").expected()).isEqualByComparingTo("0.5");
		assertThat(kappa.get("C1").kappa()).isEqualByComparingTo("0.6");
		// T1: both on 1-5 (a = 5), A only on 6 (b = 1), c = 0, d = 4; po = 0.9;
		// pe = (6·5 + 4·5)/100 = 0.5; kappa = 0.4/0.5 = 0.8
		assertThat(kappa.get("T1").kappa()).isEqualByComparingTo("0.8");
		// T2 mirrors T1: a = 4, b = 0, c = 1, d = 5; pe = (4·5 + 6·5)/100 = 0.5; kappa =
		// 0.8
		assertThat(kappa.get("T2").kappa()).isEqualByComparingTo("0.8");
		// P2: both on 7-8, neither on the rest: perfect, pe = (2·2 + 8·8)/100 = 0.68,
		// kappa = 1
		assertThat(kappa.get("P2").kappa()).isEqualByComparingTo("1");
		// P1: applied by nobody, one category only: pe = 1, kappa undefined, observed 1
		assertThat(kappa.get("P1").kappa()).isNull();
		assertThat(kappa.get("P1").observed()).isEqualByComparingTo("1");
		assertThat(Kappa.of(0, 0, 0, 0).observed()).isNull();
		// the coders' disagreement that nobody settled waits; the settled one does not
		Codebook codebook = codebooks.get(book);
		assertThat(coding.disagreement(codebook, pub(6))).isTrue();
		assertThat(coding.disagreement(codebook, pub(5))).isFalse();
		assertThat(coding.finalCodes(codebook, pub(5))).containsExactlyInAnyOrder("T1", "C1");
		assertThat(coding.finalCodes(codebook, pub(6))).isNull();
		assertThat(coding.finalCodes(codebook, pub(7))).containsExactlyInAnyOrder("T2", "P2");
	}

	@Test
	void theTablesCountTheSettledCodesInTheSeedsLayouts() throws Exception {
		codeByHand();
		// settled: every publication but 6, so 9
		EvidenceTables.ByYear byYear = tables.byYear(book);
		assertThat(byYear.rows()).extracting(EvidenceTables.YearRow::year, EvidenceTables.YearRow::count)
			.containsExactly(tuple(2018, 0L), tuple(2019, 3L), tuple(2020, 2L), tuple(2021, 0L), tuple(2022, 4L),
					tuple(2023, 0L));
		assertThat(byYear.total()).isEqualTo(9);
		// T1: 1-5 = 5 of 9 = 55.555… → 55.56; T2: 7-10 = 4 of 9 = 44.444… → 44.44
		EvidenceTables.ByTheme byTheme = tables.byTheme(book);
		assertThat(byTheme.rows())
			.extracting(r -> r.theme().code(), EvidenceTables.ThemeRow::count, EvidenceTables.ThemeRow::share)
			.containsExactly(tuple("T1", 5L, new BigDecimal("55.56")), tuple("T2", 4L, new BigDecimal("44.44")));
		// C1 supported by 1-4 (agreed) and 5 (settled), oldest first
		EvidenceTables.Claims claims = tables.claims(book);
		assertThat(claims.rows()).hasSize(1);
		assertThat(claims.rows().get(0).claim().strength()).isEqualTo(Strength.MODERATE);
		assertThat(claims.rows().get(0).publications()).extracting(Publication::id)
			.containsExactly(pub(1), pub(2), pub(3), pub(4), pub(5));
		EvidenceTables.GapMap map = tables.gapMap(book);
		assertThat(map.counts()[1][1]).isEqualTo(2);
		assertThat(map.counts()[0][0] + map.counts()[0][1] + map.counts()[1][0]).isZero();

		mvc.perform(get("/api/v1/evidence/tables/by-theme").param("codebook", book).with(as(Demo.SCHOOL)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(9))
			.andExpect(jsonPath("$.rows[0].code").value("T1"))
			.andExpect(jsonPath("$.rows[0].share").value(55.56))
			.andExpect(jsonPath("$.rows[1].name.ru").value("T2 ru"));
		mvc.perform(get("/api/v1/evidence/tables/by-year").param("codebook", book).with(as(Demo.RESEARCHER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows", hasSize(6)))
			.andExpect(jsonPath("$.rows[1].count").value(3));
		mvc.perform(get("/api/v1/evidence/tables/claims").param("codebook", book).with(as(Demo.PMPC)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[0].strength").value("MODERATE"))
			.andExpect(jsonPath("$.rows[0].publications", hasSize(5)))
			.andExpect(jsonPath("$.rows[0].publications[0].citation").value("Author1 A (2019)"));
		mvc.perform(get("/api/v1/evidence/tables/claims").param("codebook", "NO_SUCH_BOOK").with(as(Demo.ADMIN)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/evidence/tables/by-year")).andExpect(status().isUnauthorized());
		mvc.perform(get("/evidence/tables/by-theme.csv").param("codebook", book)
			.param("lang", "en")
			.with(as(Demo.SPECIALIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thematic area,Number of publications,\"Share, %\"")))
			.andExpect(content().string(containsString("T1 en,5,55.56")))
			.andExpect(content().string(containsString("Total,9,100.00")));
		mvc.perform(get("/evidence/tables/by-year.csv").param("codebook", book).with(as(Demo.SPECIALIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2018,2019,2020,2021,2022,2023")));
	}

	@Test
	void aCodeOutsideTheCodebookIsRefusedAndNothingIsWritten() {
		assertThatThrownBy(() -> coding.code(FIRST, book, pub(1), List.of("T1", "NOT_A_CODE"))).isInstanceOfSatisfying(
				InvalidInputException.class,
				e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::messageKey)
					.containsExactly("validation.evidence.unknownCode"));
		assertThatThrownBy(() -> coding.code(FIRST, book, pub(1), List.of("T1", "T2"))).isInstanceOfSatisfying(
				InvalidInputException.class,
				e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::messageKey)
					.containsExactly("validation.evidence.oneTheme"));
		// a code of another codebook is outside this one too
		assertThatThrownBy(() -> coding.code(FIRST, book, pub(1), List.of("TEACHER_READINESS")))
			.isInstanceOf(InvalidInputException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_coding WHERE codebook_code = ?")
			.param(book)
			.query(Long.class)
			.single()).isZero();
		coding.code(FIRST, book, pub(1), List.of("T1"));
		assertThatThrownBy(() -> coding.code(FIRST, book, pub(1), List.of("T1")))
			.isInstanceOf(InvalidInputException.class);
		coding.code(SECOND, book, pub(1), List.of("T1"));
		assertThatThrownBy(() -> coding.code(THIRD, book, pub(1), List.of("T1"))).isInstanceOfSatisfying(
				InvalidInputException.class,
				e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("validation.evidence.twoCoders"));
		assertThatThrownBy(() -> coding.settle(THIRD, book, pub(1), List.of("T2"))).isInstanceOfSatisfying(
				InvalidInputException.class,
				e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("validation.evidence.nothingToSettle"));
		assertThatThrownBy(() -> coding.code(new Actor(0, "s", "S", Role.SCHOOL_COORDINATOR, DataScope.NATION), book,
				pub(2), List.of("T1")))
			.isInstanceOf(NotPermittedException.class);
	}

	@Test
	void administratorsAddCodesAndRaiseTheVersionOthersCannot() {
		int version = codebooks.get(book).version();
		assertThatThrownBy(() -> codebooks.addCode(FIRST, book,
				new Codebooks.CodeDraft(Dimension.THEME, "T3", new LocalizedName("a", "b", "c"), null, null)))
			.isInstanceOf(NotPermittedException.class);
		assertThatThrownBy(() -> codebooks.addCode(ADMIN, book,
				new Codebooks.CodeDraft(Dimension.CLAIM, "C2", new LocalizedName("a", "b", "c"), null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).messageKey())
				.isEqualTo("validation.evidence.strengthRequired"));
		assertThatThrownBy(() -> codebooks.addCode(ADMIN, book,
				new Codebooks.CodeDraft(Dimension.THEME, "T1", new LocalizedName("a", "b", "c"), null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("validation.evidence.codeExists"));
		codebooks.addCode(ADMIN, book, new Codebooks.CodeDraft(Dimension.CLAIM, "C2", new LocalizedName("a", "b", "c"),
				Strength.WEAK, new LocalizedName("x", "y", "z")));
		assertThat(codebooks.get(book).version()).isEqualTo(version + 1);
		assertThat(codebooks.get(book).code("C2")).get().extracting(Code::strength).isEqualTo(Strength.WEAK);
		coding.code(FIRST, book, pub(3), List.of("T2", "C2"));
	}

	@Test
	void pagesAreReadByEveryoneAndCodedByResearchersAndTheMinistry() throws Exception {
		for (String reader : Demo.ALL) {
			mvc.perform(get("/evidence").param("codebook", book).with(as(reader))).andExpect(status().isOk());
			mvc.perform(get("/evidence/codebooks/{code}", book).with(as(reader))).andExpect(status().isOk());
			boolean codes = reader.equals(Demo.RESEARCHER) || reader.equals(Demo.MINISTRY);
			mvc.perform(get("/evidence/coding").param("codebook", book).with(as(reader)))
				.andExpect(status().is(codes ? 200 : 403));
			mvc.perform(get("/evidence/import").with(as(reader))).andExpect(status().is(codes ? 200 : 403));
		}
		mvc.perform(post("/evidence/coding/{id}", pub(4)).param("codebook", book)
			.param("theme", "T1")
			.param("codes", "NOT_A_CODE")
			.param("lang", "en")
			.with(csrf())
			.with(as(Demo.RESEARCHER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("the code NOT_A_CODE is not in the codebook " + book)));
		mvc.perform(post("/evidence/coding/{id}", pub(4)).param("codebook", book)
			.param("theme", "T1")
			.param("codes", "C1")
			.with(csrf())
			.with(as(Demo.RESEARCHER))).andExpect(status().is3xxRedirection());
		assertThat(coding.codings(codebooks.get(book), pub(4))).extracting(Coding.Coded::coder, Coding.Coded::codes)
			.containsExactly(tuple(Demo.RESEARCHER, Set.of("C1", "T1")));
		mvc.perform(post("/evidence/coding/{id}", pub(4)).param("codebook", book)
			.param("theme", "T1")
			.with(csrf())
			.with(as(Demo.SCHOOL))).andExpect(status().isForbidden());
	}

	@Test
	void theDemoBankHoldsTheSeedsStudiesWithTheirDuplicatesFound() throws Exception {
		// seed 000 prints one DOI for its references 26 and 28: the second is a duplicate
		assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_publication WHERE title LIKE 'The results of the pilot%'")
			.query(Long.class)
			.single()).isZero();
		// seed 001 cites Allan and Omarova as 2022 with the DOI seed 000 gives for 2021:
		// one publication
		assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_publication WHERE doi_key = '10.1080/09687599.2020.1867073'")
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/api/v1/evidence/tables/by-theme").with(as(Demo.RESEARCHER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.codebook").value("SEED000"))
			.andExpect(jsonPath("$.rows", hasSize(7)))
			.andExpect(jsonPath("$.total").value(29));
		mvc.perform(get("/evidence/coding").param("filter", "DISAGREEMENTS").with(as(Demo.RESEARCHER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Promoting inclusive education in Kazakhstan")));
	}

	private long pub(int number) {
		return publications.get(number - 1);
	}

	private static List<String> codes(String... codes) {
		List<String> list = new ArrayList<>();
		for (String code : codes) {
			if (code != null) {
				list.add(code);
			}
		}
		return list;
	}

}
