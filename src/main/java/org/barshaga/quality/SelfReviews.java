package org.barshaga.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.barshaga.conditions.Evaluation;
import org.barshaga.conditions.SchoolConditions;
import org.barshaga.conditions.SchoolStatus;
import org.barshaga.conditions.StaffingGap;
import org.barshaga.indicators.IndicatorResult;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.Level;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.quality.SelfReviewReading.Evidence;
import org.barshaga.quality.SelfReviewReading.Kind;
import org.barshaga.registry.Organisation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's self-review beside what it reports and what is measured: the dimension
 * scores of its latest self-review (or of a chosen round or school year), its evidence
 * notes once names are removed, its conditions as reported and as evaluated by the
 * conditions module's criteria, its specialist gap, the support delivered to its learners
 * with SEN as the indicators count it, and, per dimension, which of these figures back or
 * contradict the score ({@link SelfReviewReading}). Read by the school's staff, its
 * district, region and the Ministry, inside their scope; researchers read the indicators
 * instead.
 */
@Service
public class SelfReviews {

	static final String INSTRUMENT = "SCHOOL_SELF_REVIEW";

	/** The scales of the other instruments read beside the cultures dimension. */
	private static final List<String[]> VOICES = List.of(new String[] { "PARENT_SEN", "PARTNERSHIP" },
			new String[] { "PARENT_SEN", "WELLBEING" }, new String[] { "PUPIL_VOICE", "BELONGING" },
			new String[] { "PUPIL_VOICE", "LEFT_OUT" });

	/** The scale where a higher score means more exclusion. */
	private static final Set<String> LOWER_IS_BETTER = Set.of("LEFT_OUT");

	private final SelfReviewRepository rows;

	private final Instruments instruments;

	private final SchoolConditions conditions;

	private final Indicators indicators;

	SelfReviews(SelfReviewRepository rows, Instruments instruments, SchoolConditions conditions,
			Indicators indicators) {
		this.rows = rows;
		this.instruments = instruments;
		this.conditions = conditions;
		this.indicators = indicators;
	}

	/**
	 * One school's self-review and the evidence beside it.
	 *
	 * @param round the round chosen, or null for the latest the school answered (in
	 * {@code year} when given)
	 * @param rounds the self-review rounds the school answered, the newest first
	 * @param definition the version the shown round was answered to; null with no round
	 * @param support delivered against recommended hours, and learners served against
	 * learners with recommended services, for the reference month; null when the
	 * indicators have no figures for the school that year
	 */
	public record SchoolSelfReview(Organisation school, int year, SelfReviewRepository.Answered round,
			List<SelfReviewRepository.Answered> rounds, InstrumentVersion definition, List<Dimension> dimensions,
			SchoolStatus status, StaffingGap staffing, Support support) {
	}

	/**
	 * A dimension: its valid responses and mean score (null when none is valid), the
	 * school's evidence notes with names removed, how many notes still wait for that, and
	 * the figures beside it.
	 */
	public record Dimension(String code, LocalizedName name, long valid, Double score, List<Note> notes,
			int pendingNotes, List<Evidence> evidence) {
	}

	public record Note(String item, Texts section, String text) {
	}

	public record Support(YearMonth referenceMonth, BigDecimal deliveredHours, BigDecimal recommendedHours,
			BigDecimal learnersServed, BigDecimal learnersWithServices) {
	}

	@Transactional(readOnly = true)
	public SchoolSelfReview review(Actor actor, String schoolCode, Integer year, Long roundId) {
		if (!reads(actor.role())) {
			throw new NotPermittedException("read a school's self-review");
		}
		Organisation school = conditions.school(actor, schoolCode);
		DataScope scope = actor.scope();
		List<SelfReviewRepository.Answered> rounds = rows.answered(INSTRUMENT, school.id(), scope);
		SelfReviewRepository.Answered round = chosen(rounds, year, roundId);
		int schoolYear = round != null ? SchoolYear.of(round.opensOn()).startYear()
				: year != null ? year : conditions.currentYear();
		SchoolStatus status = conditions.status(actor, school.code(), schoolYear);
		StaffingGap staffing = conditions.staffing(actor, school.code(), schoolYear);
		Support support = support(actor, school.code(), schoolYear);
		if (round == null) {
			return new SchoolSelfReview(school, schoolYear, null, rounds, null, List.of(), status, staffing, support);
		}
		InstrumentVersion definition = instruments.definition(INSTRUMENT, round.version());
		Map<String, SelfReviewRepository.ScaleMean> means = rows.scales(round.round(), school.id(), scope);
		List<SelfReviewRepository.Note> notes = rows.notes(round.round(), school.id(), scope);
		List<Dimension> dimensions = new ArrayList<>();
		for (Scale scale : definition.scales()) {
			SelfReviewRepository.ScaleMean mean = means.get(scale.code());
			Double score = mean == null ? null : mean.mean();
			List<Note> shown = new ArrayList<>();
			int pending = 0;
			for (Section section : sectionsOf(definition, scale)) {
				for (SelfReviewRepository.Note note : notes) {
					if (section.items().stream().anyMatch(i -> i.code().equals(note.item()))) {
						if (note.text() == null) {
							pending++;
						}
						else {
							shown.add(new Note(note.item(), section.title(), note.text()));
						}
					}
				}
			}
			dimensions.add(new Dimension(scale.code(), scale.name(), mean == null ? 0 : mean.valid(), score, shown,
					pending, evidence(scale.code(), score, school, scope, round, status, staffing, support)));
		}
		return new SchoolSelfReview(school, schoolYear, round, rounds, definition, dimensions, status, staffing,
				support);
	}

