package org.barshaga.evidence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The codebooks, held as data. The shipped one is seed 000's; an administrator adds codes
 * to a codebook (each addition raises its version) or defines a new one. A code is never
 * removed or renamed, so that every coding made against it keeps its meaning.
 */
@Service
public class Codebooks {

	public static final String SHIPPED = "SEED000";

	/**
	 * The place the audit log files the evidence bank's changes under: the bank is
	 * national, it belongs to no school or unit below the country.
	 */
	static final String PATH = org.barshaga.kernel.DataScope.NATION.pathPrefix();

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Codebooks(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A code to add: names in the three languages, and for a claim its strength. */
	public record CodeDraft(Dimension dimension, String code, LocalizedName name, Strength strength,
			LocalizedName reasoning) {
	}

	public List<String> codes() {
		return jdbc.sql("SELECT code FROM evidence_codebook ORDER BY code").query(String.class).list();
	}

	@Transactional(readOnly = true)
	public Codebook get(String code) {
		Codebook head = jdbc.sql("""
				SELECT code, name_kk, name_ru, name_en, source, year_from, year_to, version
				FROM evidence_codebook WHERE code = ?""")
			.param(code)
			.query((rs, n) -> new Codebook(rs.getString("code"),
					new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
					rs.getString("source"), (Integer) rs.getObject("year_from"), (Integer) rs.getObject("year_to"),
					rs.getInt("version"), List.of()))
			.optional()
			.orElseThrow(() -> new NotFoundException("codebook", code));
		List<Code> codes = jdbc.sql("""
				SELECT id, dimension, code, position, name_kk, name_ru, name_en, strength,
				       reasoning_kk, reasoning_ru, reasoning_en
				FROM evidence_code WHERE codebook_code = ? ORDER BY dimension, position, id""")
			.param(code)
			.query((rs, n) -> new Code(rs.getLong("id"), Dimension.valueOf(rs.getString("dimension")),
					rs.getString("code"), rs.getInt("position"),
					new LocalizedName(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
					rs.getString("strength") == null ? null : Strength.valueOf(rs.getString("strength")),
					rs.getString("reasoning_kk") == null ? null
							: new LocalizedName(rs.getString("reasoning_kk"), rs.getString("reasoning_ru"),
									rs.getString("reasoning_en"))))
			.list();
		return new Codebook(head.code(), head.name(), head.source(), head.yearFrom(), head.yearTo(), head.version(),
				codes);
	}

	/** A new, empty codebook; codes are then added one by one. */
	@Transactional
	public void define(Actor actor, String code, LocalizedName name, String source, Integer yearFrom, Integer yearTo) {
		requireAdministrator(actor);
		if (code == null || !CODE.matcher(code).matches()) {
			throw InvalidInputException.of("code", "validation.evidence.codeFormat");
		}
		if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
			throw InvalidInputException.of("yearTo", "validation.evidence.yearOrder");
		}
		if (jdbc.sql("SELECT COUNT(*) FROM evidence_codebook WHERE code = ?")
			.param(code)
			.query(Long.class)
			.single() > 0) {
			throw InvalidInputException.of("code", "validation.evidence.codebookExists", code);
		}
		jdbc.sql("""
				INSERT INTO evidence_codebook (code, name_kk, name_ru, name_en, source, year_from, year_to, version,
				  created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)""")
			.params(code, name.kk(), name.ru(), name.en(), source, yearFrom, yearTo, now())
			.update();
		audit.created(actor, "evidence_codebook", code, Codebooks.PATH, Map.of("name", name.en()));
	}

	/** Adds a code to a codebook and raises its version. */
	@Transactional
	public Code addCode(Actor actor, String codebook, CodeDraft draft) {
		requireAdministrator(actor);
		Codebook book = get(codebook);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (draft.dimension() == null) {
			problems.add("dimension", "validation.evidence.dimension");
		}
		if (draft.code() == null || !CODE.matcher(draft.code()).matches()) {
			problems.add("code", "validation.evidence.codeFormat");
		}
		else if (book.code(draft.code()).isPresent()) {
			problems.add("code", "validation.evidence.codeExists", draft.code());
		}
		if (draft.name() == null) {
			problems.add("name", "validation.evidence.nameRequired");
		}
		if (draft.dimension() == Dimension.CLAIM && draft.strength() == null) {
			problems.add("strength", "validation.evidence.strengthRequired");
		}
		if (draft.dimension() != null && draft.dimension() != Dimension.CLAIM
				&& (draft.strength() != null || draft.reasoning() != null)) {
			problems.add("strength", "validation.evidence.strengthOnlyForClaims");
		}
		problems.throwIfAny();
		int version = book.version() + 1;
		int position = book.of(draft.dimension()).stream().mapToInt(Code::position).max().orElse(0) + 1;
		LocalizedName reasoning = draft.reasoning();
		jdbc.sql("""
				INSERT INTO evidence_code (codebook_code, dimension, code, position, name_kk, name_ru, name_en,
				  strength, reasoning_kk, reasoning_ru, reasoning_en, added_in_version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(codebook, draft.dimension().name(), draft.code(), position, draft.name().kk(), draft.name().ru(),
					draft.name().en(), draft.strength() == null ? null : draft.strength().name(),
					reasoning == null ? null : reasoning.kk(), reasoning == null ? null : reasoning.ru(),
					reasoning == null ? null : reasoning.en(), version)
			.update();
		jdbc.sql("UPDATE evidence_codebook SET version = ? WHERE code = ?").params(version, codebook).update();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("dimension", draft.dimension());
		values.put("code", draft.code());
		values.put("strength", draft.strength());
		values.put("version", version);
		audit.created(actor, "evidence_code", codebook + "/" + draft.code(), Codebooks.PATH, values);
		return get(codebook).code(draft.code()).orElseThrow();
	}

	static boolean administers(Actor actor) {
		return actor.is(Role.ADMIN);
	}

	private static void requireAdministrator(Actor actor) {
		if (!administers(actor)) {
			throw new NotPermittedException("edit a codebook");
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
