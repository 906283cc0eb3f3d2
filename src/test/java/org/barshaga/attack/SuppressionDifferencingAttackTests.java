package org.barshaga.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.barshaga.indicators.Dimension;
import org.barshaga.indicators.Filter;
import org.barshaga.indicators.Indicator;
import org.barshaga.indicators.IndicatorResult;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.Level;
import org.barshaga.indicators.Measure;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.Role;
import org.barshaga.support.BarshagaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A differencing attack on small-cell suppression, as researchers and the public can make
 * it: ask every breakdown (no dimension, each one, each pair) of several indicators for
 * the country, every region, every district and every school, keep every figure
 * published, write down every sum that must hold between them (a cell is the sum of its
 * cells by one more dimension; a place is the sum of the places below it plus its own
 * rows; a cell missing from an answer is zero), and narrow every unknown to the range
 * those sums and non-negativity allow. A suppressed cell whose range closes on a number
 * above zero has been recovered.
 */
@BarshagaTest
class SuppressionDifferencingAttackTests {

	private static final Actor RESEARCHER = new Actor(0, "attack.researcher", "Researcher", Role.RESEARCHER,
			DataScope.NATION);

	private static final Actor MINISTRY = new Actor(0, "attack.ministry", "Ministry", Role.MINISTRY, DataScope.NATION);

	private static final List<String> INDICATORS = List.of("SEN_INCLUSIVE", "SEN_BY_FORM", "PROCESS_CONSENT",
			"SPECIALISTS", "OUT_OF_SCHOOL");

	/**
	 * Full-time equivalents of specialists lacking, from the children's conclusions, and
	 * the children behind them, by whom its cells are judged.
	 */
	private static final List<String> STAFFING_GAP = List.of("SPECIALIST_GAP", "SPECIALIST_SHORT_LEARNERS");

	/**
	 * What a figure of staff rests on: the children whose conclusions call for it. An FTE
	 * recovered exactly discloses as much as the count of those children would.
	 */
	private static final Map<Measure, Measure> CHILDREN_BEHIND = Map.of(Measure.SPECIALIST_FTE_GAP,
			Measure.SPECIALIST_GAP_LEARNERS, Measure.SPECIALIST_FTE_NEEDED, Measure.SPECIALIST_NEED_LEARNERS);

	@Autowired
	Indicators indicators;

	@Test
	void researchersRecoverNoSuppressedCellByDifferencing() {
		Attack attack = attack(RESEARCHER);
		assertThat(attack.suppressed).as("the attack meets suppressed cells").isNotEmpty();
		assertThat(attack.disclosed())
			.as("small cells disclosed (larger hidden cells recovered exactly: %d)", attack.recovered().size())
			.isEmpty();
	}

	@Test
	void thePublicSeesWhatResearchersSeeAndRecoversNothing() {
		int year = indicators.currentYear();
		for (String code : INDICATORS) {
			Indicator indicator = indicators.indicator(code);
			for (List<Dimension> by : breakdowns(indicator)) {
				for (String unit : List.of("KZ", "KZ-61", "KZ-75")) {
					for (Level level : Level.values()) {
						assertThat(answer(null, code, unit, year, level, by)).as("%s %s %s %s", code, unit, level, by)
							.isEqualTo(answer(RESEARCHER, code, unit, year, level, by));
					}
				}
			}
		}
		assertThat(attack(null).disclosed()).as("small cells disclosed").isEmpty();
	}

	@Test
	void researchersRecoverNoHiddenStaffingGap() {
		Attack attack = attack(RESEARCHER, STAFFING_GAP);
		assertThat(attack.suppressed).as("the attack meets suppressed cells").isNotEmpty();
		assertThat(attack.disclosed()).as("staffing gaps of few children disclosed").isEmpty();
	}

	@Test
	void researchersGetNoSchoolFiguresOfChildren() {
		int year = indicators.currentYear();
		String district = "KZ-61-D08";
		assertThat(indicators
			.values(RESEARCHER, "SPECIALIST_GAP", district, year, Level.CHILDREN, List.of(Dimension.SPECIALIST))
			.values()).as("staff needed comes from children's conclusions: no school's figure").isEmpty();
		assertThat(indicators.values(RESEARCHER, "SEN_BY_FORM", district, year, Level.CHILDREN, List.of()).values())
			.isEmpty();
		assertThat(indicators.values(MINISTRY, "SEN_BY_FORM", district, year, Level.CHILDREN, List.of()).values())
			.isNotEmpty();
		assertThat(indicators.values(RESEARCHER, "COND_REPORTED", district, year, Level.CHILDREN, List.of()).values())
			.as("schools' own figures count no child")
			.isNotEmpty();
	}

