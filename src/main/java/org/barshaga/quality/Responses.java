package org.barshaga.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responses to a round: with a code (no account, no name) or, for teachers and a school's
 * team, with an account. A response is checked as a whole against the version's items and
 * stored in one transaction with its scale scores, or refused with nothing kept. A
 * personal code can keep a paused response's answers until it is submitted; then the code
 * is spent and the draft is gone.
 */
@Service
public class Responses {

	private static final String CODE = "code";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<Respondent> WITH_ACCOUNT = Set.of(Respondent.TEACHER, Respondent.SCHOOL_TEAM,
			Respondent.PRINCIPAL_OR_COORDINATOR);

	private final ResponseRepository responses;

	private final RoundRepository rounds;

	private final Instruments instruments;

	private final Clock clock;

	Responses(ResponseRepository responses, RoundRepository rounds, Instruments instruments, Clock clock) {
		this.responses = responses;
		this.rounds = rounds;
		this.instruments = instruments;
		this.clock = clock;
	}

	/**
	 * What a code opens: its round, the instrument version, and the answers kept so far.
	 */
	public record Opened(Round round, InstrumentVersion definition, CodeKind kind, Map<String, Object> draft) {
	}

	/**
	 * Opens a code; {@code expectedRound}, when given, is the round the respondent means
	 * to answer, and a code of another round is refused as foreign.
	 */
	public Opened open(String code, Long expectedRound) {
		return openHashed(SurveyCodes.hash(code), expectedRound);
	}

	/** As {@link #open}, for the survey pages, which keep only the code's hash. */
	Opened openHashed(String hash, Long expectedRound) {
		ResponseRepository.CodeRow row = usable(hash, expectedRound);
		Round round = rounds.find(row.round()).orElseThrow();
		InstrumentVersion definition = instruments.definition(round.instrumentCode(), round.instrumentVersion());
		return new Opened(round, definition, row.kind(), draft(row.draft()));
	}

	/**
	 * Keeps the answers given so far against a personal code, checked like a submission;
	 * a class code is shared by a class and keeps nothing.
	 */
	@Transactional
	public void pause(String code, Long expectedRound, Map<String, Object> answers) {
		pauseHashed(SurveyCodes.hash(code), expectedRound, answers);
	}

	@Transactional
	void pauseHashed(String hash, Long expectedRound, Map<String, Object> answers) {
		ResponseRepository.CodeRow row = usable(hash, expectedRound);
		if (row.kind() != CodeKind.PERSONAL) {
			throw InvalidInputException.of(CODE, "quality.code.classNoPause");
		}
		Round round = rounds.find(row.round()).orElseThrow();
		ResponseReader.read(instruments.definition(round.instrumentCode(), round.instrumentVersion()), answers);
		if (!responses.saveDraft(row.hash(), JSON.writeValueAsString(new LinkedHashMap<>(answers)))) {
			throw InvalidInputException.of(CODE, "quality.code.spent");
		}
	}

	/** Submits a response with a code; {@code sen} is kept for pupils only. */
	@Transactional
	public long submit(String code, Long expectedRound, Map<String, Object> answers, Boolean sen) {
		return submitHashed(SurveyCodes.hash(code), expectedRound, answers, sen);
	}

	@Transactional
	long submitHashed(String hash, Long expectedRound, Map<String, Object> answers, Boolean sen) {
		ResponseRepository.CodeRow row = usable(hash, expectedRound);
		Round round = rounds.find(row.round()).orElseThrow();
		InstrumentVersion definition = instruments.definition(round.instrumentCode(), round.instrumentVersion());
		ResponseReader.Read read = ResponseReader.read(definition, answers);
		if (!responses.spend(row.hash())) {
			throw InvalidInputException.of(CODE, "quality.code.spent");
		}
		return store(round, row.school(), definition, read, definition.respondent() == Respondent.PUPIL ? sen : null);
	}

	/**
	 * Submits a response with the caller's account, once per account and round, for the
	 * school the account belongs to. The account is recorded as having answered, apart
	 * from the response, which does not name it.
	 */
	@Transactional
	public long submit(Actor actor, long roundId, Map<String, Object> answers) {
		Round round = rounds.find(roundId).orElseThrow(() -> new NotFoundException("round", roundId));
		InstrumentVersion definition = instruments.definition(round.instrumentCode(), round.instrumentVersion());
		if (!WITH_ACCOUNT.contains(definition.respondent())) {
			throw new NotPermittedException("answer this instrument with an account");
		}
		List<RoundSchool> schools = rounds.schools(roundId, actor.scope());
		if (schools.size() != 1 || !schools.get(0).path().equals(actor.scope().pathPrefix())) {
			throw new NotPermittedException("answer a round for a school other than one's own");
		}
		checkOpen(round);
		ResponseReader.Read read = ResponseReader.read(definition, answers);
		if (!responses.answeredBy(roundId, actor.userId())) {
			throw InvalidInputException.of("round", "quality.response.alreadyAnswered");
		}
		return store(round, schools.get(0).organisationId(), definition, read, null);
	}

	/**
	 * Stores a paper form's response, read by {@link PaperLayout}, by the same path as an
	 * online one: no code and no person, the round's school and place, the scale scores.
	 */
	long storePaper(Round round, long school, InstrumentVersion definition, ResponseReader.Read read) {
		return store(round, school, definition, read, null);
	}

	private long store(Round round, long school, InstrumentVersion definition, ResponseReader.Read read, Boolean sen) {
		ResponseRepository.Place place = responses.place(round.id(), school).orElseThrow();
		return responses.insert(round.id(), school, place, sen, LocalDate.now(clock), read,
				ScaleScoring.score(definition, read.answers()));
	}

	private ResponseRepository.CodeRow usable(String hash, Long expectedRound) {
		ResponseRepository.CodeRow row = hash == null ? null : responses.code(hash).orElse(null);
		if (row == null) {
			throw InvalidInputException.of(CODE, "quality.code.unknown");
		}
		if (expectedRound != null && expectedRound != row.round()) {
			throw InvalidInputException.of(CODE, "quality.code.foreign");
		}
		if (row.spent()) {
			throw InvalidInputException.of(CODE, "quality.code.spent");
		}
		checkOpen(rounds.find(row.round()).orElseThrow());
		return row;
	}

	void checkOpen(Round round) {
		switch (round.status(LocalDate.now(clock))) {
			case UPCOMING -> throw InvalidInputException.of("round", "quality.round.notYetOpen", round.opensOn());
			case CLOSED -> throw InvalidInputException.of("round", "quality.round.closed", round.closesOn());
			case OPEN -> {
			}
		}
	}

	private static Map<String, Object> draft(String json) {
		if (json == null) {
			return Map.of();
		}
		return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

}
