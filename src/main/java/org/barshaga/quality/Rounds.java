package org.barshaga.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds of the quality instruments: opened by the Ministry or a region over a unit, seen
 * by every school in it with what it must hand out and its response rate, and the codes
 * the schools hand out. A code is shown once, when it is made, and stored only as its
 * hash; nobody records who received which.
 */
@Service
public class Rounds {

	static final int MAX_CODES_AT_ONCE = 500;

	static final int MAX_CLASS_SIZE = 60;

	private final RoundRepository rounds;

	private final Instruments instruments;

	private final Clock clock;

	Rounds(RoundRepository rounds, Instruments instruments, Clock clock) {
		this.rounds = rounds;
		this.instruments = instruments;
		this.clock = clock;
	}

	public record RoundRequest(String instrument, Integer version, String unit, List<Integer> grades, LocalDate opensOn,
			LocalDate closesOn) {
	}

	@Transactional
	public Round open(Actor actor, RoundRequest request) {
		if (!opensRounds(actor.role())) {
			throw new NotPermittedException("open a quality round");
		}
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		InstrumentVersion definition = null;
		if (request.instrument() == null || request.version() == null) {
			problems.add("instrument", "quality.round.instrumentMissing");
		}
		else {
			try {
				definition = instruments.definition(request.instrument(), request.version());
				if (!definition.published()) {
					problems.add("instrument", "quality.round.notPublished", request.instrument(), request.version());
				}
			}
			catch (NotFoundException unknown) {
				problems.add("instrument", "quality.round.unknownInstrument", request.instrument(), request.version());
			}
		}
		String path = request.unit() == null ? null : rounds.unitPath(request.unit()).orElse(null);
		if (path == null || !actor.scope().contains(path)) {
			problems.add("unit", "quality.round.unknownUnit", String.valueOf(request.unit()));
		}
		LocalDate today = LocalDate.now(clock);
		if (request.opensOn() == null || request.closesOn() == null) {
			problems.add("dates", "quality.round.datesMissing");
		}
		else if (request.closesOn().isBefore(request.opensOn()) || request.closesOn().isBefore(today)) {
			problems.add("dates", "quality.round.datesWrong", request.opensOn(), request.closesOn());
		}
		List<Integer> grades = request.grades() == null ? List.of()
				: request.grades().stream().distinct().sorted().toList();
		if (definition != null && definition.respondent() == Respondent.PUPIL) {
			if (grades.isEmpty() || grades.stream().anyMatch(g -> g == null || g < 3 || g > 12)) {
				problems.add("grades", "quality.round.grades");
			}
		}
		else if (!grades.isEmpty()) {
			problems.add("grades", "quality.round.gradesOnlyForPupils");
		}
		problems.throwIfAny();
		long id = rounds.insert(definition.code(), definition.version(), request.unit(), path, grades,
				request.opensOn(), request.closesOn(), clock.instant(), actor.username());
		rounds.insertSchools(id, path, definition.respondent(), grades);
		return rounds.find(id).orElseThrow();
	}

	public static boolean opensRounds(Role role) {
		return role == Role.ADMIN || role == Role.MINISTRY || role == Role.REGION_OFFICER;
	}

	/** Roles that hand codes out: a school's coordinator, and its district for it. */
	public static boolean handsOutCodes(Role role) {
		return role == Role.SCHOOL_COORDINATOR || role == Role.DISTRICT_OFFICER;
	}

	public List<Round> rounds(Actor actor) {
		return rounds.visible(actor.scope());
	}

	/** A round with a school in the caller's scope; any other is not found. */
	public Round round(Actor actor, long id) {
		Round round = rounds.find(id).orElseThrow(() -> new NotFoundException("round", id));
		if (rounds.schools(id, actor.scope()).isEmpty()) {
			throw new NotFoundException("round", id);
		}
		return round;
	}

	public List<RoundSchool> schools(Actor actor, long id) {
		round(actor, id);
		return rounds.schools(id, actor.scope());
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Personal codes for a school, shown to the caller this once. */
	@Transactional
	public List<String> issueCodes(Actor actor, long id, String schoolCode, int count) {
		RoundSchool school = schoolForCodes(actor, id, schoolCode, false);
		if (count < 1 || count > MAX_CODES_AT_ONCE) {
			throw InvalidInputException.of("count", "quality.codes.countRange", MAX_CODES_AT_ONCE);
		}
		if (!rounds.issue(id, school.organisationId(), count)) {
			throw InvalidInputException.of("count", "quality.codes.tooMany", school.expected() - school.codesIssued());
		}
		List<String> codes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String code = SurveyCodes.generate();
			rounds.insertCode(SurveyCodes.hash(code), id, school.organisationId(), CodeKind.PERSONAL, 1);
			codes.add(code);
		}
		return codes;
	}

	/**
	 * One code for a class of pupils: it takes as many responses as the class has pupils,
	 * and those pupils count against the school's pupils to reach.
	 */
	@Transactional
	public String classCode(Actor actor, long id, String schoolCode, int classSize) {
		RoundSchool school = schoolForCodes(actor, id, schoolCode, true);
		if (classSize < 1 || classSize > MAX_CLASS_SIZE) {
			throw InvalidInputException.of("classSize", "quality.codes.classSizeRange", MAX_CLASS_SIZE);
		}
		if (!rounds.issue(id, school.organisationId(), classSize)) {
			throw InvalidInputException.of("classSize", "quality.codes.tooMany",
					school.expected() - school.codesIssued());
		}
		String code = SurveyCodes.generate();
		rounds.insertCode(SurveyCodes.hash(code), id, school.organisationId(), CodeKind.CLASS, classSize);
		return code;
	}

	private RoundSchool schoolForCodes(Actor actor, long id, String schoolCode, boolean forClass) {
		if (!handsOutCodes(actor.role())) {
			throw new NotPermittedException("hand out survey codes");
		}
		Round round = round(actor, id);
		RoundSchool school = rounds.school(id, schoolCode, actor.scope())
			.orElseThrow(() -> new NotFoundException("school", schoolCode));
		if (round.status(today()) == Round.Status.CLOSED) {
			throw InvalidInputException.of("round", "quality.round.closed", round.closesOn());
		}
		boolean pupils = instruments.definition(round.instrumentCode(), round.instrumentVersion())
			.respondent() == Respondent.PUPIL;
		if (pupils != forClass) {
			throw InvalidInputException.of("count",
					pupils ? "quality.codes.pupilsUseClassCodes" : "quality.codes.classCodesForPupils");
		}
		return school;
	}

}
