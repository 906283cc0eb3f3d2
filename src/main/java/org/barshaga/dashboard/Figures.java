package org.barshaga.dashboard;

import java.math.BigDecimal;
import java.text.Collator;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.barshaga.indicators.Dimension;
import org.barshaga.indicators.Filter;
import org.barshaga.indicators.FiguresAsOf;
import org.barshaga.indicators.FiguresOfRecord;
import org.barshaga.indicators.Indicator;
import org.barshaga.indicators.IndicatorResult;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.Level;
import org.barshaga.indicators.Measure;
import org.barshaga.indicators.PlaceName;
import org.barshaga.indicators.Target;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.Role;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Forms the tables of the dashboards from the indicators, the same way for a page and for
 * its download, so that a file holds exactly the figures the page shows. Every figure
 * comes from {@link Indicators#values}, with the user's scope and suppression.
 */
@Component
class Figures {

	static final String NATION = "KZ";

	/** The indicators of the overview, in this order where the catalogue has them. */
	static final List<String> KEY = List.of("COND_REPORTED", "COND_MEASURED", "SEN_INCLUSIVE", "SUPPORT_COVERAGE",
			"SUPPORT_HOURS", "SPECIALISTS", "TRAINED_TEACHERS", "PROGRESS");

	private final Indicators indicators;

	private final MessageSource messages;

	private final FiguresOfRecord recorded;

	Figures(Indicators indicators, MessageSource messages, FiguresOfRecord recorded) {
		this.indicators = indicators;
		this.messages = messages;
		this.recorded = recorded;
	}

	/**
	 * The user, school year and language of one page or download, with the catalogue read
	 * once.
	 * @param year the school year asked for, or none for the current one; only the recent
	 * years are shown
	 */
	Context context(Actor actor, Integer year, String asOf, Locale locale) {
		List<Integer> years = indicators.recentYears();
		int chosen = year == null ? indicators.currentYear() : year;
		if (!years.contains(chosen)) {
			throw new NotFoundException("school year", chosen);
		}
		Map<String, Indicator> catalogue = new LinkedHashMap<>();
		for (Indicator indicator : indicators.catalogue()) {
			catalogue.put(indicator.code(), indicator);
		}
		FiguresAsOf figuresAsOf = FiguresAsOf.of(recorded, chosen, asOf);
		return new Context(actor, chosen, years, locale, catalogue, figuresAsOf);
	}

	/** The context of one request. */
	final class Context {

		final Actor actor;

		final int year;

		final List<Integer> years;

		final Locale locale;

		final Map<String, Indicator> catalogue;

		final PlaceName home;

		private final boolean open;

		final Collator collator;

		/** Live figures, or the figures of record of the chosen year as of a revision. */
		final FiguresAsOf asOf;

		private List<Target> targets;

		private Context(Actor actor, int year, List<Integer> years, Locale locale, Map<String, Indicator> catalogue,
				FiguresAsOf asOf) {
			this.asOf = asOf;
			this.actor = actor;
			this.year = year;
			this.years = years;
			this.locale = locale;
			this.catalogue = catalogue;
			this.open = actor.role() == Role.RESEARCHER;
			this.collator = Collator.getInstance(locale);
			this.home = home();
		}

		/**
		 * The place of the user's scope; for a scope that is not a place with figures
		 * (such as a PMPC) the nearest place above it, else the country.
		 */
		private PlaceName home() {
			if (open) {
				return place(NATION, year);
			}
			String[] codes = actor.scope().pathPrefix().substring(1).split("/");
			for (int i = codes.length - 1; i >= 0; i--) {
				PlaceName place = place(codes[i], year);
				if (place != null) {
					return place;
				}
			}
			return place(NATION, year);
		}

		private PlaceName place(String code, int year) {
			return indicators.place(code, year).orElse(null);
		}

		/**
		 * The query of the school year and the figures chosen, for links that keep both.
		 */
		String yearQuery() {
			return "year=" + year + (asOf.param() == null ? "" : "&asOf=" + asOf.param());
		}

		Indicator indicator(String code) {
			Indicator indicator = code == null ? null : catalogue.get(code.strip());
			if (indicator == null) {
				throw new NotFoundException("indicator", code);
			}
			return indicator;
		}

		/** The first indicator of the catalogue, or the one asked for. */
		Indicator indicatorOrFirst(String code) {
			if (code == null || code.isBlank()) {
				return catalogue.values()
					.stream()
					.findFirst()
					.orElseThrow(() -> new NotFoundException("indicator", ""));
			}
			return indicator(code);
		}

		List<Indicator> key() {
			return KEY.stream().filter(catalogue::containsKey).map(catalogue::get).toList();
		}

		/**
		 * A place the user may look at: inside their scope, their own place, or any for
		 * researchers; none is the user's own place.
		 */
		PlaceName place(String code) {
			if (code == null || code.isBlank()) {
				return home;
			}
			PlaceName place = place(code.strip(), year);
			if (place == null || !visible(place)) {
				throw new NotFoundException("orgUnit", code);
			}
			return place;
		}

		boolean visible(PlaceName place) {
			return open || actor.scope().contains(place.path()) || place.path().equals(home.path());
		}

		/** Whether the places below a place may be shown. */
		boolean childrenVisible(PlaceName place) {
			return open || actor.scope().contains(place.path());
		}

		boolean belowNation(PlaceName place) {
			return !place.code().equals(NATION);
		}

		PlaceName nation() {
			return place(NATION, year);
		}

		/**
		 * The places from the country down to this one, linked where the user may look.
		 */
		List<Crumb> crumbs(PlaceName place, java.util.function.Function<String, String> href) {
			List<Crumb> crumbs = new ArrayList<>();
			for (String code : place.path().substring(1).split("/")) {
				PlaceName step = place(code, year);
				if (step == null) {
					continue;
				}
				boolean current = step.path().equals(place.path());
				crumbs.add(new Crumb(name(step.name()), visible(step) ? href.apply(step.code()) : null, current));
			}
			return crumbs;
		}

		Optional<Target> target(String code, PlaceName place) {
			if (targets == null) {
				targets = indicators.targets();
			}
			// As Indicators.target: the unit's own target, else the country's.
			List<Target> matching = targets.stream()
				.filter(t -> t.indicator().equals(code) && t.year() == year)
				.toList();
			return matching.stream()
				.filter(t -> t.unitCode().equals(place.code()))
				.findFirst()
				.or(() -> matching.stream().filter(t -> t.unitCode().equals(NATION)).findFirst());
		}

		/** A day in the user's language and the country's time zone. */
		String date(java.time.Instant instant) {
			return instant.atZone(java.time.ZoneId.of("Asia/Almaty"))
				.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
		}

		String text(String key, Object... arguments) {
			return messages.getMessage(key, arguments, locale);
		}

		String name(LocalizedName name) {
			return name == null ? "" : name.in(locale);
		}

		String number(BigDecimal number) {
			if (number == null) {
				return "";
			}
			NumberFormat format = NumberFormat.getNumberInstance(locale);
			format.setMinimumFractionDigits(Math.max(0, number.scale()));
			format.setMaximumFractionDigits(Math.max(0, number.scale()));
			return format.format(number);
		}

		/** A value with its unit: 23.5%, 14.8 per 1,000, 0.63. */
		String value(Indicator indicator, BigDecimal value) {
			return text("dashboard.value." + indicator.unit().name(), number(value));
		}

		/** A difference of two values: percentage points for a share. */
		String difference(Indicator indicator, BigDecimal difference) {
			return text("dashboard.difference." + indicator.unit().name(), number(difference));
		}

		String yearName(int year) {
			return year + "–" + (year + 1);
		}

		String measure(Measure measure, List<Filter> filters) {
			String name = text(measure.messageKey());
			if (filters.isEmpty()) {
				return name;
			}
			String kept = filters.stream()
				.map(f -> f.dimension()
					.codes()
					.stream()
					.filter(f.values()::contains)
					.map(v -> text(f.dimension().messageKey(v)))
					.collect(Collectors.joining(", ")))
				.collect(Collectors.joining("; "));
			return text("dashboard.filtered", name, kept);
		}

		String numeratorLabel(Indicator indicator) {
			return measure(indicator.numerator(), indicator.numeratorFilter());
		}

		String denominatorLabel(Indicator indicator) {
			return indicator.denominator() == null ? null
					: measure(indicator.denominator(), indicator.denominatorFilter());
		}

		String dimensionValue(Dimension dimension, String value) {
			return "UNKNOWN".equals(value) ? text("indicator.value.UNKNOWN") : text(dimension.messageKey(value));
		}

		/**
		 * The figures of an indicator as text; none stands for a place without figures.
		 */
		FigureCell cell(Indicator indicator, IndicatorValue value) {
			if (value == null) {
				String noData = text("dashboard.note.noData");
				return new FigureCell(null, null, null, "", "", noData, noData, false);
			}
			if (value.suppressed()) {
				String suppressed = text("dashboard.note.suppressed");
				return new FigureCell(null, null, null, suppressed, suppressed, suppressed, suppressed, true);
			}
			String noData = value.value() == null ? text("dashboard.note.noData") : null;
			return new FigureCell(value.numerator(), value.denominator(), value.value(), number(value.numerator()),
					indicator.unit().hasDenominator() ? number(value.denominator()) : "",
					noData == null ? value(indicator, value.value()) : noData, noData, false);
		}

		private final Map<Question, IndicatorResult> asked = new ConcurrentHashMap<>();

		/** The values, each asked for once in a request. */
		IndicatorResult values(Indicator indicator, String unit, int year, Level level, List<Dimension> by) {
			Question question = new Question(indicator, unit, year, level, by);
			IndicatorResult result = asked.get(question);
			if (result == null) {
				result = asOf.recordOf(year)
						? recorded.values(actor, indicator.code(), unit, year, level, by, asOf.param()).result()
						: indicators.values(actor, indicator.code(), unit, year, level, by);
				asked.put(question, result);
			}
			return result;
		}

		/**
		 * Asks for the values that tables will need all at once, on the available cores:
		 * each is a pass over the year's facts. A question the engine refuses is left for
		 * the table to ask again and fail on.
		 */
		void prefetch(List<Question> questions) {
			new LinkedHashSet<>(questions).parallelStream().forEach(q -> {
				try {
					values(q.indicator(), q.unit(), q.year(), q.level(), q.by());
				}
				catch (RuntimeException refused) {
					// asked again, and reported, where the table is formed
				}
			});
		}

		IndicatorValue total(Indicator indicator, PlaceName place, int year) {
			if (!exists(place, year)) {
				return null;
			}
			return values(indicator, place.code(), year, Level.SELF, List.of()).total();
		}

		/** Whether a place has figures in a school year (a school may be new). */
		boolean exists(PlaceName place, int year) {
			return year == this.year || place(place.code(), year) != null;
		}

	}

	/** One call of {@link Indicators#values}. */
	record Question(Indicator indicator, String unit, int year, Level level, List<Dimension> by) {
	}

	/** The values a table will ask for, so that a page can ask for them at once. */
	List<Question> questions(Context c, Ask ask) {
		List<Question> questions = new ArrayList<>();
		PlaceName place = c.place(ask.unit());
		List<Dimension> dimensions = ask.by() == null ? List.of() : List.of(ask.by());
		for (String code : ask.codes()) {
			Indicator indicator = c.catalogue.get(code);
			if (indicator == null) {
				continue;
			}
			switch (ask.view()) {
				case CHILDREN -> {
					questions.add(new Question(indicator, place.code(), c.year, Level.CHILDREN, dimensions));
					questions.add(new Question(indicator, place.code(), c.year, Level.SELF, dimensions));
				}
				case SELF -> {
					questions.add(new Question(indicator, place.code(), c.year, Level.SELF, dimensions));
					if (ask.by() != null && !ask.longLayout()) {
						questions.add(new Question(indicator, place.code(), c.year, Level.SELF, List.of()));
					}
				}
				case TREND -> {
					for (int year : c.years) {
						if (c.exists(place, year)) {
							questions.add(new Question(indicator, place.code(), year, Level.SELF, List.of()));
						}
					}
					if (c.belowNation(place)) {
						questions.add(new Question(indicator, NATION, c.year, Level.SELF, List.of()));
					}
				}
			}
		}
		return questions;
	}

	/**
	 * Forms a table.
	 * @param link where the names of the places below lead
	 */
	FigureTable table(Context c, Ask ask, String id, String caption, Link link) {
		return TableForm.table(c, ask, id, caption, link);
	}

	/**
	 * @param year the query of the school year and the figures chosen
	 * ({@link Context#yearQuery})
	 */
	static String href(Link link, Indicator indicator, String code, String year) {
		return switch (link) {
			case EXPLORE -> "/dashboards/explore?indicator=" + indicator.code() + "&unit=" + code + "&" + year;
			case GAPS -> "/dashboards/gaps?unit=" + code + "&" + year;
			case NONE -> null;
		};
	}

}
