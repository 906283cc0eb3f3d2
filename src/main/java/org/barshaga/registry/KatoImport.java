package org.barshaga.registry;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SearchText;
import org.barshaga.registry.KatoFile.Row;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the official KATO classifier (CSV: code, parent code, Kazakh name, Russian
 * name). Units are matched by KATO code, or, the first time, by parent and name; matched
 * units are linked and renamed (keeping the old names in history), units under a new
 * parent are moved by closing the old unit and opening a new one, and unknown units are
 * added. Nothing is ever deleted: units absent from the file are listed, with whether
 * organisations depend on them. Any bad line stops the whole import; a dry run reports
 * what would change and changes nothing. Reading the file is {@link KatoFile}.
 */
@Service
public class KatoImport {

	private static final Pattern TYPE_WORDS = Pattern.compile(
			"(^|\\s)(область|облысы|район|ауданы|город|г\\.|каласы|қаласы|к\\.|region|district|city|обл\\.|р-н)(?=\\s|$)");

	private final OrgUnitRepository units;

	private final OrganisationRepository organisations;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	KatoImport(OrgUnitRepository units, OrganisationRepository organisations, JdbcClient jdbc,
			TransactionTemplate transactions, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.units = units;
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public enum ChangeKind {

		ADDED, LINKED, RENAMED, MOVED;

		public String messageKey() {
			return "kato.change." + name();
		}

	}

	public record Change(int line, ChangeKind kind, String unitCode, String katoCode, String before, String after) {
	}

	public record LineProblem(int line, String column, String value, String messageKey, List<Object> arguments) {
	}

	public record AbsentUnit(String code, LocalizedName name, String katoCode, boolean hasOrganisations) {
	}

	public record Report(int rows, List<LineProblem> problems, List<Change> changes, List<AbsentUnit> absent,
			boolean dryRun, boolean applied) {

		public long count(ChangeKind kind) {
			return changes.stream().filter(c -> c.kind() == kind).count();
		}

	}

	public Report run(Actor actor, InputStream csv, LocalDate effective, boolean dryRun) {
		if (actor.role() != Role.ADMIN) {
			throw new NotPermittedException("import the KATO classifier");
		}
		List<LineProblem> problems = new ArrayList<>();
		List<Row> rows = KatoFile.parse(csv, problems);
		List<Change> changes = new ArrayList<>();
		List<AbsentUnit> absent = new ArrayList<>();
		boolean applied = Boolean.TRUE.equals(transactions.execute(status -> {
			if (problems.isEmpty()) {
				apply(actor, rows, effective, changes, problems);
				absent.addAll(absentUnits(rows));
			}
			if (dryRun || !problems.isEmpty()) {
				status.setRollbackOnly();
				return false;
			}
			Map<ChangeKind, Long> counts = changes.stream()
				.collect(java.util.stream.Collectors.groupingBy(Change::kind, java.util.stream.Collectors.counting()));
			audit.recorded(actor, AuditAction.IMPORT, "kato-classifier", null, "/KZ/",
					"rows=%d changes=%s".formatted(rows.size(), counts));
			return true;
		}));
		return new Report(rows.size(), problems, changes, absent, dryRun, applied);
	}

	private void apply(Actor actor, List<Row> rows, LocalDate effective, List<Change> changes,
			List<LineProblem> problems) {
		Set<String> claimed = new HashSet<>();
		Instant now = Instant.now(clock);
		for (Row row : rows) {
			Optional<OrgUnit> parent = row.parentKato().isEmpty() ? units.find("KZ")
					: units.findByKato(row.parentKato());
			if (parent.isEmpty()) {
				problems.add(new LineProblem(row.line(), "parent_code", row.parentKato(), "kato.error.unknownParent",
						List.of()));
				continue;
			}
			Optional<OrgUnit> existing = units.findByKato(row.kato()).or(() -> matchByName(parent.get(), row, claimed));
			if (existing.isEmpty()) {
				add(actor, row, parent.get(), changes);
				continue;
			}
			OrgUnit unit = existing.get();
			claimed.add(unit.code());
			if (unit.katoCode() == null) {
				units.linkKato(unit.code(), row.kato());
				changes.add(new Change(row.line(), ChangeKind.LINKED, unit.code(), row.kato(), null, null));
			}
			LocalizedName newName = new LocalizedName(row.nameKk(), row.nameRu(), unit.name().en());
			if (!newName.equals(unit.name())) {
				units.rename(unit, newName, effective, actor.username(), now);
				audit.updated(actor, "org-unit", unit.code(), unit.path(),
						Map.of("nameKk", unit.name().kk(), "nameRu", unit.name().ru()),
						Map.of("nameKk", newName.kk(), "nameRu", newName.ru()));
				changes.add(new Change(row.line(), ChangeKind.RENAMED, unit.code(), row.kato(),
						unit.name().ru() + " / " + unit.name().kk(), newName.ru() + " / " + newName.kk()));
			}
			if (!parent.get().code().equals(unit.parentCode())) {
				move(actor, row, units.find(unit.code()).orElseThrow(), parent.get(), effective, changes);
			}
		}
	}

	private Optional<OrgUnit> matchByName(OrgUnit parent, Row row, Set<String> claimed) {
		String ru = core(row.nameRu());
		String kk = core(row.nameKk());
		return units.children(parent.code())
			.stream()
			.filter(u -> u.katoCode() == null && !u.isClosed() && !claimed.contains(u.code()))
			.filter(u -> core(u.name().ru()).equals(ru) || core(u.name().kk()).equals(kk))
			.findFirst();
	}

	/**
	 * A name without the words that say what kind of unit it is, folded for comparison.
	 */
	static String core(String name) {
		String folded = SearchText.fold(name).replaceAll("[«»\"'()]", " ");
		String previous;
		do {
			previous = folded;
			folded = TYPE_WORDS.matcher(folded).replaceAll(" ").strip();
		}
		while (!folded.equals(previous));
		return folded.replaceAll("\\s+", " ").replaceAll("(ский|ская|ской|ын|ин)$", "");
	}

	private void add(Actor actor, Row row, OrgUnit parent, List<Change> changes) {
		String code = "KATO-" + row.kato();
		OrgUnitKind kind = kindOf(row, parent);
		OrgUnit unit = new OrgUnit(code, parent.code(), kind, parent.path() + code + "/",
				new LocalizedName(row.nameKk(), row.nameRu(), KatoTransliteration.toLatin(row.nameKk())), row.kato(),
				LocalDate.now(clock), null);
		units.insert(unit);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("kato", row.kato());
		fields.put("parent", parent.code());
		fields.put("kind", kind.code());
		fields.put("nameKk", row.nameKk());
		fields.put("nameRu", row.nameRu());
		audit.created(actor, "org-unit", code, unit.path(), fields);
		changes
			.add(new Change(row.line(), ChangeKind.ADDED, code, row.kato(), null, row.nameRu() + " / " + row.nameKk()));
	}

	/**
	 * Moves a unit under a new parent: the old unit is closed on the effective date, a
	 * new unit takes over its KATO code, and everything beneath it (units, organisations,
	 * and through {@link ScopeMoved} whatever else is scoped by path) is carried to the
	 * new path.
	 */
	private void move(Actor actor, Row row, OrgUnit unit, OrgUnit newParent, LocalDate effective,
			List<Change> changes) {
		String code = "KATO-" + row.kato();
		if (units.find(code).isPresent()) {
			code = code + "-" + effective.getYear();
		}
		String newPath = newParent.path() + code + "/";
		jdbc.sql("UPDATE org_unit SET valid_to = :validTo, kato_code = NULL, version = version + 1 WHERE code = :code")
			.param("validTo", java.sql.Date.valueOf(effective))
			.param("code", unit.code())
			.update();
		units.insert(
				new OrgUnit(code, newParent.code(), unit.kind(), newPath, unit.name(), row.kato(), effective, null));
		int oldLength = unit.path().length();
		jdbc.sql("UPDATE org_unit SET parent_code = :newCode WHERE parent_code = :oldCode AND valid_to IS NULL")
			.param("newCode", code)
			.param("oldCode", unit.code())
			.update();
		unit.scope()
			.bind(jdbc.sql("UPDATE org_unit SET path = CONCAT(:newPath, SUBSTRING(path, :from)) WHERE "
					+ unit.scope().sql("path") + " AND code <> :oldCode AND valid_to IS NULL"))
			.param("newPath", newPath)
			.param("from", oldLength + 1)
			.param("oldCode", unit.code())
			.update();
		unit.scope()
			.bind(jdbc.sql("UPDATE organisation SET path = CONCAT(:newPath, SUBSTRING(path, :from)), "
					+ "org_unit_code = CASE WHEN org_unit_code = :oldCode THEN :newCode ELSE org_unit_code END, "
					+ "version = version + 1 WHERE " + unit.scope().sql("path")))
			.param("newPath", newPath)
			.param("from", oldLength + 1)
			.param("oldCode", unit.code())
			.param("newCode", code)
			.update();
		events.publishEvent(new ScopeMoved(unit.path(), newPath, unit.code(), code));
		audit.updated(actor, "org-unit", unit.code(), unit.path(), Map.of("parent", unit.parentCode(), "validTo", "∅"),
				Map.of("parent", newParent.code() + " (" + code + ")", "validTo", effective));
		changes.add(new Change(row.line(), ChangeKind.MOVED, code, row.kato(), unit.path(), newPath));
	}

	private static OrgUnitKind kindOf(Row row, OrgUnit parent) {
		String ru = row.nameRu().toLowerCase(Locale.ROOT);
		boolean city = ru.startsWith("г.") || ru.startsWith("город ") || ru.contains(" г.");
		return switch (row.level()) {
			case 1 -> city ? OrgUnitKind.CITY_OF_REPUBLICAN_SIGNIFICANCE : OrgUnitKind.REGION;
			case 2 -> parent.kind() == OrgUnitKind.CITY_OF_REPUBLICAN_SIGNIFICANCE ? OrgUnitKind.CITY_DISTRICT
					: city ? OrgUnitKind.CITY : OrgUnitKind.DISTRICT;
			case 3 ->
				(parent.kind() == OrgUnitKind.CITY || parent.kind() == OrgUnitKind.CITY_OF_REPUBLICAN_SIGNIFICANCE)
						&& ru.contains("район") ? OrgUnitKind.CITY_DISTRICT : OrgUnitKind.RURAL_DISTRICT;
			default -> OrgUnitKind.SETTLEMENT;
		};
	}

	private List<AbsentUnit> absentUnits(List<Row> rows) {
		Set<String> inFile = new HashSet<>();
		rows.forEach(r -> inFile.add(r.kato()));
		return units.all()
			.stream()
			.filter(u -> u.katoCode() != null && !u.isClosed() && !inFile.contains(u.katoCode()))
			.map(u -> new AbsentUnit(u.code(), u.name(), u.katoCode(), organisations.existsUnder(u.code())))
			.toList();
	}

}