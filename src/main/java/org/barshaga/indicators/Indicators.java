package org.barshaga.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.Decimals;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator catalogue and the values of its indicators. Users read values inside
 * their scope, and the values of the units above it by themselves for comparison;
 * researchers and the public read every place with small cells suppressed.
 */
@Service
public class Indicators {

	static final int MAX_DIMENSIONS = 2;

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private final IndicatorRepository repository;

	private final FactCache cache;

	private final AuditLog audit;

	private final Clock clock;

	Indicators(IndicatorRepository repository, FactCache cache, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.cache = cache;
		this.audit = audit;
		this.clock = clock;
	}

	public List<Indicator> catalogue() {
		return repository.all();
	}

	public Indicator indicator(String code) {
		return repository.all()
			.stream()
			.filter(i -> i.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("indicator", code));
	}

	public List<Target> targets() {
		return repository.targets();
	}

	/** The target for a unit and year: the unit's own, else the country's. */
	public Optional<Target> target(String indicator, int year, String unitCode) {
		List<Target> targets = repository.targets()
			.stream()
			.filter(t -> t.indicator().equals(indicator) && t.year() == year)
			.toList();
		return targets.stream()
			.filter(t -> t.unitCode().equals(unitCode))
			.findFirst()
			.or(() -> targets.stream().filter(t -> t.unitCode().equals("KZ")).findFirst());
	}

	public int currentYear() {
		return SchoolYear.of(LocalDate.now(clock)).startYear();
	}

	/** The school years shown on dashboards: the current one and the two before it. */
	public List<Integer> recentYears() {
		int current = currentYear();
		return List.of(current - 2, current - 1, current);
	}

	/**
	 * The values of an indicator for a place, or for each place below it, in a school
	 * year.
	 * @param actor the user, or none for the public
	 */
	public IndicatorResult values(Actor actor, String code, String orgUnit, int year, Level level, List<Dimension> by) {
		validYear(year);
		return values(actor, code, orgUnit, cache.facts(year), level, by);
	}

	/** The values from a year's facts: live ones, or those of a revision of record. */
	IndicatorResult values(Actor actor, String code, String orgUnit, YearFacts facts, Level level, List<Dimension> by) {
		Indicator indicator = indicator(code);
		checkDimensions(indicator, by);
		int year = facts.year;
		YearFacts.Place place = facts.placeByCode(orgUnit == null ? "KZ" : orgUnit.strip());
		boolean open = actor == null || actor.role() == Role.RESEARCHER;
		if (place == null
				|| !(open ? Suppression.publishable(indicator, facts, place.path()) : readable(actor, place, level))) {
			throw new NotFoundException("orgUnit", orgUnit);
		}
		List<IndicatorValue> values = Computation.compute(indicator, facts, place.path(), level == Level.CHILDREN, by);
		if (open) {
			values = Suppression.apply(indicator, facts, values, by);
		}
		return new IndicatorResult(indicator, year, facts.census, facts.referenceMonth,
				new PlaceName(place.code(), place.path(), place.name(), place.organisation()), level, by, values, open);
	}

	/** A unit in the actor's scope, or one above it asked for by itself. */
	private static boolean readable(Actor actor, YearFacts.Place place, Level level) {
		return actor.scope().contains(place.path())
				|| (level == Level.SELF && actor.scope().pathPrefix().startsWith(place.path()));
	}

	/** A place by its code, for the pages; none when it has no figures at all. */
	public Optional<PlaceName> place(String code, int year) {
		YearFacts.Place place = cache.facts(year).placeByCode(code);
		return Optional.ofNullable(place).map(p -> new PlaceName(p.code(), p.path(), p.name(), p.organisation()));
	}

	/**
	 * Every indicator of the catalogue for every unit of the country in a school year,
	 * recomputed from the registers: the facts are read again and every value formed.
	 * @return the number of values formed
	 */
	public int recomputeEverything(int year) {
		cache.forget();
		YearFacts facts = cache.current(year);
		int values = 0;
		for (Indicator indicator : catalogue()) {
			values += Computation.everyUnit(indicator, facts).size();
		}
		return values;
	}

