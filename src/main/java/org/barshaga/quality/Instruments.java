package org.barshaga.quality;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quality instruments: their catalogue, each version's definition, and the scores of
 * a set of answers by the scoring rule ({@link ScaleScoring}). Definitions are not
 * personal data and are the same for every signed-in user. Drafts are written and
 * published only by the shipped-instrument loader for now.
 */
@Service
public class Instruments {

	private final InstrumentRepository repository;

	private final Clock clock;

	/** Published versions never change, so once read they are kept. */
	private final Map<String, InstrumentVersion> published = new ConcurrentHashMap<>();

	Instruments(InstrumentRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	public List<Instrument> catalogue() {
		return repository.catalogue();
	}

	public InstrumentVersion definition(String code, int version) {
		InstrumentVersion cached = published.get(key(code, version));
		if (cached != null) {
			return cached;
		}
		InstrumentVersion found = repository.find(code, version)
			.orElseThrow(() -> new NotFoundException("instrument", code + "/" + version));
		if (found.published()) {
			published.put(key(code, version), found);
		}
		return found;
	}

	/**
	 * The scale scores of one set of answers, stored nowhere. Answers off an item's
	 * scale, for unknown or hidden items, or "don't know" / "not applicable" where the
	 * item does not offer it, are refused together.
	 */
	public Map<String, ScaleScore> score(String code, int version, Map<String, Object> answers) {
		InstrumentVersion definition = definition(code, version);
		return ScaleScoring.score(definition, AnswerReader.read(definition, answers));
	}

	/**
	 * Stores a draft, replacing the earlier draft of the same version; a published
	 * version is refused, since it never changes.
	 */
	@Transactional
	void saveDraft(InstrumentVersion draft) {
		DraftRules.check(draft);
		if (repository.status(draft.code(), draft.version()).orElse(null) == VersionStatus.PUBLISHED) {
			throw InvalidInputException.of("version", "quality.draft.published", draft.code(), draft.version());
		}
		repository.deleteDraft(draft.code(), draft.version());
		repository.insertDraft(draft.withStatus(VersionStatus.DRAFT), clock.instant());
	}

	@Transactional
	void publish(String code, int version) {
		VersionStatus status = repository.status(code, version)
			.orElseThrow(() -> new NotFoundException("instrument", code + "/" + version));
		if (status == VersionStatus.PUBLISHED || repository.publish(code, version, clock.instant()) == 0) {
			throw InvalidInputException.of("version", "quality.draft.published", code, version);
		}
	}

	private static String key(String code, int version) {
		return code + "/" + version;
	}

}
