package org.barshaga.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.barshaga.kernel.Actor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where a reporting period stands, over HTTP. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reporting", description = "Submissions and approvals of a reporting period")
class ReportingApi {

	private final ApprovalBoard board;

	private final Worklists worklists;

	ReportingApi(ApprovalBoard board, Worklists worklists) {
		this.board = board;
		this.worklists = worklists;
	}

	@GetMapping("/reporting-periods/{year}/status")
	@Operation(summary = "The approval status of every organisation under a unit (default the caller's) "
			+ "for the period of the school year starting in September of `year`")
	ApprovalStatus status(Actor actor, @PathVariable int year, @RequestParam(required = false) String unit) {
		return board.status(actor, year, unit);
	}

	@GetMapping("/reporting-periods/{year}/worklist")
	@Operation(summary = "The caller's worklist of the period: schools not submitted, submissions returned, "
			+ "approvals waiting")
	Worklist worklist(Actor actor, @PathVariable int year) {
		if (!ValidationRuns.canRun(actor)) {
			throw new org.barshaga.kernel.NotPermittedException("read the reporting cycle");
		}
		return worklists.of(actor, year);
	}

}
