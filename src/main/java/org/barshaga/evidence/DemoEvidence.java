package org.barshaga.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's evidence bank: the studies about Kazakhstan that seed 000 and seed 001 cite,
 * with the two articles themselves, imported through {@link PublicationImport} from the
 * reference lists as the seeds print them (seed 000's as RIS, seed 001's as BibTeX, so
 * that the second finds its duplicates in the first), then coded by seed 000's scheme by
 * two demo coders through {@link Coding}: most codings agree, three disagreements are
 * settled, two are left for the reconciliation view, and three publications wait for a
 * second coder.
 */
@Component
@Profile("!cli")
@ConditionalOnBooleanProperty("barshaga.demo.enabled")
@Order(80)
class DemoEvidence implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoEvidence.class);

	static final Actor LIBRARIAN = new Actor(0, "demo-data", "Demo researcher", Role.RESEARCHER, DataScope.NATION);

	static final Actor FIRST = new Actor(0, "demo.coder.a", "Demo coder A", Role.RESEARCHER, DataScope.NATION);

	static final Actor SECOND = new Actor(0, "demo.coder.b", "Demo coder B", Role.MINISTRY, DataScope.NATION);

	static final Actor THIRD = new Actor(0, "demo.coder.c", "Demo coder C", Role.RESEARCHER, DataScope.NATION);

	private final PublicationImport importer;

	private final Coding coding;

	private final JdbcClient jdbc;

	DemoEvidence(PublicationImport importer, Coding coding, JdbcClient jdbc) {
		this.importer = importer;
		this.coding = coding;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		if (jdbc.sql("SELECT COUNT(*) FROM evidence_publication").query(Long.class).single() > 0) {
			return;
		}
		ImportReport ris = importer.importFile(LIBRARIAN, BibliographyFormat.RIS, "seed000-kazakhstan.ris",
				resource("seed000-kazakhstan.ris"), ImportMode.VALID_ROWS);
		ImportReport bib = importer.importFile(LIBRARIAN, BibliographyFormat.BIBTEX, "seed001-kazakhstan.bib",
				resource("seed001-kazakhstan.bib"), ImportMode.VALID_ROWS);
		Map<String, Long> byTitle = jdbc.sql("SELECT id, title_key FROM evidence_publication")
			.query((rs, n) -> Map.entry(rs.getString("title_key"), rs.getLong("id")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		int coded = 0;
		for (String line : new String(resource("coding.txt"), StandardCharsets.UTF_8).split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split("\\|", -1);
			Long id = find(byTitle, Keys.title(parts[0]));
			if (id == null) {
				log.warn("Demo evidence: no single publication starts with \"{}\"", parts[0]);
				continue;
			}
			coding.code(FIRST, Codebooks.SHIPPED, id, codes(parts[1]));
			if (!parts[2].strip().equals("-")) {
				coding.code(SECOND, Codebooks.SHIPPED, id, codes(parts[2]));
			}
			if (!parts[3].isBlank()) {
				coding.settle(THIRD, Codebooks.SHIPPED, id, codes(parts[3]));
			}
			coded++;
		}
		log.info("Demo data: evidence bank of {} publications ({} duplicates found), {} coded",
				ris.imported() + bib.imported(), ris.duplicates().size() + bib.duplicates().size(), coded);
	}

	/**
	 * The one publication whose title is the given start, else the one that starts with
	 * it.
	 */
	private static Long find(Map<String, Long> byTitle, String start) {
		if (byTitle.containsKey(start)) {
			return byTitle.get(start);
		}
		List<Long> found = byTitle.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith(start))
			.map(Map.Entry::getValue)
			.toList();
		return found.size() == 1 ? found.get(0) : null;
	}

	private static List<String> codes(String text) {
		return Arrays.stream(text.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
	}

	private static byte[] resource(String name) {
		try (InputStream in = DemoEvidence.class.getResourceAsStream("/evidence/demo/" + name)) {
			if (in == null) {
				throw new IllegalStateException("Missing demo resource " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
	}

}
