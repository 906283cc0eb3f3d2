package org.barshaga.quality;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paper forms come back as one file per round ({@link PaperLayout}): every form becomes a
 * response stored like an online one, or, when anything in the file is wrong, the whole
 * file is refused with every problem by line and column and nothing is kept. A school's
 * coordinator imports for the school, a district or region for the schools of its scope.
 * Each paper form counts as a code handed out and used, so a school never gets more
 * responses than the people it is to reach.
 */
@Service
public class PaperImport {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	private final Rounds rounds;

	private final RoundRepository roundRepository;

	private final Responses responses;

	private final Instruments instruments;

	private final AuditLog audit;

	PaperImport(Rounds rounds, RoundRepository roundRepository, Responses responses, Instruments instruments,
			AuditLog audit) {
		this.rounds = rounds;
		this.roundRepository = roundRepository;
		this.responses = responses;
		this.instruments = instruments;
		this.audit = audit;
	}

	/** The forms stored, by school code. */
	public record Imported(int forms, Map<String, Long> bySchool) {
	}

	public static boolean importsPaper(Role role) {
		return role == Role.SCHOOL_COORDINATOR || role == Role.DISTRICT_OFFICER || role == Role.REGION_OFFICER;
	}

	@Transactional
	public Imported importFile(Actor actor, long roundId, String fileName, byte[] content) {
		if (!importsPaper(actor.role())) {
			throw new NotPermittedException("import paper answers");
		}
		Round round = rounds.round(actor, roundId);
		InstrumentVersion definition = instruments.definition(round.instrumentCode(), round.instrumentVersion());
		List<PaperProblem> problems = new ArrayList<>();
		try {
			responses.checkOpen(round);
		}
		catch (InvalidInputException notOpen) {
			notOpen.problems().forEach(p -> problems.add(new PaperProblem(0, null, p.messageKey(), p.arguments())));
			throw new PaperRefused(problems);
		}
		String text = text(content, problems);
		if (text == null) {
			throw new PaperRefused(problems);
		}
		Map<String, RoundSchool> schools = rounds.schools(actor, roundId)
			.stream()
			.collect(Collectors.toMap(RoundSchool::code, Function.identity()));
		List<PaperLayout.Form> forms = PaperLayout.read(definition, text, schools.keySet(), problems);
		if (!problems.isEmpty()) {
			throw new PaperRefused(problems);
		}
		Map<String, Long> bySchool = forms.stream()
			.collect(Collectors.groupingBy(PaperLayout.Form::school, TreeMap::new, Collectors.counting()));
		bySchool.forEach((code, count) -> {
			RoundSchool school = schools.get(code);
			if (!roundRepository.issue(roundId, school.organisationId(), count.intValue())) {
				problems.add(PaperProblem.of(0, null, "quality.paper.tooMany", code, count,
						school.expected() - school.codesIssued()));
			}
		});
		if (!problems.isEmpty()) {
			throw new PaperRefused(problems);
		}
		for (PaperLayout.Form form : forms) {
			responses.storePaper(round, schools.get(form.school()).organisationId(), definition, form.read());
		}
		bySchool.forEach((code, count) -> audit.recorded(actor, AuditAction.IMPORT, "quality_round", roundId,
				schools.get(code).path(), "paper forms: " + count + " for " + code + ", file " + shortened(fileName)));
		return new Imported(forms.size(), bySchool);
	}

	private static String shortened(String fileName) {
		String name = fileName == null ? "" : fileName;
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	/** The file as UTF-8 text; null, with a problem, for one too large or not text. */
	private static String text(byte[] content, List<PaperProblem> problems) {
		if (content == null || content.length == 0) {
			problems.add(PaperProblem.of(0, null, "quality.paper.noFile"));
			return null;
		}
		if (content.length > MAX_BYTES) {
			problems.add(PaperProblem.of(0, null, "quality.paper.tooLarge", MAX_BYTES / (1024 * 1024)));
			return null;
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
			if (text.indexOf('\0') >= 0) {
				problems.add(PaperProblem.of(0, null, "quality.paper.notText"));
				return null;
			}
			return text;
		}
		catch (CharacterCodingException notUtf8) {
			problems.add(PaperProblem.of(0, null, "quality.paper.notText"));
			return null;
		}
	}

}
