package org.barshaga.reporting;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.barshaga.kernel.Actor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Validation rules and their runs over HTTP. A run is computed on demand and not kept, so
 * it is read with GET: the same place and year give the same answer until the data
 * change.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Validation", description = "Validation rules over the measures, and their violations by school")
class ValidationApi {

	private final ValidationRules rules;

	private final ValidationRuns runs;

	ValidationApi(ValidationRules rules, ValidationRuns runs) {
		this.rules = rules;
		this.runs = runs;
	}

	@GetMapping("/validation-rules")
	@Operation(summary = "Every validation rule with its versions, newest first")
	List<ValidationRule> rules(Actor actor) {
		return rules.all();
	}

	@GetMapping("/org-units/{code}/validation")
	@Operation(summary = "Check the active rules at every school under a unit, or at one school (its code), "
			+ "for the school year starting in September of `year` (default the current one)")
	ValidationRun validation(Actor actor, @PathVariable String code, @RequestParam(required = false) Integer year) {
		return runs.run(actor, code, year);
	}

}
