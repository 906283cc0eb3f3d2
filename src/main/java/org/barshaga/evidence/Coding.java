package org.barshaga.evidence;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coding publications against a codebook. Each of two coders codes a publication once,
 * without seeing the other's codes; when the second agrees with the first, their codes
 * become the publication's final codes at once, otherwise the publication waits in the
 * reconciliation view until someone who codes (a third person, or either coder) settles
 * it. A code outside the codebook is refused, and so is a coding without exactly one
 * thematic area.
 */
@Service
public class Coding {

	private final JdbcClient jdbc;

	private final Codebooks codebooks;

	private final AuditLog audit;

	private final Clock clock;

	Coding(JdbcClient jdbc, Codebooks codebooks, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.codebooks = codebooks;
		this.audit = audit;
		this.clock = clock;
	}

	/** One coder's codes of a publication. */
	public record Coded(String coder, Set<String> codes) {
	}

	/** Researchers and the Ministry code; everyone signed in reads. */
	public static boolean codes(Actor actor) {
		return actor.is(Role.RESEARCHER) || actor.is(Role.MINISTRY);
	}

	@Transactional
	public void code(Actor actor, String codebook, long publicationId, Collection<String> codes) {
		requireCoder(actor);
		Codebook book = codebooks.get(codebook);
		Set<Long> ids = check(book, codes);
		lock(publicationId);
		List<Coded> existing = codings(book, publicationId);
		if (existing.stream().anyMatch(c -> c.coder().equals(actor.username()))) {
			throw InvalidInputException.of("codes", "validation.evidence.alreadyCoded");
		}
		if (existing.size() >= 2) {
			throw InvalidInputException.of("codes", "validation.evidence.twoCoders");
		}
		jdbc.sql("""
				INSERT INTO evidence_coding (codebook_code, publication_id, coder, coded_at) VALUES (?, ?, ?, ?)""")
			.params(codebook, publicationId, actor.username(), Timestamp.from(clock.instant()))
			.update();
		long coding = lastCoding(codebook, publicationId, actor.username());
		for (Long id : ids) {
			jdbc.sql("INSERT INTO evidence_coding_code (coding_id, code_id) VALUES (?, ?)").params(coding, id).update();
		}
		audit.created(actor, "evidence_coding", coding, Codebooks.PATH,
				Map.of("codebook", codebook, "publication", publicationId, "codes", sorted(codes)));
		if (existing.size() == 1 && existing.get(0).codes().equals(new TreeSet<>(codes))) {
			writeFinal(actor, codebook, publicationId, ids, false);
		}
	}

	/**
	 * Settles a disagreement: the final codes of a publication its two coders coded
	 * apart.
	 */
	@Transactional
	public void settle(Actor actor, String codebook, long publicationId, Collection<String> codes) {
		requireCoder(actor);
		Codebook book = codebooks.get(codebook);
		Set<Long> ids = check(book, codes);
		lock(publicationId);
		if (!disagreement(book, publicationId)) {
			throw InvalidInputException.of("codes", "validation.evidence.nothingToSettle");
		}
		writeFinal(actor, codebook, publicationId, ids, true);
	}

	/** Whether two coders coded the publication apart and nobody has settled it yet. */
	public boolean disagreement(Codebook book, long publicationId) {
		List<Coded> codings = codings(book, publicationId);
		return codings.size() == 2 && !codings.get(0).codes().equals(codings.get(1).codes())
				&& finalCodes(book, publicationId) == null;
	}

	/** The codings of a publication, first coder first. */
	public List<Coded> codings(Codebook book, long publicationId) {
		Map<String, Set<String>> byCoder = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT c.coder, k.code FROM evidence_coding c
				LEFT JOIN evidence_coding_code cc ON cc.coding_id = c.id
				LEFT JOIN evidence_code k ON k.id = cc.code_id
				WHERE c.codebook_code = ? AND c.publication_id = ? ORDER BY c.id, k.code""")
			.params(book.code(), publicationId)
			.query(rs -> {
				Set<String> set = byCoder.computeIfAbsent(rs.getString("coder"), k -> new TreeSet<>());
				if (rs.getString("code") != null) {
					set.add(rs.getString("code"));
				}
			});
		List<Coded> codings = new ArrayList<>();
		byCoder.forEach((coder, set) -> codings.add(new Coded(coder, set)));
		return codings;
	}

	/** The final codes of a publication, or null while it has none. */
	public Set<String> finalCodes(Codebook book, long publicationId) {
		List<String> rows = jdbc.sql("""
				SELECT COALESCE(k.code, '') FROM evidence_final f
				LEFT JOIN evidence_final_code fc ON fc.final_id = f.id
				LEFT JOIN evidence_code k ON k.id = fc.code_id
				WHERE f.codebook_code = ? AND f.publication_id = ?""")
			.params(book.code(), publicationId)
			.query(String.class)
			.list();
		if (rows.isEmpty()) {
			return null;
		}
		Set<String> codes = new TreeSet<>(rows);
		codes.remove("");
		return codes;
	}

	/**
	 * The codes' ids, or every problem: a code the codebook does not hold, and a number
	 * of thematic areas other than one.
	 */
	static Set<Long> check(Codebook book, Collection<String> codes) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Set<Long> ids = new LinkedHashSet<>();
		int themes = 0;
		for (String code : codes == null ? List.<String>of() : codes) {
			Code found = book.code(code).orElse(null);
			if (found == null) {
				problems.add("codes", "validation.evidence.unknownCode", code, book.code());
				continue;
			}
			ids.add(found.id());
			if (found.dimension().single()) {
				themes++;
			}
		}
		if (themes != 1) {
			problems.add("codes", "validation.evidence.oneTheme");
		}
		problems.throwIfAny();
		return ids;
	}

	private void writeFinal(Actor actor, String codebook, long publicationId, Set<Long> ids, boolean reconciled) {
		jdbc.sql("""
				INSERT INTO evidence_final (codebook_code, publication_id, reconciled, settled_by, settled_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(codebook, publicationId, reconciled, actor.username(), Timestamp.from(clock.instant()))
			.update();
		long id = jdbc.sql("SELECT id FROM evidence_final WHERE codebook_code = ? AND publication_id = ?")
			.params(codebook, publicationId)
			.query(Long.class)
			.single();
		for (Long code : ids) {
			jdbc.sql("INSERT INTO evidence_final_code (final_id, code_id) VALUES (?, ?)").params(id, code).update();
		}
		if (reconciled) {
			audit.created(actor, "evidence_final", id, Codebooks.PATH,
					Map.of("codebook", codebook, "publication", publicationId, "reconciled", true));
		}
	}

	private long lastCoding(String codebook, long publicationId, String coder) {
		return jdbc.sql("SELECT id FROM evidence_coding WHERE codebook_code = ? AND publication_id = ? AND coder = ?")
			.params(codebook, publicationId, coder)
			.query(Long.class)
			.single();
	}

	/**
	 * Holds the publication's row until the end of the transaction, so that two coders
	 * saving at once are taken in turn.
	 */
	private void lock(long publicationId) {
		jdbc.sql("SELECT id FROM evidence_publication WHERE id = ? FOR UPDATE")
			.param(publicationId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("publication", publicationId));
	}

	private static String sorted(Collection<String> codes) {
		return String.join(", ", new TreeSet<>(codes));
	}

	private static void requireCoder(Actor actor) {
		if (!codes(actor)) {
			throw new NotPermittedException("code publications");
		}
	}

}
