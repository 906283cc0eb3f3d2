package org.barshaga.evidence;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.CommandLineJob;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;

import org.barshaga.kernel.TableStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bench evidence [--references N] [--rounds N]}: imports a generated RIS
 * bibliography of N references (default 20,000; one in twenty repeats an earlier DOI
 * written another way, one in twenty an earlier title and year, one in a hundred has no
 * year) and times the import with its duplicate detection; then codes every imported
 * publication twice in a codebook of its own (written in batches, as two coders agreeing
 * nine times in ten) and times every table, several rounds. Run it on a scratch database:
 * it leaves its publications and codebook behind.
 */
@Component
class BenchEvidenceJob implements CommandLineJob {

	private static final Actor BENCH = new Actor(0, "bench", "Benchmark", Role.RESEARCHER, DataScope.NATION);

	private static final Actor ADMIN = new Actor(0, "bench", "Benchmark", Role.ADMIN, DataScope.NATION);

	private final PublicationImport importer;

	private final Codebooks codebooks;

	private final EvidenceTables tables;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	BenchEvidenceJob(PublicationImport importer, Codebooks codebooks, EvidenceTables tables, JdbcClient jdbc,
			JdbcTemplate template, TransactionTemplate transactions) {
		this.importer = importer;
		this.codebooks = codebooks;
		this.tables = tables;
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
	}

	@Override
	public String name() {
		return "bench evidence";
	}

	@Override
	public String usage() {
		return "bench evidence [--references N] [--rounds N]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		int references = Optional.ofNullable(CommandLineJob.option(arguments, "--references"))
			.map(Integer::parseInt)
			.orElse(20_000);
		int rounds = Optional.ofNullable(CommandLineJob.option(arguments, "--rounds")).map(Integer::parseInt).orElse(5);
		String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
		byte[] file = bibliography(references, run);
		out.printf("Importing %,d references (%,d bytes of RIS)%n", references, file.length);
		long start = System.nanoTime();
		ImportReport report = importer.importFile(BENCH, BibliographyFormat.RIS, "bench.ris", file,
				ImportMode.VALID_ROWS);
		double seconds = (System.nanoTime() - start) / 1e9;
		out.printf("Import and duplicate detection: %.2f s (%,d imported, %,d duplicates, %,d broken)%n", seconds,
				report.imported(), report.duplicates().size(), report.problems().size());

		String book = "BENCH" + run;
		transactions.executeWithoutResult(status -> copyShippedCodebook(book));
		transactions.executeWithoutResult(status -> codeEverything(book, run));
		// a coding campaign takes weeks, and autovacuum analyses the tables on the way;
		// the bench writes it in one go, so it analyses them as autovacuum would have
		new TableStatistics(template).refresh("evidence_coding", "evidence_coding_code", "evidence_final",
				"evidence_final_code");
		List<String> names = List.of("by-year", "by-theme", "claims", "gap-map", "agreement");
		List<Supplier<Object>> queries = List.of(() -> tables.byYear(book), () -> tables.byTheme(book),
				() -> tables.claims(book), () -> tables.gapMap(book), () -> tables.agreement(book));
		for (int q = 0; q < queries.size(); q++) {
			List<Double> times = new ArrayList<>();
			for (int round = 0; round < rounds + 1; round++) {
				long began = System.nanoTime();
				queries.get(q).get();
				if (round > 0) {
					times.add((System.nanoTime() - began) / 1e6);
				}
			}
			Collections.sort(times);
			out.printf("Table %-9s median %.1f ms, worst %.1f ms (%d rounds after one warm-up)%n", names.get(q),
					times.get(times.size() / 2), times.get(times.size() - 1), rounds);
		}
		return 0;
	}

