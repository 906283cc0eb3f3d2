package org.barshaga.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.barshaga.conditions.CriteriaRules;
import org.barshaga.conditions.Evaluation;
import org.barshaga.conditions.SchoolFacts;
import org.barshaga.kernel.Actor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A school's self-review beside its conditions and the support delivered to its learners,
 * in the caller's scope (a school outside it: 404; researchers: 403). Scores are the
 * unrounded means of the school's valid scale scores.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Quality rounds", description = "Rounds, codes, responses with an account, results and free texts")
class SelfReviewApi {

	private final SelfReviews reviews;

	SelfReviewApi(SelfReviews reviews) {
		this.reviews = reviews;
	}

	record SelfReviewBody(String school, int year, RoundBody round, List<DimensionBody> dimensions,
			ConditionsBody conditions, SupportBody support) {
	}

	record RoundBody(long id, int version, LocalDate opensOn, LocalDate closesOn, int responses,
			LocalDate lastSubmitted) {
	}

	record DimensionBody(String code, long valid, Double score, List<NoteBody> notes, int pendingNotes,
			List<EvidenceBody> evidence) {
	}

	record NoteBody(String item, String text) {
	}

	record EvidenceBody(String kind, String code, List<String> figures, Boolean meets, String reading) {
	}

	record ConditionsBody(List<EvaluationBody> evaluations, FactsBody facts, BigDecimal specialistGap,
			Map<String, StaffingBody> staffing) {
	}

	record EvaluationBody(String criteriaSet, int version, Boolean reported, boolean measured, List<String> failed) {
	}

	record FactsBody(long learnersWithSen, BigDecimal supportFte, long teachers, long trainedTeachers) {
	}

	record StaffingBody(BigDecimal needed, BigDecimal available, BigDecimal gap) {
	}

	record SupportBody(YearMonth referenceMonth, BigDecimal deliveredHours, BigDecimal recommendedHours,
			BigDecimal learnersServed, BigDecimal learnersWithServices) {
	}

	@GetMapping("/schools/{code}/self-review")
	@Operation(summary = "A school's self-review (latest, of a school year, or of a round) beside its reported "
			+ "and measured conditions and the support delivered to its learners")
	SelfReviewBody review(Actor actor, @PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long round) {
		SelfReviews.SchoolSelfReview review = reviews.review(actor, code, year, round);
		SelfReviewRepository.Answered shown = review.round();
		RoundBody roundBody = shown == null ? null : new RoundBody(shown.round(), shown.version(), shown.opensOn(),
				shown.closesOn(), shown.responses(), shown.lastSubmitted());
		List<DimensionBody> dimensions = review.dimensions()
			.stream()
			.map(d -> new DimensionBody(d.code(), d.valid(), d.score(),
					d.notes().stream().map(n -> new NoteBody(n.item(), n.text())).toList(), d.pendingNotes(),
					d.evidence()
						.stream()
						.map(e -> new EvidenceBody(e.kind().name(), e.code(), e.figures(), e.meets(),
								e.reading().name()))
						.toList()))
			.toList();
		List<EvaluationBody> evaluations = new java.util.ArrayList<>();
		for (int i = 0; i < review.status().sets().size(); i++) {
			Evaluation evaluation = review.status().evaluations().get(i);
			evaluations.add(new EvaluationBody(review.status().sets().get(i).code(), evaluation.criteriaVersion(),
					evaluation.reported(), evaluation.measured(),
					evaluation.failedRules().stream().map(CriteriaRules.Failure::requirement).toList()));
		}
		SchoolFacts facts = review.status().facts();
		Map<String, StaffingBody> staffing = new LinkedHashMap<>();
		review.staffing()
			.total()
			.forEach((position, line) -> staffing.put(position.name(),
					new StaffingBody(line.needed(), line.available(), line.gap())));
		SelfReviews.Support support = review.support();
		return new SelfReviewBody(review.school().code(), review.year(), roundBody, dimensions,
				new ConditionsBody(evaluations,
						facts == null ? null
								: new FactsBody(facts.learnersWithSen(), facts.supportFte(), facts.teachers(),
										facts.trainedTeachers()),
						review.staffing().gap(), staffing),
				support == null ? null : new SupportBody(support.referenceMonth(), support.deliveredHours(),
						support.recommendedHours(), support.learnersServed(), support.learnersWithServices()));
	}

}
