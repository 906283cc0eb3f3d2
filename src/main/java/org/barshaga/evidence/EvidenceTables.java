package org.barshaga.evidence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables of seed 000's content analysis, generated from the final codes of a
 * codebook: publications by year (Table 2), by thematic area with their shares (Table 4),
 * the claims with their evidence and the publications that support them (Table 5), and
 * the evidence-gap map of thematic areas against populations. Each is one aggregate
 * query; a publication counts once it has final codes (agreed or settled), never before.
 */
@Service
public class EvidenceTables {

	private final JdbcClient jdbc;

	private final Codebooks codebooks;

	EvidenceTables(JdbcClient jdbc, Codebooks codebooks) {
		this.jdbc = jdbc;
		this.codebooks = codebooks;
	}

	public record YearRow(int year, long count) {
	}

	public record ByYear(Codebook codebook, List<YearRow> rows, long total) {
	}

	/** A thematic area's publications and their share of all coded ones, in per cent. */
	public record ThemeRow(Code theme, long count, BigDecimal share) {
	}

	public record ByTheme(Codebook codebook, List<ThemeRow> rows, long total) {
	}

	public record ClaimRow(Code claim, List<Publication> publications) {
	}

	public record Claims(Codebook codebook, List<ClaimRow> rows) {
	}

	/** counts[t][p]: the publications coded with theme t and population p. */
	public record GapMap(Codebook codebook, List<Code> themes, List<Code> populations, long[][] counts) {
	}

	public record CodeAgreement(Code code, Kappa kappa) {
	}

	/**
	 * Every year of the codebook's period, with zero where nothing was published, widened
	 * to any year outside it that has publications.
	 */
	@Transactional(readOnly = true)
	public ByYear byYear(String codebook) {
		Codebook book = codebooks.get(codebook);
		Map<Integer, Long> counts = new TreeMap<>();
		jdbc.sql("""
				SELECT p.pub_year, COUNT(*) AS n FROM evidence_final f
				JOIN evidence_publication p ON p.id = f.publication_id
				WHERE f.codebook_code = ? GROUP BY p.pub_year""").param(codebook).query(rs -> {
			counts.put(rs.getInt("pub_year"), rs.getLong("n"));
		});
		List<YearRow> rows = new ArrayList<>();
		if (!counts.isEmpty() || (book.yearFrom() != null && book.yearTo() != null)) {
			int from = min(book.yearFrom(), counts.isEmpty() ? null : counts.keySet().iterator().next());
			int to = max(book.yearTo(), counts.isEmpty() ? null : ((TreeMap<Integer, Long>) counts).lastKey());
			for (int year = from; year <= to; year++) {
				rows.add(new YearRow(year, counts.getOrDefault(year, 0L)));
			}
		}
		return new ByYear(book, rows, counts.values().stream().mapToLong(Long::longValue).sum());
	}

	/**
	 * Every thematic area in the codebook's order. A share is the area's count over all
	 * publications with final codes, times 100, rounded half up to two decimals, each on
	 * its own: the shares may add up to 100 ± 0.01 or so.
	 */
	@Transactional(readOnly = true)
	public ByTheme byTheme(String codebook) {
		Codebook book = codebooks.get(codebook);
		Map<Long, Long> counts = countsByCode(codebook, Dimension.THEME);
		long total = jdbc.sql("SELECT COUNT(*) FROM evidence_final WHERE codebook_code = ?")
			.param(codebook)
			.query(Long.class)
			.single();
		List<ThemeRow> rows = new ArrayList<>();
		for (Code theme : book.of(Dimension.THEME)) {
			long count = counts.getOrDefault(theme.id(), 0L);
			rows.add(new ThemeRow(theme, count, share(count, total)));
		}
		return new ByTheme(book, rows, total);
	}

	static BigDecimal share(long count, long total) {
		return total == 0 ? null
				: BigDecimal.valueOf(count)
					.multiply(BigDecimal.valueOf(100))
					.divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
	}

	/**
	 * Every claim in the codebook's order, with its supporting publications, oldest
	 * first.
	 */
	@Transactional(readOnly = true)
	public Claims claims(String codebook) {
		Codebook book = codebooks.get(codebook);
		Map<Long, List<Publication>> byClaim = new HashMap<>();
		jdbc.sql("""
				SELECT fc.code_id, p.id, p.doi, p.doi_key, p.title, p.title_key, p.pub_year, p.authors, p.journal,
				       p.language
				FROM evidence_final f
				JOIN evidence_final_code fc ON fc.final_id = f.id
				JOIN evidence_code k ON k.id = fc.code_id
				JOIN evidence_publication p ON p.id = f.publication_id
				WHERE f.codebook_code = ? AND k.dimension = 'CLAIM'
				ORDER BY p.pub_year, p.id""").param(codebook).query(rs -> {
			byClaim.computeIfAbsent(rs.getLong("code_id"), k -> new ArrayList<>())
				.add(new Publication(rs.getLong("id"), rs.getString("doi"), rs.getString("doi_key"),
						rs.getString("title"), rs.getString("title_key"), rs.getInt("pub_year"),
						rs.getString("authors"), rs.getString("journal"), rs.getString("language"), null));
		});
		List<ClaimRow> rows = new ArrayList<>();
		for (Code claim : book.of(Dimension.CLAIM)) {
			rows.add(new ClaimRow(claim, byClaim.getOrDefault(claim.id(), List.of())));
		}
		return new Claims(book, rows);
	}

