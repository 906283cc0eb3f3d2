package org.barshaga.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.barshaga.conditions.CriteriaRules;
import org.barshaga.conditions.Evaluation;
import org.barshaga.conditions.StaffingGap;
import org.barshaga.kernel.Actor;
import org.barshaga.quality.SelfReviewReading.Evidence;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A school's self-review as a page, beside its conditions as reported and measured, its
 * specialist gap and the support delivered to its learners, with the reading aid per
 * dimension. Scores are shown to one decimal, half up, like every quality page.
 */
@Controller
class SelfReviewPages {

	private final SelfReviews reviews;

	private final MessageSource messages;

	SelfReviewPages(SelfReviews reviews, MessageSource messages) {
		this.reviews = reviews;
		this.messages = messages;
	}

	record RoundLink(String label, String href, boolean current) {
	}

	record DimensionView(String code, String name, String score, long valid, List<NoteView> notes, int pending,
			List<EvidenceView> evidence) {
	}

	record NoteView(String section, String text) {
	}

	record EvidenceView(String text, String meetsKey, String readingKey, String reading) {
	}

	record CriteriaView(String name, Boolean reported, boolean measured, List<String> failed) {
	}

	record StaffingView(String positionKey, String needed, String available, String gap) {
	}

	@GetMapping("/schools/{code}/self-review")
	String review(Actor actor, @PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long round, Model model, Locale locale) {
		SelfReviews.SchoolSelfReview review = reviews.review(actor, code, year, round);
		String self = "/schools/" + review.school().code() + "/self-review";
		model.addAttribute("school", review.school());
		model.addAttribute("schoolName", review.school().name().in(locale));
		model.addAttribute("yearLabel", review.year() + "–" + (review.year() + 1));
		model.addAttribute("year", review.year());
		model.addAttribute("round", review.round());
		model.addAttribute("instrument", review.definition() == null ? null : review.definition().name().in(locale));
		model.addAttribute("rounds",
				review.rounds()
					.stream()
					.map(r -> new RoundLink(r.opensOn() + " – " + r.closesOn(), self + "?round=" + r.round(),
							review.round() != null && r.round() == review.round().round()))
					.toList());
		model.addAttribute("reviewsTexts", review.round() != null && Results.readsTexts(actor.role()));
		model.addAttribute("textsHref",
				review.round() == null ? null : "/quality/rounds/" + review.round().round() + "/texts");
		model.addAttribute("resultsHref", review.round() == null ? null
				: "/quality/rounds/" + review.round().round() + "/results?place=" + review.school().code());
		model.addAttribute("dimensions", review.dimensions().stream().map(d -> dimension(d, locale)).toList());
		model.addAttribute("criteria", criteria(review, locale));
		model.addAttribute("facts", review.status().facts());
		model.addAttribute("staffing", staffing(review.staffing()));
		model.addAttribute("staffingGap", SelfReviewReading.plain(review.staffing().gap()));
		model.addAttribute("support", review.support());
		if (review.support() != null) {
			SelfReviews.Support s = review.support();
			model.addAttribute("hoursPercent", SelfReviewReading.percent(s.deliveredHours(), s.recommendedHours()));
			model.addAttribute("coveragePercent",
					SelfReviewReading.percent(s.learnersServed(), s.learnersWithServices()));
		}
		model.addAttribute("conditionsHref",
				"/schools/" + review.school().code() + "/conditions?year=" + review.year());
		return "quality/self-review";
	}

	private DimensionView dimension(SelfReviews.Dimension dimension, Locale locale) {
		return new DimensionView(dimension.code(), dimension.name().in(locale),
				SelfReviewReading.one(dimension.score()), dimension.valid(),
				dimension.notes().stream().map(n -> new NoteView(n.section().in(locale), n.text())).toList(),
				dimension.pendingNotes(), dimension.evidence().stream().map(e -> evidence(e, locale)).toList());
	}

	private EvidenceView evidence(Evidence evidence, Locale locale) {
		List<Object> args = new ArrayList<>();
		args.add(evidence.subject() == null ? "" : evidence.subject().in(locale));
		args.addAll(evidence.figures());
		String text = messages.getMessage("selfReview.evidence." + evidence.kind().name(), args.toArray(), locale);
		String meets = evidence.meets() == null ? "selfReview.meets.none"
				: evidence.meets() ? "selfReview.meets.yes" : "selfReview.meets.no";
		return new EvidenceView(text, meets, "selfReview.reading." + evidence.reading().name(),
				evidence.reading().name().toLowerCase(Locale.ROOT));
	}

	private static List<CriteriaView> criteria(SelfReviews.SchoolSelfReview review, Locale locale) {
		List<CriteriaView> views = new ArrayList<>();
		for (int i = 0; i < review.status().sets().size(); i++) {
			Evaluation evaluation = review.status().evaluations().get(i);
			views.add(new CriteriaView(
					review.status().sets().get(i).name().in(locale) + " · v" + evaluation.criteriaVersion(),
					evaluation.reported(), evaluation.measured(),
					evaluation.failedRules().stream().map(CriteriaRules.Failure::requirement).toList()));
		}
		return views;
	}

	private static List<StaffingView> staffing(StaffingGap gap) {
		return gap.total()
			.entrySet()
			.stream()
			.map(e -> new StaffingView(e.getKey().messageKey(), SelfReviewReading.plain(e.getValue().needed()),
					SelfReviewReading.plain(e.getValue().available()), SelfReviewReading.plain(e.getValue().gap())))
			.toList();
	}

}
