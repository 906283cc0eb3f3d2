package org.barshaga.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.TableStatistics;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a bibliography: reads the file in its format, checks every entry, finds the
 * duplicates (by DOI, else by title and year, against the bank and against earlier
 * entries of the same file), and writes the rest in one transaction, with one audit event
 * for the import. The keys of the bank are read once into memory: a bank of a hundred
 * thousand publications is a few megabytes, and one lookup per entry would be a query per
 * entry.
 */
@Service
public class PublicationImport {

	/** The largest file read: well above any real bibliography, far below the heap. */
	static final int MAX_BYTES = 64 * 1024 * 1024;

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AuditLog audit;

	private final Clock clock;

	private final TableStatistics statistics;

	PublicationImport(JdbcClient jdbc, JdbcTemplate template, AuditLog audit, Clock clock) {
		this.statistics = new TableStatistics(template);
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
		this.clock = clock;
	}

	/** Who may import: the roles that code (researchers and the Ministry). */
	static boolean imports(Actor actor) {
		return Coding.codes(actor);
	}

	@Transactional
	public ImportReport importFile(Actor actor, BibliographyFormat format, String fileName, byte[] content,
			ImportMode mode) {
		if (!imports(actor)) {
			throw new NotPermittedException("import a bibliography");
		}
		String text = decode(content);
		BibliographyFormat chosen = format != null ? format : BibliographyFormat.detect(fileName, text);
		List<Entry> entries = chosen.read(text);
		Map<String, Long> byDoi = new HashMap<>();
		Map<String, Long> byTitle = new HashMap<>();
		jdbc.sql("SELECT id, doi_key, title_key, pub_year FROM evidence_publication").query(rs -> {
			long id = rs.getLong("id");
			if (rs.getString("doi_key") != null) {
				byDoi.put(rs.getString("doi_key"), id);
			}
			byTitle.putIfAbsent(rs.getString("title_key") + "|" + rs.getInt("pub_year"), id);
		});
		Map<String, Integer> fileDoi = new HashMap<>();
		Map<String, Integer> fileTitle = new HashMap<>();
		List<Publication> accepted = new ArrayList<>();
		List<ImportReport.Duplicate> duplicates = new ArrayList<>();
		List<ImportReport.Problem> problems = new ArrayList<>();
		for (Entry entry : entries) {
			Publication publication = EntryCheck.check(entry);
			if (publication == null) {
				problems.addAll(entry.problems);
				continue;
			}
			String titleKey = publication.titleKey() + "|" + publication.year();
			if (publication.doiKey() != null
					&& (byDoi.containsKey(publication.doiKey()) || fileDoi.containsKey(publication.doiKey()))) {
				duplicates.add(new ImportReport.Duplicate(entry.number, entry.line, publication.title(), true,
						byDoi.get(publication.doiKey()), fileDoi.get(publication.doiKey())));
				continue;
			}
			if (byTitle.containsKey(titleKey) || fileTitle.containsKey(titleKey)) {
				duplicates.add(new ImportReport.Duplicate(entry.number, entry.line, publication.title(), false,
						byTitle.get(titleKey), fileTitle.get(titleKey)));
				continue;
			}
			if (publication.doiKey() != null) {
				fileDoi.put(publication.doiKey(), entry.number);
			}
			fileTitle.put(titleKey, entry.number);
			accepted.add(publication);
		}
		boolean commit = mode != ImportMode.ALL_OR_NOTHING || problems.isEmpty();
		if (commit) {
			insert(actor, accepted);
			statistics.refresh("evidence_publication");
		}
		audit.recorded(actor, AuditAction.IMPORT, "evidence_publication", null, Codebooks.PATH,
				"%s %s: %d entries, %d imported, %d duplicates, %d broken".formatted(chosen, shortName(fileName),
						entries.size(), commit ? accepted.size() : 0, duplicates.size(), problems.size()));
		return new ImportReport(chosen, mode, entries.size(), commit ? accepted.size() : 0, duplicates, problems,
				commit);
	}

	private static String shortName(String fileName) {
		return fileName == null ? "" : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
	}

	private void insert(Actor actor, List<Publication> publications) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> rows = new ArrayList<>(BATCH);
		for (Publication p : publications) {
			rows.add(new Object[] { p.doi(), p.doiKey(), p.title(), p.titleKey(), p.year(), p.authors(), p.journal(),
					p.language(), p.abstractText(), actor.username(), now });
			if (rows.size() == BATCH) {
				write(rows);
				rows.clear();
			}
		}
		if (!rows.isEmpty()) {
			write(rows);
		}
	}

	private void write(List<Object[]> rows) {
		template.batchUpdate("""
				INSERT INTO evidence_publication (doi, doi_key, title, title_key, pub_year, authors, journal,
				  language, abstract_text, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	/**
	 * The file as text: UTF-8 only (with or without its byte-order mark), and never a
	 * NUL, which PostgreSQL cannot store in text.
	 */
	static String decode(byte[] content) {
		if (content == null || content.length == 0) {
			throw InvalidInputException.of("file", "validation.evidence.file.empty");
		}
		if (content.length > MAX_BYTES) {
			throw InvalidInputException.of("file", "validation.evidence.file.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			throw InvalidInputException.of("file", "validation.evidence.file.encoding");
		}
		if (text.indexOf('\0') >= 0) {
			throw InvalidInputException.of("file", "validation.evidence.file.binary");
		}
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

}