	private List<String> answer(Actor actor, String code, String unit, int year, Level level, List<Dimension> by) {
		try {
			return indicators.values(actor, code, unit, year, level, by)
				.values()
				.stream()
				.map(v -> v.orgUnit() + v.by() + v.numerator() + "/" + v.denominator() + "/" + v.suppressed())
				.toList();
		}
		catch (NotFoundException ex) {
			return List.of("not found");
		}
	}

	private Attack attack(Actor reader) {
		return attack(reader, INDICATORS);
	}

	private Attack attack(Actor reader, List<String> codes) {
		int year = indicators.currentYear();
		Attack attack = new Attack();
		for (String code : codes) {
			Indicator indicator = indicators.indicator(code);
			List<IndicatorValue> regions = indicators.values(MINISTRY, code, "KZ", year, Level.CHILDREN, List.of())
				.values();
			List<String> places = new ArrayList<>(List.of("KZ"));
			regions.forEach(region -> places.add(region.orgUnit()));
			// the schools of every district of the regions with figures
			for (String region : regions.stream()
				.filter(r -> r.numerator().signum() > 0)
				.map(IndicatorValue::orgUnit)
				.toList()) {
				indicators.values(MINISTRY, code, region, year, Level.CHILDREN, List.of())
					.values()
					.forEach(district -> places.add(district.orgUnit()));
			}
			for (List<Dimension> by : breakdowns(indicator)) {
				attack.ask(indicators, reader, indicator, "KZ", year, Level.SELF, by);
				for (String place : places) {
					attack.ask(indicators, reader, indicator, place, year, Level.CHILDREN, by);
				}
			}
		}
		attack.solve();
		return attack;
	}

	private static List<List<Dimension>> breakdowns(Indicator indicator) {
		List<Dimension> dimensions = indicator.disaggregations();
		List<List<Dimension>> breakdowns = new ArrayList<>();
		breakdowns.add(List.of());
		for (int i = 0; i < dimensions.size(); i++) {
			breakdowns.add(List.of(dimensions.get(i)));
			for (int j = i + 1; j < dimensions.size(); j++) {
				breakdowns.add(List.of(dimensions.get(i), dimensions.get(j)));
			}
		}
		return breakdowns;
	}

	/**
	 * What the attacker knows: a range for every unknown (a measure at a place, with some
	 * dimensions fixed), and the sums between them. The true values, asked as the
	 * Ministry, check that every range the attack narrows holds the truth.
	 */
	static final class Attack {

		final Map<String, double[]> ranges = new java.util.HashMap<>();

		final Map<String, Double> truth = new java.util.HashMap<>();

		final Map<String, String> suppressed = new TreeMap<>();

		final Map<String, Measure> measures = new java.util.HashMap<>();

		final Map<String, Set<String>> childrenOf = new TreeMap<>();

		final Map<String, String> parentOf = new TreeMap<>();

		void ask(Indicators indicators, Actor reader, Indicator indicator, String place, int year, Level level,
				List<Dimension> by) {
			IndicatorResult published;
			try {
				published = indicators.values(reader, indicator.code(), place, year, level, by);
			}
			catch (NotFoundException ex) {
				return;
			}
			if (published.values().isEmpty()) {
				return;
			}
			Set<String> shown = new java.util.HashSet<>();
			published.values().forEach(value -> shown.add(value.path()));
			IndicatorResult truthful = indicators.values(MINISTRY, indicator.code(), place, year, level, by);
			String parentPath = truthful.place().path();
			for (IndicatorValue value : truthful.values()) {
				if (!shown.contains(value.path())) {
					continue;
				}
				if (level == Level.CHILDREN) {
					childrenOf.computeIfAbsent(parentPath, k -> new java.util.TreeSet<>()).add(value.path());
					parentOf.put(value.path(), parentPath);
				}
				truth.put(key(indicator.numerator(), indicator.numeratorFilter(), value.path(), value.by()),
						value.numerator().doubleValue());
				if (indicator.denominator() != null) {
					truth.put(key(indicator.denominator(), indicator.denominatorFilter(), value.path(), value.by()),
							value.denominator().doubleValue());
				}
			}
			Set<String> answered = new java.util.HashSet<>();
			Set<String> present = new java.util.HashSet<>();
			for (IndicatorValue value : published.values()) {
				answered.add(value.path());
				present.add(value.path() + value.by());
				learn(indicator.numerator(), indicator.numeratorFilter(), value, value.numerator());
				if (indicator.denominator() != null) {
					learn(indicator.denominator(), indicator.denominatorFilter(), value, value.denominator());
				}
			}
			// A combination missing from an answer counts nothing in the numerator.
			for (String path : answered) {
				for (Map<Dimension, String> combination : combinations(by)) {
					String key = key(indicator.numerator(), indicator.numeratorFilter(), path, combination);
					if (!present.contains(path + combination)) {
						measures.put(key, indicator.numerator());
						narrow(key, 0, 0);
					}
				}
			}
		}

