package org.barshaga.conditions;

import java.math.BigDecimal;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.barshaga.kernel.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * School conditions, staff, criteria sets, evaluations and the staffing gap over HTTP.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Conditions", description = "School conditions for inclusion, staff, criteria and staffing")
class ConditionsApi {

	private final SchoolConditions conditions;

	ConditionsApi(SchoolConditions conditions) {
		this.conditions = conditions;
	}

	record Created(long id) {
	}

	record EvaluationBody(String school, int year, String criteriaSet, int criteriaVersion, Boolean reported,
			boolean measured, List<Map<String, Object>> failedRules) {
	}

	record RulesBody(String rules) {
	}

	record NormBody(BigDecimal weeklyHoursPerFte, BigDecimal yearlyCostPerFte) {
	}

	@GetMapping("/schools/{code}/conditions")
	@Operation(summary = "The conditions survey of a school for the school year starting in September of `year`")
	Survey survey(Actor actor, @PathVariable String code, @RequestParam(required = false) Integer year) {
		return conditions.survey(actor, code, year(year));
	}

	@PutMapping("/schools/{code}/conditions")
	@Operation(summary = "Record the survey; give the version read (0 for a year not surveyed yet)")
	Survey saveSurvey(Actor actor, @PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestBody SurveyDraft draft) {
		return conditions.saveSurvey(actor, code, year(year), draft);
	}

	@GetMapping("/schools/{code}/evaluation")
	@Operation(summary = "Reported and measured status of a school under a criteria set (code, default KZ_DEFAULT)")
	EvaluationBody evaluation(Actor actor, @PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "KZ_DEFAULT") String criteriaSet,
			@RequestParam(required = false) Integer version) {
		return body(conditions.evaluate(actor, code, year(year), criteriaSet, version));
	}

	@GetMapping("/org-units/{code}/evaluations")
	@Operation(summary = "Every school of a unit under a criteria set, with reported and measured status")
	List<EvaluationBody> evaluations(Actor actor, @PathVariable String code,
			@RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "KZ_DEFAULT") String criteriaSet) {
		return conditions.evaluateWithin(actor, code, year(year), criteriaSet)
			.stream()
			.map(e -> body(e.evaluation()))
			.toList();
	}

	@GetMapping("/org-units/{code}/staffing-gap")
	@Operation(summary = "Support staff needed, in post, missing and its yearly cost, by position, with each school")
	StaffingGap staffingGap(Actor actor, @PathVariable String code, @RequestParam(required = false) Integer year) {
		return conditions.staffing(actor, code, year(year));
	}

	@GetMapping("/schools/{code}/staff")
	@Operation(summary = "Staff of a school with their training (each person read is audited)")
	List<StaffMember> staff(Actor actor, @PathVariable String code) {
		return conditions.staff(actor, code);
	}

	@PostMapping("/schools/{code}/staff")
	@Operation(summary = "Record a staff member")
	ResponseEntity<Created> addStaff(Actor actor, @PathVariable String code, @RequestBody StaffDraft draft) {
		long id = conditions.addStaff(actor, code, draft);
		return ResponseEntity.created(URI.create("/api/v1/schools/" + code + "/staff")).body(new Created(id));
	}

	@PostMapping("/staff/{id}/trainings")
	@Operation(summary = "Record a training a staff member completed")
	ResponseEntity<Created> addTraining(Actor actor, @PathVariable long id, @RequestBody TrainingDraft draft) {
		long created = conditions.addTraining(actor, id, draft);
		return ResponseEntity.created(URI.create("/api/v1/staff/" + id + "/trainings")).body(new Created(created));
	}

	@GetMapping("/criteria-sets")
	@Operation(summary = "Criteria sets with all their versions")
	List<CriteriaSet> criteriaSets() {
		return conditions.criteriaSets();
	}

	@PostMapping("/criteria-sets/{code}/versions")
	@Operation(summary = "Publish the next version of a criteria set's rules (administrators)")
	CriteriaSet publish(Actor actor, @PathVariable String code, @RequestBody RulesBody body) {
		return conditions.publish(actor, code, body.rules());
	}

	@GetMapping("/staffing-norms")
	@Operation(summary = "Weekly hours one FTE gives and its yearly cost, by position")
	List<StaffingNorm> norms() {
		return conditions.norms();
	}

	@PutMapping("/staffing-norms")
	@Operation(summary = "Set staffing norms (administrators)")
	List<StaffingNorm> updateNorms(Actor actor, @RequestBody Map<PositionType, NormBody> body) {
		Map<PositionType, BigDecimal[]> figures = new EnumMap<>(PositionType.class);
		body.forEach((position, norm) -> figures.put(position,
				new BigDecimal[] { norm.weeklyHoursPerFte(), norm.yearlyCostPerFte() }));
		conditions.updateNorms(actor, figures);
		return conditions.norms();
	}

	private int year(Integer year) {
		return year == null ? conditions.currentYear() : year;
	}

	private static EvaluationBody body(Evaluation e) {
		return new EvaluationBody(e.school(), e.year(), e.criteriaSet(), e.criteriaVersion(), e.reported(),
				e.measured(), e.failedRules().stream().map(f -> {
					Map<String, Object> rule = new LinkedHashMap<>();
					rule.put("rule", f.rule());
					rule.put("value", f.value());
					rule.put("threshold", f.threshold());
					rule.put("requirement", f.requirement());
					return rule;
				}).toList());
	}

}
