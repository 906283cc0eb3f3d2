package org.barshaga.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.barshaga.kernel.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rounds over HTTP, in the caller's scope: opening a round, the schools with what they
 * must hand out and their response rate, the codes, a teacher's response with an account,
 * results by place and the redaction of free texts.
 */
@RestController
@RequestMapping("/api/v1/rounds")
@Tag(name = "Quality rounds", description = "Rounds, codes, responses with an account, results and free texts")
class RoundsApi {

	private final Rounds rounds;

	private final Responses responses;

	private final Results results;

	RoundsApi(Rounds rounds, Responses responses, Results results) {
		this.rounds = rounds;
		this.responses = responses;
		this.results = results;
	}

	record RoundBody(long id, String instrument, int version, String unit, List<Integer> grades, LocalDate opensOn,
			LocalDate closesOn, Round.Status status) {
	}

	record RoundDetail(RoundBody round, List<SchoolBody> schools) {
	}

	record SchoolBody(String code, int expected, int codesIssued, int responses, Double responseRate) {
	}

	record CodesRequest(Integer count, Integer classSize) {
	}

	record Codes(List<String> codes) {
	}

	record AnswersBody(Map<String, Object> answers) {
	}

	record Submitted(String status) {
	}

	record TextBody(long id, String item, String text) {
	}

	record RedactBody(String text) {
	}

	record ResultsBody(long round, String place, long responses, boolean shown, List<ScaleBody> scales,
			List<ChildBody> children, List<ItemBody> items, List<TextBody> texts) {
	}

	record ScaleBody(String code, long valid, Double mean, Double ciLow, Double ciHigh, List<Long> bands,
			Double change) {
	}

	record ChildBody(String code, long responses, boolean shown, Map<String, Double> means) {
	}

	record ItemBody(String code, long answered, Double mean, Map<BigDecimal, Long> counts) {
	}

	@GetMapping
	@Operation(summary = "The rounds with a school in the caller's scope, the newest first")
	List<RoundBody> list(Actor actor) {
		return rounds.rounds(actor).stream().map(this::body).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Opens a round (administrators, the Ministry, regions) of a published instrument version "
			+ "over a unit in the caller's scope; grades only for pupils' instruments")
	RoundBody open(Actor actor, @RequestBody Rounds.RoundRequest request) {
		return body(rounds.open(actor, request));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A round and its schools in the caller's scope: people to reach, codes handed out, "
			+ "responses and the response rate (%)")
	RoundDetail round(Actor actor, @PathVariable long id) {
		Round round = rounds.round(actor, id);
		return new RoundDetail(body(round),
				rounds.schools(actor, id)
					.stream()
					.map(s -> new SchoolBody(s.code(), s.expected(), s.codesIssued(), s.responses(), s.responseRate()))
					.toList());
	}

	@PostMapping("/{id}/schools/{code}/codes")
	@Operation(summary = "Personal one-time codes for a school (its coordinator or district): shown only in this "
			+ "answer, stored only as hashes. `count` codes for teachers or parents; `classSize` for one class code "
			+ "of a pupils' round")
	Codes codes(Actor actor, @PathVariable long id, @PathVariable String code, @RequestBody CodesRequest request) {
		if (request.classSize() != null) {
			return new Codes(List.of(rounds.classCode(actor, id, code, request.classSize())));
		}
		return new Codes(rounds.issueCodes(actor, id, code, request.count() == null ? 0 : request.count()));
	}

	@PostMapping("/{id}/responses")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A response with the caller's account (teachers, a school's team), once per account; "
			+ "the response does not name the account")
	Submitted respond(Actor actor, @PathVariable long id, @RequestBody AnswersBody body) {
		responses.submit(actor, id, body.answers());
		return new Submitted("SUBMITTED");
	}

	@GetMapping("/{id}/results")
	@Operation(summary = "Results for a place (unit or school code) in the caller's scope: each scale's valid "
			+ "responses, mean score 0-100 with its 95% interval, bands, change since the last round; the places "
			+ "below; item by item. Groups under 5 are never shown (null)")
	ResultsBody results(Actor actor, @PathVariable long id, @RequestParam String place) {
		Results.PlaceResults found = results.results(actor, id, place);
		return new ResultsBody(id, found.placeCode(), found.shown() ? found.responses() : 0, found.shown(),
				found.scales()
					.stream()
					.map(s -> new ScaleBody(s.code(), s.mean() == null ? 0 : s.valid(), s.mean(), s.low(), s.high(),
							s.bands(), s.change()))
					.toList(),
				found.children()
					.stream()
					.map(c -> new ChildBody(c.code(), c.shown() ? c.responses() : 0, c.shown(), c.means()))
					.toList(),
				found.items()
					.stream()
					.map(i -> new ItemBody(i.item().code(), i.answered(), i.mean(), i.counts()))
					.toList(),
				found.texts().stream().map(t -> new TextBody(t.id(), t.item(), t.text())).toList());
	}

	@GetMapping("/{id}/texts")
	@Operation(summary = "Free texts waiting for names to be removed (a school's coordinator, its district)")
	List<TextBody> pending(Actor actor, @PathVariable long id) {
		return results.pendingTexts(actor, id).stream().map(t -> new TextBody(t.id(), t.item(), t.text())).toList();
	}

	@PutMapping("/{id}/texts/{textId}")
	@Operation(summary = "Publishes a free text with names removed; the original is discarded")
	Submitted redact(Actor actor, @PathVariable long id, @PathVariable long textId, @RequestBody RedactBody body) {
		results.redact(actor, id, textId, body.text());
		return new Submitted("REDACTED");
	}

	private RoundBody body(Round round) {
		return new RoundBody(round.id(), round.instrumentCode(), round.instrumentVersion(), round.unitCode(),
				round.grades(), round.opensOn(), round.closesOn(), round.status(rounds.today()));
	}

}