		private void learn(Measure measure, List<Filter> filters, IndicatorValue value,
				java.math.BigDecimal published) {
			String key = key(measure, filters, value.path(), value.by());
			measures.put(key, measure);
			ranges.computeIfAbsent(key, k -> new double[] { 0, Double.POSITIVE_INFINITY });
			if (value.suppressed()) {
				suppressed.put(key, value.orgUnit() + " " + value.by());
			}
			else {
				narrow(key, published.doubleValue(), published.doubleValue());
			}
		}

		/**
		 * The unknown a figure stands for: the measure, the place and the dimensions
		 * fixed by the filter or the breakdown (those the measure has).
		 */
		static String key(Measure measure, List<Filter> filters, String path, Map<Dimension, String> by) {
			Map<Dimension, String> fixed = new TreeMap<>();
			for (Filter filter : filters) {
				fixed.put(filter.dimension(), String.join("|", new java.util.TreeSet<>(filter.values())));
			}
			by.forEach((dimension, value) -> {
				if (measure.dimensions().contains(dimension)) {
					fixed.put(dimension, value);
				}
			});
			return measure.name() + "@" + path + "@" + fixed;
		}

		private static List<Map<Dimension, String>> combinations(List<Dimension> by) {
			List<Map<Dimension, String>> combinations = new ArrayList<>();
			combinations.add(Map.of());
			for (Dimension dimension : by) {
				List<Map<Dimension, String>> next = new ArrayList<>();
				for (Map<Dimension, String> combination : combinations) {
					for (String value : values(dimension)) {
						Map<Dimension, String> more = new java.util.EnumMap<>(Dimension.class);
						more.putAll(combination);
						more.put(dimension, value);
						next.add(more);
					}
				}
				combinations = next;
			}
			return combinations;
		}

		private static List<String> values(Dimension dimension) {
			List<String> values = new ArrayList<>(dimension.codes());
			values.add("UNKNOWN");
			return values;
		}

		private void narrow(String key, double low, double high) {
			double[] range = ranges.computeIfAbsent(key, k -> new double[] { 0, Double.POSITIVE_INFINITY });
			range[0] = Math.max(range[0], low);
			range[1] = Math.min(range[1], high);
		}

		/** Every sum that must hold between the unknowns, as the total and its parts. */
		private List<String[]> sums() {
			List<String[]> sums = new ArrayList<>();
			Set<String> done = new java.util.HashSet<>();
			for (String key : new ArrayList<>(ranges.keySet())) {
				Measure measure = measures.get(key);
				String[] parts = key.split("@", 3);
				String path = parts[1];
				Map<Dimension, String> fixed = parse(parts[2]);
				// a coarser cell is the sum of this one and its siblings by one dimension
				for (Dimension dimension : measure.dimensions()) {
					if (!fixed.containsKey(dimension) || fixed.get(dimension).contains("|")) {
						continue;
					}
					Map<Dimension, String> coarser = new TreeMap<>(fixed);
					coarser.remove(dimension);
					if (!done.add(measure + "@" + path + "@" + coarser + "#" + dimension)) {
						continue;
					}
					List<String> sum = new ArrayList<>();
					sum.add(measure + "@" + path + "@" + coarser);
					for (String value : values(dimension)) {
						Map<Dimension, String> finer = new TreeMap<>(coarser);
						finer.put(dimension, value);
						sum.add(measure + "@" + path + "@" + finer);
					}
					sums.add(sum.toArray(new String[0]));
				}
				// down the hierarchy: the places below and the place's own rows
				for (String place : new String[] { path, parentOf.get(path) }) {
					if (place == null || !childrenOf.containsKey(place)
							|| !done.add(measure + "@" + place + "@" + fixed + "#places")) {
						continue;
					}
					List<String> sum = new ArrayList<>();
					sum.add(measure + "@" + place + "@" + fixed);
					for (String child : childrenOf.get(place)) {
						sum.add(measure + "@" + child + "@" + fixed);
					}
					sum.add(measure + "@" + place + "#own@" + fixed);
					sums.add(sum.toArray(new String[0]));
				}
			}
			for (String[] sum : sums) {
				for (String key : sum) {
					ranges.computeIfAbsent(key, k -> new double[] { 0, Double.POSITIVE_INFINITY });
					measures.putIfAbsent(key, measures.get(sum[0]));
				}
			}
			return sums;
		}

