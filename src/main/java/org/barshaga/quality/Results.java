package org.barshaga.quality;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round's results for one place (the country, a region, a district or a school) in the
 * caller's scope: each scale's valid responses, mean score with its 95% interval, its
 * distribution in four bands and the change since the last round; the places below it;
 * and the answers item by item. A group with fewer than {@link #THRESHOLD} responses is
 * never shown, and no count from 1 to 4 is ever shown. Free texts are shown only to a
 * school's coordinator and its district, once a coordinator has removed names.
 */
@Service
public class Results {

	/** The smallest group shown, the same as open data's. */
	public static final int THRESHOLD = 5;

	private final Rounds rounds;

	private final RoundRepository roundRows;

	private final RoundResultRepository rows;

	private final Instruments instruments;

	Results(Rounds rounds, RoundRepository roundRows, RoundResultRepository rows, Instruments instruments) {
		this.rounds = rounds;
		this.roundRows = roundRows;
		this.rows = rows;
		this.instruments = instruments;
	}

	public record PlaceResults(Round round, InstrumentVersion definition, String placeCode, LocalizedName placeName,
			long responses, boolean shown, List<ScaleResult> scales, List<ChildResult> children, List<ItemResult> items,
			List<RoundResultRepository.TextRow> texts, boolean readsTexts, boolean placeIsSchool) {
	}

	/**
	 * mean, low, high and change are null when hidden; bands null when a band has 1 to 4.
	 */
	public record ScaleResult(String code, LocalizedName name, long valid, Double mean, Double low, Double high,
			List<Long> bands, Double change) {
	}

	public record ChildResult(String code, LocalizedName name, boolean school, long responses, boolean shown,
			Map<String, Double> means) {
	}

	/** counts (option value to count) null when any chosen option has 1 to 4 answers. */
	public record ItemResult(Item item, long answered, Double mean, Map<BigDecimal, Long> counts) {
	}

	@Transactional(readOnly = true)
	public PlaceResults results(Actor actor, long roundId, String placeCode) {
		Round round = rounds.round(actor, roundId);
		RoundResultRepository.PlaceRow place = placeCode == null ? null : rows.place(placeCode).orElse(null);
		if (place == null || !actor.scope().contains(place.path())) {
			throw new NotFoundException("place", placeCode);
		}
		InstrumentVersion definition = instruments.definition(round.instrumentCode(), round.instrumentVersion());
		boolean anonymous = definition.respondent() != Respondent.SCHOOL_TEAM;
		RoundAggregation aggregation = RoundAggregation.of(rows.jdbc(), roundId, actor.scope(), anonymous);
		RoundAggregation.Place here = aggregation.at(place.path());
		RoundAggregation.Place before = roundRows.previous(round)
			.map(previous -> RoundAggregation.of(rows.jdbc(), previous.id(), actor.scope(), anonymous).at(place.path()))
			.orElse(null);
		boolean shown = here.responses >= THRESHOLD;
		List<ScaleResult> scales = new ArrayList<>();
		for (Scale scale : definition.scales()) {
			scales.add(scale(scale, shown ? here.scales.get(scale.code()) : null,
					before == null ? null : before.scales.get(scale.code())));
		}
		List<ChildResult> children = children(aggregation, place.path(), definition);
		DataScope within = new DataScope(place.path());
		List<ItemResult> items = shown ? items(definition, rows.answers(roundId, within)) : List.of();
		boolean readsTexts = readsTexts(actor.role());
		return new PlaceResults(round, definition, place.code(), place.name(), here.responses, shown, scales, children,
				items, shown && readsTexts ? rows.texts(roundId, within, true) : List.of(), readsTexts, place.school());
	}

	/** Roles that read free texts: a school's coordinator and its district. */
	public static boolean readsTexts(Role role) {
		return role == Role.SCHOOL_COORDINATOR || role == Role.DISTRICT_OFFICER;
	}

	/** Texts waiting for names to be removed, in the caller's scope. */
	public List<RoundResultRepository.TextRow> pendingTexts(Actor actor, long roundId) {
		if (!readsTexts(actor.role())) {
			throw new NotPermittedException("read free texts");
		}
		rounds.round(actor, roundId);
		return rows.texts(roundId, actor.scope(), false);
	}

	/** Publishes a text with names removed; the original is discarded. */
	@Transactional
	public void redact(Actor actor, long roundId, long textId, String text) {
		if (!readsTexts(actor.role())) {
			throw new NotPermittedException("redact free texts");
		}
		rounds.round(actor, roundId);
		if (text == null || text.isBlank() || text.length() > ResponseReader.MAX_TEXT || text.indexOf('\0') >= 0) {
			throw InvalidInputException.of("text", "quality.text.invalid", ResponseReader.MAX_TEXT);
		}
		if (!rows.redact(roundId, textId, actor.scope(), text.strip(), actor.username())) {
			throw new NotFoundException("text", textId);
		}
	}

	private static ScaleResult scale(Scale scale, ScoreStats stats, ScoreStats before) {
		if (stats == null || stats.count() < THRESHOLD) {
			return new ScaleResult(scale.code(), scale.name(), stats == null ? 0 : stats.count(), null, null, null,
					null, null);
		}
		double mean = stats.mean();
		double half = stats.halfWidth();
		List<Long> bands = new ArrayList<>();
		boolean small = false;
		for (int i = 0; i < ScoreStats.BANDS; i++) {
			long band = stats.band(i);
			small |= band > 0 && band < THRESHOLD;
			bands.add(band);
		}
		Double change = before != null && before.count() >= THRESHOLD ? mean - before.mean() : null;
		return new ScaleResult(scale.code(), scale.name(), stats.count(), mean, Math.max(0, mean - half),
				Math.min(100, mean + half), small ? null : bands, change);
	}

	private List<ChildResult> children(RoundAggregation aggregation, String path, InstrumentVersion definition) {
		Map<String, RoundAggregation.Place> below = new TreeMap<>();
		aggregation.all().forEach((childPath, place) -> {
			if (childPath.startsWith(path) && childPath.length() > path.length()
					&& childPath.indexOf('/', path.length()) == childPath.length() - 1) {
				below.put(childPath, place);
			}
		});
		List<ChildResult> children = new ArrayList<>();
		for (RoundResultRepository.PlaceRow row : rows.places(below.keySet())) {
			RoundAggregation.Place place = below.get(row.path());
			boolean shown = place.responses >= THRESHOLD;
			Map<String, Double> means = new LinkedHashMap<>();
			for (Scale scale : definition.scales()) {
				ScoreStats stats = place.scales.get(scale.code());
				means.put(scale.code(), shown && stats != null && stats.count() >= THRESHOLD ? stats.mean() : null);
			}
			children.add(new ChildResult(row.code(), row.name(), row.school(), place.responses, shown, means));
		}
		children.sort(Comparator.comparing(ChildResult::code));
		return children;
	}

	private static List<ItemResult> items(InstrumentVersion definition,
			List<RoundResultRepository.AnswerCount> counts) {
		List<ItemResult> items = new ArrayList<>();
		for (Item item : definition.items()) {
			if (item.type() == ItemType.TEXT) {
				continue;
			}
			long answered = 0;
			BigDecimal sum = BigDecimal.ZERO;
			Map<BigDecimal, Long> byValue = new TreeMap<>();
			boolean small = false;
			for (RoundResultRepository.AnswerCount count : counts) {
				if (!count.item().equals(item.code()) || count.kind() != Answer.Kind.VALUE) {
					continue;
				}
				answered += count.count();
				sum = sum.add(count.value().multiply(BigDecimal.valueOf(count.count())));
				byValue.merge(Item.plain(count.value()), count.count(), Long::sum);
				small |= count.count() < THRESHOLD;
			}
			boolean enough = answered >= THRESHOLD && item.type() != ItemType.MULTIPLE;
			Double mean = enough ? sum.divide(BigDecimal.valueOf(answered), MathContext.DECIMAL64).doubleValue() : null;
			items.add(new ItemResult(item, answered >= THRESHOLD ? answered : 0, mean,
					answered >= THRESHOLD && !small && item.type() != ItemType.NUMBER ? byValue : null));
		}
		return items;
	}

}