	private static byte[] bibliography(int references, String run) {
		StringBuilder ris = new StringBuilder(references * 300);
		for (int i = 0; i < references; i++) {
			int year = 2015 + i % 11;
			ris.append("TY  - JOUR\n");
			ris.append("AU  - Author").append(i % 997).append(" A\n");
			ris.append("AU  - Author").append(i % 389).append(" B\n");
			if (i % 20 == 1) {
				// the previous reference's DOI, upper-case, behind its resolver
				ris.append("TI  - Bench study ").append(run).append(" number ").append(i).append('\n');
				ris.append("DO  - https://doi.org/10.5555/BENCH.").append(run).append('.').append(i - 1).append('\n');
				ris.append("PY  - ").append(year).append('\n');
			}
			else if (i % 20 == 11) {
				// the previous reference's title and year, punctuated otherwise
				ris.append("TI  - BENCH STUDY — ").append(run).append(", number ").append(i - 1).append("!\n");
				ris.append("PY  - ").append(2015 + (i - 1) % 11).append('\n');
			}
			else {
				ris.append("TI  - Bench study ").append(run).append(" number ").append(i).append('\n');
				ris.append("DO  - 10.5555/bench.").append(run).append('.').append(i).append('\n');
				if (i % 100 != 50) {
					ris.append("PY  - ").append(year).append('\n');
				}
			}
			ris.append("JO  - Journal of Inclusive Education ").append(i % 40).append('\n');
			ris.append("AB  - An abstract of a study of inclusive education in Kazakhstan, number ")
				.append(i)
				.append(", long enough to be like a real one in the size of the file.\n");
			ris.append("ER  - \n\n");
		}
		return ris.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void copyShippedCodebook(String book) {
		Codebook shipped = codebooks.get(Codebooks.SHIPPED);
		codebooks.define(ADMIN, book, shipped.name(), "bench", shipped.yearFrom(), shipped.yearTo());
		for (Code code : shipped.codes()) {
			codebooks.addCode(ADMIN, book, new Codebooks.CodeDraft(code.dimension(), code.code(), code.name(),
					code.strength(), code.reasoning()));
		}
	}

	/**
	 * Two codings and the final codes of every publication of this run, written in
	 * batches: the tables read exactly what coders through the service would have left.
	 */
	private void codeEverything(String book, String run) {
		Codebook codebook = codebooks.get(book);
		List<Code> themes = codebook.of(Dimension.THEME);
		List<Code> claims = codebook.of(Dimension.CLAIM);
		List<Code> populations = codebook.of(Dimension.POPULATION);
		List<Long> ids = jdbc.sql("SELECT id FROM evidence_publication WHERE title LIKE ? ORDER BY id")
			.param("Bench study " + run + " %")
			.query(Long.class)
			.list();
		SplittableRandom random = new SplittableRandom(7);
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> codings = new ArrayList<>();
		List<Object[]> finals = new ArrayList<>();
		for (long id : ids) {
			codings.add(new Object[] { book, id, "bench.a", now });
			codings.add(new Object[] { book, id, "bench.b", now });
			finals.add(new Object[] { book, id, false, "bench.b", now });
		}
		template.batchUpdate(
				"INSERT INTO evidence_coding (codebook_code, publication_id, coder, coded_at) " + "VALUES (?, ?, ?, ?)",
				codings);
		template.batchUpdate("INSERT INTO evidence_final (codebook_code, publication_id, reconciled, settled_by, "
				+ "settled_at) VALUES (?, ?, ?, ?, ?)", finals);
		List<Object[]> codingCodes = new ArrayList<>();
		List<Object[]> finalCodes = new ArrayList<>();
		jdbc.sql("""
				SELECT c.id, c.publication_id, c.coder, f.id AS final_id FROM evidence_coding c
				JOIN evidence_final f ON f.codebook_code = c.codebook_code AND f.publication_id = c.publication_id
				WHERE c.codebook_code = ? ORDER BY c.publication_id, c.coder""").param(book).query(rs -> {
			long seed = rs.getLong("publication_id");
			SplittableRandom pick = new SplittableRandom(seed);
			List<Long> codes = new ArrayList<>();
			codes.add(themes.get(pick.nextInt(themes.size())).id());
			codes.add(claims.get(pick.nextInt(claims.size())).id());
			codes.add(populations.get(pick.nextInt(populations.size())).id());
			boolean second = rs.getString("coder").equals("bench.b");
			if (second && random.nextInt(10) == 0) {
				codes.set(1,
						claims
							.get((claims.indexOf(
									claims.stream().filter(c -> c.id() == codes.get(1)).findFirst().orElseThrow()) + 1)
									% claims.size())
							.id());
			}
			for (long code : codes) {
				codingCodes.add(new Object[] { rs.getLong("id"), code });
				if (second) {
					finalCodes.add(new Object[] { rs.getLong("final_id"), code });
				}
			}
		});
		template.batchUpdate("INSERT INTO evidence_coding_code (coding_id, code_id) VALUES (?, ?)", codingCodes);
		template.batchUpdate("INSERT INTO evidence_final_code (final_id, code_id) VALUES (?, ?)", finalCodes);
	}

}