		private static Map<Dimension, String> parse(String text) {
			Map<Dimension, String> fixed = new TreeMap<>();
			String inner = text.substring(1, text.length() - 1);
			if (!inner.isEmpty()) {
				for (String pair : inner.split(", ")) {
					String[] kv = pair.split("=", 2);
					fixed.put(Dimension.valueOf(kv[0]), kv[1]);
				}
			}
			return fixed;
		}

		/** Narrows every range by every sum until nothing moves. */
		void solve() {
			List<String[]> sums = sums();
			for (int round = 0; round < 500; round++) {
				boolean moved = false;
				for (String[] sum : sums) {
					moved |= narrow(sum);
				}
				if (!moved) {
					break;
				}
			}
			for (Map.Entry<String, double[]> range : ranges.entrySet()) {
				Double real = truth.get(range.getKey());
				if (real != null) {
					assertThat(real).as("the attack's range of %s holds the truth", range.getKey())
						.isBetween(range.getValue()[0] - 1e-6, range.getValue()[1] + 1e-6);
				}
			}
		}

		private boolean narrow(String[] sum) {
			double[] total = ranges.get(sum[0]);
			double low = 0;
			double high = 0;
			for (int i = 1; i < sum.length; i++) {
				low += ranges.get(sum[i])[0];
				high += ranges.get(sum[i])[1];
			}
			boolean moved = tighten(sum[0], low, high);
			for (int i = 1; i < sum.length; i++) {
				double[] part = ranges.get(sum[i]);
				moved |= tighten(sum[i], total[0] - (high - part[1]), total[1] - (low - part[0]));
			}
			return moved;
		}

		private boolean tighten(String key, double low, double high) {
			double[] range = ranges.get(key);
			boolean whole = measures.get(key) != null && measures.get(key).subject() != Measure.Subject.FTE
					&& measures.get(key).subject() != Measure.Subject.HOURS;
			if (whole) {
				low = Math.ceil(low - 1e-6);
				high = Math.floor(high + 1e-6);
			}
			boolean moved = false;
			if (!Double.isNaN(low) && low > range[0] + 1e-6) {
				range[0] = low;
				moved = true;
			}
			if (!Double.isNaN(high) && high < range[1] - 1e-6) {
				range[1] = high;
				moved = true;
			}
			return moved;
		}

		/** The suppressed cells whose range has closed on a number above zero. */
		/**
		 * The hidden cells that the attack pins to a small count, exactly or to a range
		 * inside 1 to {@link #SMALL}: what suppression protects. A complementary cell of
		 * a larger count that the attack recovers discloses nothing, unless it leads to a
		 * small one, which the attack would then also find.
		 */
		List<String> disclosed() {
			List<String> disclosed = new ArrayList<>();
			suppressed.forEach((key, cell) -> {
				double[] range = ranges.get(key);
				Measure children = CHILDREN_BEHIND.get(measures.get(key));
				if (children != null) {
					String[] parts = key.split("@", 2);
					Double behind = truth.get(children.name() + "@" + parts[1]);
					if (range[1] - range[0] < 1e-6 && range[1] > 1e-6 && behind != null && behind >= 1 - 1e-6
							&& behind <= SMALL + 1e-6) {
						disclosed.add(cell + " " + key + " = " + range[0] + " resting on " + behind + " children");
					}
				}
				else if (range[0] >= 1 - 1e-6 && range[1] <= SMALL + 1e-6) {
					disclosed.add(cell + " " + key + " in [" + range[0] + ", " + range[1] + "]");
				}
			});
			return disclosed;
		}

		static final int SMALL = 4;

		List<String> recovered() {
			List<String> recovered = new ArrayList<>();
			suppressed.forEach((key, cell) -> {
				double[] range = ranges.get(key);
				if (range[1] - range[0] < 1e-6 && range[1] > 1e-6) {
					recovered.add(cell + " " + key + " = " + range[0]);
				}
			});
			return recovered;
		}

	}

}