	/**
	 * The measures' figures at every school of a school year, for rules that compare
	 * them; the caller limits what it shows to the user's scope. Read with every change
	 * committed before the call, never stale: a school checks its figures right after
	 * correcting them, and a submission is validated on them.
	 */
	public MeasureValues measureValues(int year) {
		validYear(year);
		return new MeasureValues(cache.current(year));
	}

	/** The value of an indicator for every unit of the country, by path. */
	public Map<String, IndicatorValue> everyUnit(String code, int year) {
		return Computation.everyUnit(indicator(code), cache.facts(year));
	}

	public List<Dimension> dimensions(String text) {
		List<Dimension> dimensions = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return dimensions;
		}
		for (String name : text.split(",")) {
			Dimension dimension = null;
			for (Dimension candidate : Dimension.values()) {
				if (candidate.name().equalsIgnoreCase(name.strip())) {
					dimension = candidate;
				}
			}
			if (dimension == null) {
				throw InvalidInputException.of("by", "validation.indicator.dimension", name.strip());
			}
			if (!dimensions.contains(dimension)) {
				dimensions.add(dimension);
			}
		}
		return dimensions;
	}

	public Level level(String text) {
		if (text == null || text.isBlank()) {
			return Level.SELF;
		}
		for (Level level : Level.values()) {
			if (level.name().equalsIgnoreCase(text.strip())) {
				return level;
			}
		}
		throw InvalidInputException.of("level", "validation.indicator.level", text.strip());
	}

	private void checkDimensions(Indicator indicator, List<Dimension> by) {
		if (by.size() > MAX_DIMENSIONS) {
			throw InvalidInputException.of("by", "validation.indicator.byTooMany", MAX_DIMENSIONS);
		}
		for (Dimension dimension : by) {
			if (!indicator.disaggregations().contains(dimension)) {
				throw InvalidInputException.of("by", "validation.indicator.by", dimension.name(), indicator.code());
			}
		}
	}

	void validYear(int year) {
		int current = currentYear();
		if (year < current - 10 || year > current) {
			throw InvalidInputException.of("year", "validation.indicator.year", year, current - 10, current);
		}
	}

	/**
	 * Adds an indicator built from the measures (administrators only). Refused with every
	 * problem named: unknown measures or dimensions, a share of unlike things, a filter
	 * that keeps nothing, or a disaggregation the numerator's data cannot support.
	 */
	@Transactional
	public Indicator define(Actor actor, IndicatorDraft draft) {
		if (actor.role() != Role.ADMIN) {
			throw new NotPermittedException("define indicators");
		}
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String code = draft.code() == null ? "" : draft.code().strip().toUpperCase(Locale.ROOT);
		if (!CODE.matcher(code).matches()) {
			problems.add("code", "validation.indicator.code");
		}
		else if (repository.exists(code)) {
			problems.add("code", "validation.indicator.codeTaken", code);
		}
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("nameKk", draft.nameKk());
		texts.put("nameRu", draft.nameRu());
		texts.put("nameEn", draft.nameEn());
		texts.put("descriptionKk", draft.descriptionKk());
		texts.put("descriptionRu", draft.descriptionRu());
		texts.put("descriptionEn", draft.descriptionEn());
		texts.forEach((field, text) -> {
			if (text == null || text.isBlank()) {
				problems.add(field, "validation.required");
			}
			else if (text.strip().length() > (field.startsWith("name") ? 300 : 2000)) {
				problems.add(field, "validation.tooLong", field.startsWith("name") ? 300 : 2000);
			}
		});
		IndicatorUnit unit = constant(IndicatorUnit.class, draft.unit(), "unit", problems);
		Better better = constant(Better.class, draft.better(), "better", problems);
		Measure numerator = constant(Measure.class, draft.numerator(), "numerator", problems);
		boolean hasDenominator = draft.denominator() != null && !draft.denominator().isBlank();
		Measure denominator = hasDenominator ? constant(Measure.class, draft.denominator(), "denominator", problems)
				: null;
		if (unit != null && unit.hasDenominator() && !hasDenominator) {
			problems.add("denominator", "validation.indicator.denominatorRequired");
		}
		if (unit != null && !unit.hasDenominator() && hasDenominator) {
			problems.add("denominator", "validation.indicator.denominatorNotAllowed");
		}
		if (unit == IndicatorUnit.SHARE && numerator != null && denominator != null
				&& numerator.subject() != denominator.subject()) {
			problems.add("denominator", "validation.indicator.subject", numerator.name(), denominator.name());
		}
		List<Filter> numeratorFilter = filters(draft.numeratorFilter(), "numeratorFilter", numerator, problems);
		List<Filter> denominatorFilter = filters(draft.denominatorFilter(), "denominatorFilter", denominator, problems);
		List<Dimension> disaggregations = new ArrayList<>();
		for (String name : draft.disaggregations()) {
			Dimension dimension = constant(Dimension.class, name, "disaggregations", problems);
			if (dimension != null && numerator != null && !numerator.dimensions().contains(dimension)) {
				problems.add("disaggregations", "validation.indicator.unsupported", dimension.name(), numerator.name());
			}
			else if (dimension != null && !disaggregations.contains(dimension)) {
				disaggregations.add(dimension);
			}
		}
		problems.throwIfAny();
		Indicator indicator = new Indicator(code, new LocalizedName(draft.nameKk(), draft.nameRu(), draft.nameEn()),
				new LocalizedName(draft.descriptionKk(), draft.descriptionRu(), draft.descriptionEn()), unit, numerator,
				numeratorFilter, denominator, denominatorFilter, disaggregations, better, 0, false);
		repository.insert(indicator, clock.instant(), actor.username());
		audit.created(actor, "indicator", code, "/KZ/",
				Map.of("unit", unit, "numerator", numerator + " " + String.valueOf(indicator.numeratorFilterText()),
						"denominator",
						String.valueOf(denominator) + " " + String.valueOf(indicator.denominatorFilterText()),
						"disaggregations", disaggregations));
		return indicator(code);
	}

	private static List<Filter> filters(String text, String field, Measure measure,
			InvalidInputException.Collector problems) {
		List<Filter> filters = Filter.parse(text, field, problems);
		for (Filter filter : filters) {
			if (measure != null && !measure.dimensions().contains(filter.dimension())) {
				problems.add(field, "validation.indicator.unsupported", filter.dimension().name(), measure.name());
			}
		}
		return filters;
	}

	private static <E extends Enum<E>> E constant(Class<E> type, String value, String field,
			InvalidInputException.Collector problems) {
		if (value == null || value.isBlank()) {
			problems.add(field, "validation.required");
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value.strip())) {
				return constant;
			}
		}
		problems.add(field, "validation.indicator.unknown", value.strip());
		return null;
	}

	/** Sets or clears (no value) the target of an indicator for a year and unit. */
	@Transactional
	public void setTarget(Actor actor, String code, int year, String unitCode, BigDecimal value) {
		if (actor.role() != Role.ADMIN && actor.role() != Role.MINISTRY) {
			throw new NotPermittedException("set targets");
		}
		Indicator indicator = indicator(code);
		validYearForTarget(year);
		YearFacts.Place place = cache.facts(currentYear()).placeByCode(unitCode == null ? "" : unitCode.strip());
		if (place == null || place.organisation()) {
			throw InvalidInputException.of("unit", "validation.indicator.targetUnit", unitCode);
		}
		if (value != null && (!Decimals.sized(value) || value.signum() < 0
				|| value.compareTo(BigDecimal.valueOf(1_000_000)) > 0)) {
			throw InvalidInputException.of("target", "validation.indicator.target", value);
		}
		BigDecimal before = target(indicator.code(), year, place.code()).filter(t -> t.unitCode().equals(place.code()))
			.map(Target::value)
			.orElse(null);
		repository.target(new Target(indicator.code(), year, place.code(), value), clock.instant(), actor.username());
		audit.updated(actor, "indicatorTarget", indicator.code() + "/" + year + "/" + place.code(), "/KZ/",
				Map.of("target", String.valueOf(before)), Map.of("target", String.valueOf(value)));
	}

	private void validYearForTarget(int year) {
		int current = currentYear();
		if (year < current - 10 || year > current + 10) {
			throw InvalidInputException.of("year", "validation.indicator.year", year, current - 10, current + 10);
		}
	}

}
