package org.barshaga.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.barshaga.kernel.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The revisions of the figures of record and what each changed, over HTTP. */
@RestController
@RequestMapping("/api/v1/figures-of-record")
@Tag(name = "Figures of record", description = "Frozen revisions of a school year's figures and their differences")
class FiguresOfRecordApi {

	private final FiguresOfRecord figures;

	FiguresOfRecordApi(FiguresOfRecord figures) {
		this.figures = figures;
	}

	record RevisionBody(String reason) {
	}

	@GetMapping
	@Operation(summary = "The revisions of the figures of record, of one school year or of all, the latest first")
	List<FiguresOfRecord.Revision> revisions(@RequestParam(required = false) Integer year) {
		return figures.revisions(year);
	}

	@GetMapping("/{year}/{revision}/differences")
	@Operation(summary = "The values a revision changed against the revision before it, inside the caller's scope "
			+ "(at most " + FiguresOfRecord.MAX_DIFFERENCES + ")")
	List<FiguresOfRecord.Difference> differences(Actor actor, @PathVariable int year, @PathVariable int revision) {
		return figures.differences(actor, year, revision);
	}

	@PostMapping("/{year}/revisions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Freeze a correction of an accepted school year as its next revision, with the reason "
			+ "(administrators, Ministry)")
	FiguresOfRecord.Revision revise(Actor actor, @PathVariable int year, @RequestBody RevisionBody body) {
		return figures.revise(actor, year, body.reason());
	}

}