	@Transactional(readOnly = true)
	public GapMap gapMap(String codebook) {
		Codebook book = codebooks.get(codebook);
		List<Code> themes = book.of(Dimension.THEME);
		List<Code> populations = book.of(Dimension.POPULATION);
		Map<Long, Integer> themeIndex = index(themes);
		Map<Long, Integer> populationIndex = index(populations);
		long[][] counts = new long[themes.size()][populations.size()];
		jdbc.sql("""
				SELECT t.code_id AS theme, p.code_id AS population, COUNT(*) AS n
				FROM evidence_final f
				JOIN evidence_final_code t ON t.final_id = f.id
				JOIN evidence_code tk ON tk.id = t.code_id AND tk.dimension = 'THEME'
				JOIN evidence_final_code p ON p.final_id = f.id
				JOIN evidence_code pk ON pk.id = p.code_id AND pk.dimension = 'POPULATION'
				WHERE f.codebook_code = ? GROUP BY t.code_id, p.code_id""").param(codebook).query(rs -> {
			Integer t = themeIndex.get(rs.getLong("theme"));
			Integer p = populationIndex.get(rs.getLong("population"));
			if (t != null && p != null) {
				counts[t][p] = rs.getLong("n");
			}
		});
		return new GapMap(book, themes, populations, counts);
	}

	/**
	 * Cohen's kappa for every code, over the publications two coders coded, from their
	 * independent codings (before any settlement).
	 */
	@Transactional(readOnly = true)
	public List<CodeAgreement> agreement(String codebook) {
		Codebook book = codebooks.get(codebook);
		Map<Long, List<Set<Long>>> byPublication = new LinkedHashMap<>();
		Map<Long, Set<Long>> byCoding = new HashMap<>();
		jdbc.sql("""
				SELECT c.id, c.publication_id, cc.code_id FROM evidence_coding c
				LEFT JOIN evidence_coding_code cc ON cc.coding_id = c.id
				WHERE c.codebook_code = ? ORDER BY c.publication_id, c.id""").param(codebook).query(rs -> {
			long coding = rs.getLong("id");
			Set<Long> codes = byCoding.get(coding);
			if (codes == null) {
				codes = new java.util.HashSet<>();
				byCoding.put(coding, codes);
				byPublication.computeIfAbsent(rs.getLong("publication_id"), k -> new ArrayList<>()).add(codes);
			}
			long code = rs.getLong("code_id");
			if (!rs.wasNull()) {
				codes.add(code);
			}
		});
		List<CodeAgreement> rows = new ArrayList<>();
		for (Code code : book.codes()) {
			int a = 0;
			int b = 0;
			int c = 0;
			int d = 0;
			for (List<Set<Long>> pair : byPublication.values()) {
				if (pair.size() != 2) {
					continue;
				}
				boolean first = pair.get(0).contains(code.id());
				boolean second = pair.get(1).contains(code.id());
				if (first && second) {
					a++;
				}
				else if (first) {
					b++;
				}
				else if (second) {
					c++;
				}
				else {
					d++;
				}
			}
			rows.add(new CodeAgreement(code, Kappa.of(a, b, c, d)));
		}
		return rows;
	}

	private Map<Long, Long> countsByCode(String codebook, Dimension dimension) {
		Map<Long, Long> counts = new HashMap<>();
		jdbc.sql("""
				SELECT fc.code_id, COUNT(*) AS n FROM evidence_final f
				JOIN evidence_final_code fc ON fc.final_id = f.id
				JOIN evidence_code k ON k.id = fc.code_id
				WHERE f.codebook_code = ? AND k.dimension = ? GROUP BY fc.code_id""")
			.params(codebook, dimension.name())
			.query(rs -> {
				counts.put(rs.getLong("code_id"), rs.getLong("n"));
			});
		return counts;
	}

	private static Map<Long, Integer> index(List<Code> codes) {
		Map<Long, Integer> index = new HashMap<>();
		for (int i = 0; i < codes.size(); i++) {
			index.put(codes.get(i).id(), i);
		}
		return index;
	}

	private static int min(Integer bound, Integer found) {
		return bound == null ? found : found == null ? bound : Math.min(bound, found);
	}

	private static int max(Integer bound, Integer found) {
		return bound == null ? found : found == null ? bound : Math.max(bound, found);
	}

}
