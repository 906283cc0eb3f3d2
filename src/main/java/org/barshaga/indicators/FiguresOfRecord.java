package org.barshaga.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of record: a school year's facts and every indicator's value at every
 * place, frozen when the Ministry accepts the year (revision 1) and again for each
 * correction afterwards (revision 2, 3 ...). A revision is never changed; values "as
 * approved" are computed from its frozen facts by the same code, with the same scope and
 * suppression, as live values are computed from the registers.
 */
@Service
public class FiguresOfRecord {

	/** At most this many differences are listed between two revisions. */
	public static final int MAX_DIFFERENCES = 5_000;

	private static final int REMEMBERED_REVISIONS = 4;

	public record Revision(int year, int revision, Instant frozenAt, String frozenBy, String reason, LocalDate census,
			int values, long bytes) {
	}

	/**
	 * A value that a revision changed: before is none for a new value, after none for a
	 * gone one.
	 */
	public record Difference(String indicator, String path, String orgUnit, boolean organisation,
			BigDecimal numeratorBefore, BigDecimal denominatorBefore, BigDecimal before, BigDecimal numeratorAfter,
			BigDecimal denominatorAfter, BigDecimal after) {

		/**
		 * How much the value moved; none when it appeared, went, or has no data on one
		 * side.
		 */
		public BigDecimal change() {
			return before == null || after == null ? null : after.subtract(before);
		}

	}

	/** Values with the revision they come from; none for live values. */
	public record AsOfValues(IndicatorResult result, Revision revision) {

		public boolean live() {
			return revision == null;
		}

	}

	private final Indicators indicators;

	private final FactCache cache;

