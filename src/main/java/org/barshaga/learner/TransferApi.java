package org.barshaga.learner;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.barshaga.kernel.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Transfer requests over HTTP, as in the pages. */
@RestController
@RequestMapping("/api/v1/learners/transfers")
@Tag(name = "Learner transfers", description = "Requests for a child's record held by another place")
class TransferApi {

	private final Transfers transfers;

	TransferApi(Transfers transfers) {
		this.transfers = transfers;
	}

	record Lists(List<TransferRequest> held, List<TransferRequest> requested) {
	}

	@GetMapping
	@Operation(summary = "Requests for records the caller's place holds, and those made for the caller's place")
	Lists list(Actor actor) {
		return new Lists(transfers.held(actor), transfers.requested(actor));
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "Accept: the record moves to the place that asked (audited)")
	ResponseEntity<Void> accept(Actor actor, @PathVariable long id) {
		transfers.accept(actor, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/refuse")
	@Operation(summary = "Refuse: the record stays (audited)")
	ResponseEntity<Void> refuse(Actor actor, @PathVariable long id) {
		transfers.refuse(actor, id);
		return ResponseEntity.noContent().build();
	}

}
