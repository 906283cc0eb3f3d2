package org.barshaga.quality;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answering with a code, without an account: the code is the only credential, so it
 * travels in the body (never in an address that logs keep). Open to anyone; see
 * docs/quality.md, "Rounds, codes and responses".
 */
@RestController
@RequestMapping("/api/v1/survey")
@Tag(name = "Quality survey", description = "Answering a round with a one-time or class code, without an account")
class SurveyApi {

	private final Responses responses;

	SurveyApi(Responses responses) {
		this.responses = responses;
	}

	record CodeBody(String code, Long round) {
	}

	record AnswersBody(String code, Long round, Map<String, Object> answers, Boolean sen) {
	}

	record OpenedBody(long round, String instrument, int version, CodeKind kind, Map<String, Object> draft) {
	}

	record Done(String status) {
	}

	@PostMapping("/open")
	@Operation(summary = "What a code opens: the round, the instrument version to fetch, and the answers kept "
			+ "so far. A code unknown, spent, of another round (`round`) or of a round not open is refused")
	OpenedBody open(@RequestBody CodeBody body) {
		Responses.Opened opened = responses.open(body.code(), body.round());
		return new OpenedBody(opened.round().id(), opened.definition().code(), opened.definition().version(),
				opened.kind(), opened.draft());
	}

	@PutMapping("/draft")
	@Operation(summary = "Keeps a paused response's answers against a personal code until it is submitted")
	Done pause(@RequestBody AnswersBody body) {
		responses.pause(body.code(), body.round(), body.answers());
		return new Done("PAUSED");
	}

	@PostMapping("/responses")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Submits a response with a code: checked as a whole and stored with its scale scores, or "
			+ "refused with nothing kept. `sen` (pupils only) says whether the pupil has special educational needs")
	Done submit(@RequestBody AnswersBody body) {
		responses.submit(body.code(), body.round(), body.answers(), body.sen());
		return new Done("SUBMITTED");
	}

}