	/** Roles that read a school's self-review: its staff and the authorities above it. */
	public static boolean reads(Role role) {
		return role != Role.RESEARCHER && role != Role.PMPC_SPECIALIST;
	}

	private static SelfReviewRepository.Answered chosen(List<SelfReviewRepository.Answered> rounds, Integer year,
			Long roundId) {
		if (roundId != null) {
			return rounds.stream()
				.filter(r -> r.round() == roundId)
				.findFirst()
				.orElseThrow(() -> new NotFoundException("round", roundId));
		}
		return rounds.stream()
			.filter(r -> year == null || SchoolYear.of(r.opensOn()).startYear() == year)
			.findFirst()
			.orElse(null);
	}

	/** The sections holding a scale's items, whose evidence notes speak for it. */
	private static Set<Section> sectionsOf(InstrumentVersion definition, Scale scale) {
		Set<Section> sections = new LinkedHashSet<>();
		for (Section section : definition.sections()) {
			if (section.items().stream().anyMatch(i -> scale.items().contains(i.code()))) {
				sections.add(section);
			}
		}
		return sections;
	}

	private List<Evidence> evidence(String dimension, Double score, Organisation school, DataScope scope,
			SelfReviewRepository.Answered round, SchoolStatus status, StaffingGap staffing, Support support) {
		List<Evidence> evidence = new ArrayList<>();
		switch (dimension) {
			case "CULTURES" -> {
				for (String[] voice : VOICES) {
					evidence.add(voice(voice[0], voice[1], score, school, scope, round.closesOn()));
				}
			}
			case "POLICIES" -> {
				for (int i = 0; i < status.sets().size(); i++) {
					Evaluation evaluation = status.evaluations().get(i);
					evidence.add(
							SelfReviewReading.evidence(Kind.CRITERIA, status.sets().get(i).code(),
									status.sets().get(i).name(),
									List.of(String.valueOf(evaluation.failedRules().size()),
											String.valueOf(evaluation.criteriaVersion())),
									evaluation.measured(), score));
				}
				evidence.add(gap(staffing, score));
			}
			case "PRACTICES" -> {
				if (support != null) {
					evidence.add(SelfReviewReading.evidence(Kind.SUPPORT_HOURS, "SUPPORT_HOURS", null,
							List.of(SelfReviewReading.percent(support.deliveredHours(), support.recommendedHours()),
									SelfReviewReading.plain(support.deliveredHours()),
									SelfReviewReading.plain(support.recommendedHours())),
							SelfReviewReading.delivered(support.deliveredHours(), support.recommendedHours()), score));
					evidence.add(SelfReviewReading.evidence(Kind.SUPPORT_COVERAGE, "SUPPORT_COVERAGE", null,
							List.of(SelfReviewReading.percent(support.learnersServed(), support.learnersWithServices()),
									SelfReviewReading.plain(support.learnersServed()),
									SelfReviewReading.plain(support.learnersWithServices())),
							SelfReviewReading.delivered(support.learnersServed(), support.learnersWithServices()),
							score));
				}
				evidence.add(gap(staffing, score));
			}
			default -> {
				// a scale of a later version with no figures chosen for it yet
			}
		}
		return evidence;
	}

	private static Evidence gap(StaffingGap staffing, Double score) {
		BigDecimal needed = staffing.total()
			.values()
			.stream()
			.map(StaffingGap.Line::needed)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal gap = staffing.gap();
		return SelfReviewReading.evidence(Kind.SPECIALIST_GAP, "SPECIALIST_GAP", null,
				List.of(SelfReviewReading.plain(gap), SelfReviewReading.plain(needed)), gap.signum() == 0, score);
	}

	private Evidence voice(String instrument, String scaleCode, Double score, Organisation school, DataScope scope,
			LocalDate until) {
		SelfReviewRepository.Voice voice = rows.voice(instrument, scaleCode, school.id(), scope, until).orElse(null);
		LocalizedName name = instruments.definition(instrument, voice == null ? 1 : voice.version())
			.scales()
			.stream()
			.filter(s -> s.code().equals(scaleCode))
			.map(Scale::name)
			.findFirst()
			.orElse(null);
		if (voice == null || voice.valid() < Results.THRESHOLD) {
			return SelfReviewReading.evidence(Kind.VOICE_HIDDEN, instrument + "." + scaleCode, name, List.of(), null,
					score);
		}
		boolean meets = LOWER_IS_BETTER.contains(scaleCode) ? voice.mean() < SelfReviewReading.CLAIM
				: voice.mean() >= SelfReviewReading.CLAIM;
		return SelfReviewReading.evidence(Kind.VOICE, instrument + "." + scaleCode, name,
				List.of(SelfReviewReading.one(voice.mean()), String.valueOf(voice.valid()), voice.opensOn().toString()),
				meets, score);
	}

	private Support support(Actor actor, String school, int year) {
		try {
			IndicatorResult hours = indicators.values(actor, "SUPPORT_HOURS", school, year, Level.SELF, List.of());
			IndicatorResult coverage = indicators.values(actor, "SUPPORT_COVERAGE", school, year, Level.SELF,
					List.of());
			IndicatorValue h = hours.total();
			IndicatorValue c = coverage.total();
			if (h == null || c == null) {
				return null;
			}
			return new Support(hours.referenceMonth(), h.numerator(), h.denominator(), c.numerator(), c.denominator());
		}
		catch (NotFoundException | org.barshaga.kernel.InvalidInputException noFigures) {
			// a school without figures that year, or a year the indicators do not cover
			return null;
		}
	}

}
