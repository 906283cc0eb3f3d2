package org.barshaga.evidence;

import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.ResultPage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publications as a coder meets them: those still to code by the coder (fewer than
 * two codings, none of them the coder's), those whose two codings disagree and wait to be
 * settled, or all of them, each with where it stands.
 */
@Service
public class CodingQueue {

	public static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	CodingQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public enum Filter {

		TO_CODE, DISAGREEMENTS, ALL

	}

	public record Row(Publication publication, int codings, boolean mine, boolean settled) {

		public boolean waitsForSettlement() {
			return codings == 2 && !settled;
		}

	}

	@Transactional(readOnly = true)
	public ResultPage<Row> page(Actor actor, String codebook, Filter filter, int page) {
		String where = switch (filter) {
			case TO_CODE -> "WHERE codings < 2 AND mine = 0";
			case DISAGREEMENTS -> "WHERE codings = 2 AND settled = 0";
			case ALL -> "";
		};
		String from = """
				FROM (SELECT p.id, p.doi, p.doi_key, p.title, p.title_key, p.pub_year, p.authors, p.journal,
				        p.language,
				        (SELECT COUNT(*) FROM evidence_coding c WHERE c.codebook_code = :codebook
				           AND c.publication_id = p.id) AS codings,
				        (SELECT COUNT(*) FROM evidence_coding c WHERE c.codebook_code = :codebook
				           AND c.publication_id = p.id AND c.coder = :coder) AS mine,
				        (SELECT COUNT(*) FROM evidence_final f WHERE f.codebook_code = :codebook
				           AND f.publication_id = p.id) AS settled
				      FROM evidence_publication p) q
				""" + where;
		long total = jdbc.sql("SELECT COUNT(*) " + from)
			.param("codebook", codebook)
			.param("coder", actor.username())
			.query(Long.class)
			.single();
		int safePage = Math.max(0, page);
		List<Row> rows = jdbc.sql("SELECT * " + from + " ORDER BY pub_year, id LIMIT :limit OFFSET :offset")
			.param("codebook", codebook)
			.param("coder", actor.username())
			.param("limit", PAGE_SIZE)
			.param("offset", (long) safePage * PAGE_SIZE)
			.query((rs, n) -> new Row(
					new Publication(rs.getLong("id"), rs.getString("doi"), rs.getString("doi_key"),
							rs.getString("title"), rs.getString("title_key"), rs.getInt("pub_year"),
							rs.getString("authors"), rs.getString("journal"), rs.getString("language"), null),
					rs.getInt("codings"), rs.getInt("mine") > 0, rs.getInt("settled") > 0))
			.list();
		return new ResultPage<>(rows, safePage, PAGE_SIZE, total);
	}

	@Transactional(readOnly = true)
	public Publication publication(long id) {
		return jdbc.sql("""
				SELECT id, doi, doi_key, title, title_key, pub_year, authors, journal, language, abstract_text
				FROM evidence_publication WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new Publication(rs.getLong("id"), rs.getString("doi"), rs.getString("doi_key"),
					rs.getString("title"), rs.getString("title_key"), rs.getInt("pub_year"), rs.getString("authors"),
					rs.getString("journal"), rs.getString("language"), rs.getString("abstract_text")))
			.optional()
			.orElseThrow(() -> new NotFoundException("publication", id));
	}

}
