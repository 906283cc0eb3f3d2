package org.barshaga.network;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.barshaga.audit.AuditLog;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.Level;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.OrganisationStatus;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Organisations;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank of practical solutions. A school or a centre writes a practice, cites its own
 * figures from the indicators and attaches files; a resource centre of its region
 * publishes it or returns it with a note; everyone signed in reads and searches the
 * published ones, and schools say they tried one. Every change is audited under
 * {@value #RECORD_TYPE} and made only at the version the user saw.
 */
@Service
@Transactional(readOnly = true)
class Practices {

	static final String RECORD_TYPE = "practice";

	static final int TITLE_LIMIT = 300;

	static final int NOTE_LIMIT = 1000;

	static final int SEARCH_LIMIT = 50;

	/** The indicators a practice may cite: figures a school has by itself. */
	static final List<String> CITABLE = List.of("SUPPORT_COVERAGE", "SPECIALISTS", "TRAINED_TEACHERS", "ACCESSIBLE");

	static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

	private static final Set<Role> AUTHOR_ROLES = EnumSet.of(Role.SCHOOL_COORDINATOR, Role.SPECIALIST,
			Role.PMPC_SPECIALIST);

	private final PracticeRepository rows;

	private final PracticeSearch search;

	private final Organisations organisations;

	private final Indicators indicators;

	private final AuditLog audit;

	private final Clock clock;

	Practices(PracticeRepository rows, PracticeSearch search, Organisations organisations, Indicators indicators,
			AuditLog audit, Clock clock) {
		this.rows = rows;
		this.search = search;
		this.organisations = organisations;
		this.indicators = indicators;
		this.audit = audit;
		this.clock = clock;
	}

	// Who

	/** The school or centre the actor writes practices for. */
	Optional<Organisation> authorPlace(Actor actor) {
		if (!AUTHOR_ROLES.contains(actor.role())) {
			return Optional.empty();
		}
		return organisations.ofScope(actor.scope())
			.filter(place -> place.status() == OrganisationStatus.OPEN)
			.filter(place -> place.type().teachesChildren() || Parties.CENTRE_TYPES.contains(place.type()));
	}

	/** The resource centre the actor moderates for. */
	Optional<Organisation> moderatorPlace(Actor actor) {
		if (!Parties.CENTRE_ROLES.contains(actor.role())) {
			return Optional.empty();
		}
		return organisations.ofScope(actor.scope())
			.filter(place -> place.status() == OrganisationStatus.OPEN)
			.filter(place -> place.type() == OrganisationType.RESOURCE_CENTRE);
	}

	boolean writes(Actor actor, Practice practice) {
		return authorPlace(actor).filter(place -> place.id() == practice.organisationId()).isPresent();
	}

	/** A resource centre of the practice's region, other than its author. */
	boolean moderates(Actor actor, Practice practice) {
		return moderatorPlace(actor)
			.filter(centre -> centre.id() != practice.organisationId()
					&& Parties.regionCode(centre.path()).equals(Parties.regionCode(practice.path())))
			.isPresent();
	}

	/** A school (not the author) that may say it tried a published practice. */
	Optional<Organisation> trialPlace(Actor actor, Practice practice) {
		return authorPlace(actor).filter(place -> place.type().teachesChildren())
			.filter(place -> place.id() != practice.organisationId())
			.filter(place -> practice.status() == PracticeStatus.PUBLISHED);
	}

	// Reading

	/**
	 * A practice as the actor may see it: published ones by everyone signed in, the
	 * others by their place and officers above it, and once submitted by the region's
	 * resource centres.
	 */
	Practice.Full read(Actor actor, long id) {
		Practice practice = visible(actor, id);
		return new Practice.Full(practice, rows.figures(id), rows.files(id), rows.trials(id));
	}

	byte[] file(Actor actor, long id, long fileId) {
		visible(actor, id);
		return rows.content(id, fileId).orElseThrow(() -> new NotFoundException("practice file", fileId));
	}

	Practice.File fileInfo(Actor actor, long id, long fileId) {
		visible(actor, id);
		return rows.files(id)
			.stream()
			.filter(f -> f.id() == fileId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("practice file", fileId));
	}

	private Practice visible(Actor actor, long id) {
		Practice practice = rows.find(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
		if (practice.status() != PracticeStatus.PUBLISHED
				&& !(actor.scope().contains(practice.path()) && !actor.is(Role.RESEARCHER))
				&& !(moderates(actor, practice) && practice.status() != PracticeStatus.DRAFT)) {
			throw new NotFoundException(RECORD_TYPE, id);
		}
		return practice;
	}

	/**
	 * Published practices matching the words in any of the three languages, best first.
	 */
	Found search(String text) {
		if (text == null || text.isBlank()) {
			return new Found(rows.newestPublished(SEARCH_LIMIT), -1);
		}
		PracticeIndex.Hits hits = search.search(text, SEARCH_LIMIT);
		return new Found(rows.published(hits.ids()), hits.total());
	}

	/**
	 * @param total how many matched in all; -1 when no words were asked
	 */
	record Found(List<Practice> practices, long total) {
	}

	/** The practices of the actor's place not yet published. */
	List<Practice> own(Actor actor) {
		return authorPlace(actor)
			.map(place -> rows.unpublished(new DataScope(place.path()),
					EnumSet.of(PracticeStatus.DRAFT, PracticeStatus.SUBMITTED, PracticeStatus.RETURNED)))
			.orElse(List.of());
	}

	/** Practices of the region waiting for the actor's resource centre. */
	List<Practice> toModerate(Actor actor) {
		return moderatorPlace(actor)
			.map(centre -> rows
				.unpublished(new DataScope("/KZ/" + Parties.regionCode(centre.path()) + "/"),
						EnumSet.of(PracticeStatus.SUBMITTED))
				.stream()
				.filter(p -> p.organisationId() != centre.id())
				.toList())
			.orElse(List.of());
	}

	// Writing

	@Transactional
	long create(Actor actor, PracticeDraft draft) {
		Organisation place = authorPlace(actor).orElseThrow(() -> new NotPermittedException("write practices"));
		PracticeDraft clean = PracticeRules.check(draft);
		long id = rows.insert(place.id(), place.path(), clean, actor.username(), Instant.now(clock));
		audit.created(actor, RECORD_TYPE, id, place.path(), PracticeRules.audited(clean));
		return id;
	}

	@Transactional
	void update(Actor actor, long id, int version, PracticeDraft draft) {
		Practice before = editable(actor, id, version);
		PracticeDraft clean = PracticeRules.check(draft);
		if (!rows.update(id, version, clean)) {
			throw new EditConflictException(RECORD_TYPE, id);
		}
		audit.updated(actor, RECORD_TYPE, id, before.path(), PracticeRules.audited(before.text()),
				PracticeRules.audited(clean));
	}

	/** Attaches a file whose content is what its name says and within the limits. */
	@Transactional
	long attach(Actor actor, long id, int version, String name, byte[] content) {
		Practice practice = editable(actor, id, version);
		PracticeFiles.Checked file = PracticeFiles.check(name, content, rows.files(id).size());
		long fileId = rows.insertFile(id, file.name(), file.contentType(), file.content(), actor.username(),
				Instant.now(clock));
		audit.updated(actor, RECORD_TYPE, id, practice.path(), Map.of(),
				Map.of("file", file.name() + " (" + file.contentType() + ", " + file.content().length + " bytes)"));
		return fileId;
	}

	/**
	 * Cites the school's value of an indicator in a year before and a year after, read
	 * from the indicators as the author's own scope sees them.
	 */
	@Transactional
	void cite(Actor actor, long id, int version, String indicator, Integer yearBefore, Integer yearAfter) {
		Practice practice = editable(actor, id, version);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (indicator == null || !CITABLE.contains(indicator)) {
			problems.add("indicator", "validation.practice.indicator");
		}
		int current = indicators.currentYear();
		for (Map.Entry<String, Integer> year : Map
			.of("yearBefore", yearBefore == null ? -1 : yearBefore, "yearAfter", yearAfter == null ? -1 : yearAfter)
			.entrySet()) {
			if (year.getValue() < current - 10 || year.getValue() > current) {
				problems.add(year.getKey(), "validation.indicator.year", year.getValue(), current - 10, current);
			}
		}
		if (yearBefore != null && yearAfter != null && yearBefore >= yearAfter) {
			problems.add("yearAfter", "validation.practice.yearOrder");
		}
		Organisation place = organisations.findByCode(practice.organisationCode()).orElseThrow();
		if (!place.type().teachesChildren()) {
			problems.add("indicator", "validation.practice.figuresOfSchools");
		}
		problems.throwIfAny();
		Practice.Figure figure = new Practice.Figure(indicator, yearBefore, value(actor, indicator, place, yearBefore),
				yearAfter, value(actor, indicator, place, yearAfter));
		rows.putFigure(id, figure);
		audit.updated(actor, RECORD_TYPE, id, practice.path(), Map.of(), Map.of("figure." + indicator,
				yearBefore + ": " + figure.before() + " → " + yearAfter + ": " + figure.after()));
	}

	private java.math.BigDecimal value(Actor actor, String indicator, Organisation school, int year) {
		try {
			IndicatorValue total = indicators.values(actor, indicator, school.code(), year, Level.SELF, List.of())
				.total();
			return total == null ? null : total.value();
		}
		catch (NotFoundException noFigures) {
			return null;
		}
	}

	@Transactional
	void submit(Actor actor, long id, int version) {
		Practice before = editable(actor, id, version);
		move(actor, before, version, before.status(), PracticeStatus.SUBMITTED,
				columns("submitted_at", Instant.now(clock)));
	}

	@Transactional
	void publish(Actor actor, long id, int version) {
		Practice before = moderated(actor, id, version);
		move(actor, before, version, PracticeStatus.SUBMITTED, PracticeStatus.PUBLISHED,
				columns("moderated_at", Instant.now(clock), "moderated_by", actor.username(), "moderation_note", null,
						"published_on", LocalDate.now(clock)));
	}

	@Transactional
	void sendBack(Actor actor, long id, int version, String note) {
		Practice before = moderated(actor, id, version);
		if (note == null || note.isBlank()) {
			throw InvalidInputException.of("moderationNote", "validation.required");
		}
		if (note.strip().length() > NOTE_LIMIT) {
			throw InvalidInputException.of("moderationNote", "validation.tooLong", NOTE_LIMIT);
		}
		move(actor, before, version, PracticeStatus.SUBMITTED, PracticeStatus.RETURNED, columns("moderated_at",
				Instant.now(clock), "moderated_by", actor.username(), "moderation_note", note.strip()));
	}

	/** "We tried this": one short report per school and practice. */
	@Transactional
	void tried(Actor actor, long id, String report) {
		Practice practice = visible(actor, id);
		Organisation school = trialPlace(actor, practice)
			.orElseThrow(() -> new NotPermittedException("report trying a practice"));
		if (report == null || report.isBlank()) {
			throw InvalidInputException.of("report", "validation.required");
		}
		if (report.strip().length() > NOTE_LIMIT) {
			throw InvalidInputException.of("report", "validation.tooLong", NOTE_LIMIT);
		}
		if (rows.tried(id, school.id())) {
			throw InvalidInputException.of("report", "validation.practice.triedAlready");
		}
		rows.insertTrial(id, school.id(), school.path(), report.strip(), actor.username(), Instant.now(clock));
		audit.created(actor, "practice_trial", id + "/" + school.code(), school.path(),
				Map.of("practice", id, "report", report.strip()));
	}

	long count() {
		return rows.count();
	}

	// The rules the steps share

	private Practice editable(Actor actor, long id, int version) {
		Practice practice = visible(actor, id);
		if (!writes(actor, practice)) {
			throw new NotPermittedException("edit practices");
		}
		return atVersion(practice, version, PracticeStatus.DRAFT, PracticeStatus.RETURNED);
	}

	private Practice moderated(Actor actor, long id, int version) {
		Practice practice = visible(actor, id);
		if (!moderates(actor, practice)) {
			throw new NotPermittedException("moderate practices");
		}
		return atVersion(practice, version, PracticeStatus.SUBMITTED);
	}

	private static Practice atVersion(Practice practice, int version, PracticeStatus... from) {
		if (practice.version() != version) {
			throw new EditConflictException(RECORD_TYPE, practice.id());
		}
		if (!Set.of(from).contains(practice.status())) {
			throw InvalidInputException.of("status", "validation.practice.state",
					new DefaultMessageSourceResolvable(practice.status().messageKey()));
		}
		return practice;
	}

	private void move(Actor actor, Practice before, int version, PracticeStatus from, PracticeStatus to,
			Map<String, Object> columns) {
		if (!rows.move(before.id(), version, from, to, columns)) {
			throw new EditConflictException(RECORD_TYPE, before.id());
		}
		Map<String, Object> after = new LinkedHashMap<>(columns);
		after.put("status", to);
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("status", from);
		audit.updated(actor, RECORD_TYPE, before.id(), before.path(), was, after);
	}

	private static Map<String, Object> columns(Object... pairs) {
		Map<String, Object> columns = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			columns.put((String) pairs[i], pairs[i + 1]);
		}
		return columns;
	}

}