	private final FigureRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	/**
	 * The facts of the revisions read last, by the whole revision: a revision frozen in a
	 * transaction that rolled back may be frozen again under its number, never at its
	 * time.
	 */
	private final Map<Revision, YearFacts> frozen = new LinkedHashMap<>(8, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Revision, YearFacts> eldest) {
			return size() > REMEMBERED_REVISIONS;
		}
	};

	FiguresOfRecord(Indicators indicators, FactCache cache, FigureRepository repository, AuditLog audit, Clock clock) {
		this.indicators = indicators;
		this.cache = cache;
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Freezes the school year's figures as its next revision: revision 1 at acceptance.
	 * The facts are read again from the registers first, so nothing stale is frozen.
	 * @param by who accepted or corrected
	 * @param reason why a later revision was made; none for an acceptance
	 */
	@Transactional
	public Revision freeze(int year, String by, String reason) {
		cache.forget();
		YearFacts facts = cache.current(year);
		int revision = repository.nextRevision(year);
		byte[] bytes = FrozenFacts.write(facts);
		List<Indicator> catalogue = indicators.catalogue();
		List<String> districts = districts(facts);
		int count = 0;
		List<List<IndicatorValue>> values = new ArrayList<>();
		for (Indicator indicator : catalogue) {
			Map<String, IndicatorValue> places = new LinkedHashMap<>(Computation.everyUnit(indicator, facts));
			for (String district : districts) {
				for (IndicatorValue value : Computation.compute(indicator, facts, district, true, List.of())) {
					if (value.organisation()) {
						places.put(value.path(), value);
					}
				}
			}
			List<IndicatorValue> rows = new ArrayList<>(places.values());
			rows.removeIf(v -> v.orgUnit() == null);
			values.add(rows);
			count += rows.size();
		}
		Revision frozenRevision = new Revision(year, revision, clock.instant(), by, reason, facts.census, count,
				bytes.length);
		repository.insert(frozenRevision, bytes);
		for (int i = 0; i < catalogue.size(); i++) {
			repository.insertValues(year, revision, catalogue.get(i).code(), values.get(i));
		}
		repository.refreshStatistics();
		return frozenRevision;
	}

	/**
	 * A correction after acceptance: the year's figures frozen again from today's
	 * registers as the next revision, with the reason (administrators and the Ministry).
	 */
	@Transactional
	public Revision revise(Actor actor, int year, String reason) {
		if (actor.role() != Role.ADMIN && actor.role() != Role.MINISTRY) {
			throw new NotPermittedException("revise the figures of record");
		}
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (reason == null || reason.isBlank()) {
			problems.add("reason", "validation.required");
		}
		else if (reason.strip().length() > 1000) {
			problems.add("reason", "validation.tooLong", 1000);
		}
		if (repository.revisions(year).isEmpty()) {
			problems.add("year", "validation.figures.noRecord", year);
		}
		problems.throwIfAny();
		Revision revision = freeze(year, actor.username(), reason.strip());
		audit.created(actor, "figureRevision", year + "/" + revision.revision(), "/KZ/",
				Map.of("reason", revision.reason(), "values", revision.values()));
		return revision;
	}

	/** The revisions of a school year, or of every year (none), the latest first. */
	public List<Revision> revisions(Integer year) {
		return repository.revisions(year);
	}

	/**
	 * What a revision changed against the one before it, inside the user's scope.
	 * Researchers read figures with small cells suppressed, so not value by value.
	 */
	public List<Difference> differences(Actor actor, int year, int revision) {
		if (actor.role() == Role.RESEARCHER) {
			throw new NotPermittedException("read differences of figures of record");
		}
		revision(year, String.valueOf(revision));
		return revision < 2 ? List.of() : repository.differences(year, revision, actor.scope(), MAX_DIFFERENCES);
	}

	/**
	 * The values of an indicator as of a revision: "live" (none) for the registers today,
	 * "approved" for the latest revision, or a revision's number.
	 */
	public AsOfValues values(Actor actor, String code, String orgUnit, int year, Level level, List<Dimension> by,
			String asOf) {
		if (live(asOf)) {
			return new AsOfValues(indicators.values(actor, code, orgUnit, year, level, by), null);
		}
		indicators.validYear(year);
		Revision revision = revision(year, asOf);
		return new AsOfValues(indicators.values(actor, code, orgUnit, frozenFacts(revision), level, by), revision);
	}

	/** Whether an "asOf" asks for live values: none, blank or "live". */
	public static boolean live(String asOf) {
		return asOf == null || asOf.isBlank() || asOf.strip().equalsIgnoreCase("live");
	}

	/**
	 * The revision an "asOf" names: "approved" for the latest, or a number; refused with
	 * the reason when the year has no figures of record or no such revision.
	 */
	public Revision revision(int year, String asOf) {
		List<Revision> revisions = repository.revisions(year);
		if (revisions.isEmpty()) {
			throw InvalidInputException.of("asOf", "validation.figures.noRecord", year);
		}
		String text = asOf.strip();
		if (text.equalsIgnoreCase("approved")) {
			return revisions.get(0);
		}
		if (!text.matches("[0-9]{1,6}")) {
			throw InvalidInputException.of("asOf", "validation.figures.asOf", text);
		}
		int number = Integer.parseInt(text);
		return revisions.stream()
			.filter(r -> r.revision() == number)
			.findFirst()
			.orElseThrow(() -> InvalidInputException.of("asOf", "validation.figures.noRevision", year, number,
					revisions.get(0).revision()));
	}

	private YearFacts frozenFacts(Revision revision) {
		synchronized (frozen) {
			YearFacts facts = frozen.get(revision);
			if (facts == null) {
				facts = FrozenFacts.read(repository.facts(revision.year(), revision.revision()));
				frozen.put(revision, facts);
			}
			return facts;
		}
	}

	/**
	 * The units two levels below the country: the organisations below each, at any depth,
	 * are its children in a computation.
	 */
	private static List<String> districts(YearFacts facts) {
		List<String> districts = new ArrayList<>();
		for (YearFacts.Place place : facts.places()) {
			if (!place.organisation() && Computation.depth(place.path()) == 2) {
				districts.add(place.path());
			}
		}
		districts.sort(null);
		return districts;
	}

}
