package org.barshaga.conditions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.ApprovedFigures;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.PersonNames;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.SpecialistType;
import org.barshaga.learner.LearnerAggregates;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Organisations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * School conditions, staff and training, their evaluation against criteria sets, and the
 * staffing gap. Everything is computed from the current data on each request (no stored
 * results to go stale); an evaluation names the criteria version it used, and versions
 * never change.
 */
@Service
@Transactional(readOnly = true)
public class SchoolConditions {

	static final String SURVEY = "conditions";

	static final String STAFF = "staff";

	private static final BigDecimal MAX_FTE = BigDecimal.valueOf(2);

	private static final Pattern NAME = Pattern.compile("\\S.{0,199}");

	private final ConditionsRepository repository;

	private final Organisations organisations;

	private final AdminUnits units;

	private final LearnerAggregates learners;

	private final AuditLog audit;

	private final Clock clock;

	private final ApprovedFigures approved;

	SchoolConditions(ConditionsRepository repository, Organisations organisations, AdminUnits units,
			LearnerAggregates learners, AuditLog audit, Clock clock, ApprovedFigures approved) {
		this.approved = approved;
		this.repository = repository;
		this.organisations = organisations;
		this.units = units;
		this.learners = learners;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The day a school year is counted on: 1 October, or today while that is still ahead.
	 */
	public LocalDate census(int year) {
		LocalDate first = new SchoolYear(year).census();
		LocalDate today = LocalDate.now(clock);
		return today.isBefore(first) && !today.isBefore(new SchoolYear(year).start()) ? today : first;
	}

	public int currentYear() {
		return SchoolYear.of(LocalDate.now(clock)).startYear();
	}

	/** A school in the actor's scope; anything else is "not found". */
	public Organisation school(Actor actor, String code) {
		Organisation school = organisations.findByCode(code == null ? "" : code.strip())
			.filter(o -> o.type() == OrganisationType.GENERAL_SCHOOL || o.type() == OrganisationType.SPECIAL_SCHOOL)
			.filter(o -> actor.scope().contains(o.path()))
			.orElseThrow(() -> new NotFoundException("school", code));
		return school;
	}

	/** The unit or school named by a code, as a scope inside the actor's. */
	DataScope place(Actor actor, String code) {
		DataScope scope = units.find(code)
			.map(OrgUnit::scope)
			.orElseGet(() -> new DataScope(school(actor, code).path()));
		if (!actor.scope().contains(scope) && !scope.contains(actor.scope())) {
			throw new NotFoundException("place", code);
		}
		// A user bound below the unit sees only their own part of it.
		return actor.scope().contains(scope) ? scope : actor.scope();
	}

	public boolean canEdit(Actor actor, Organisation school) {
		return (actor.role() == Role.SCHOOL_COORDINATOR || actor.role() == Role.DISTRICT_OFFICER
				|| actor.role() == Role.REGION_OFFICER) && actor.scope().contains(school.path());
	}

	// The survey

	public Survey survey(Actor actor, String code, int year) {
		Organisation school = school(actor, code);
		validYear(year);
		return repository.survey(school.id(), year)
			.orElse(new Survey(0, school.id(), year, Map.of(), null, null, null, null, 0));
	}

	@Transactional
	public Survey saveSurvey(Actor actor, String code, int year, SurveyDraft draft) {
		Organisation school = school(actor, code);
		if (!canEdit(actor, school)) {
			throw new NotPermittedException("record school conditions");
		}
		validYear(year);
		approved.refuseIfLocked(school.id(), year, "schoolYear");
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Map<ConditionItem, Survey.Entry> items = new EnumMap<>(ConditionItem.class);
		if (draft.items() != null) {
			draft.items().forEach((item, entry) -> {
				if (entry == null || entry.status() == null) {
					return;
				}
				String note = entry.note() == null || entry.note().isBlank() ? null : entry.note().strip();
				if (note != null && note.length() > 400) {
					problems.add("note." + item.name(), "validation.tooLong", 400);
				}
				items.put(item, new Survey.Entry(entry.status(), note));
			});
		}
		LocalDate reportedOn = draft.reportedCreated() == null ? null : draft.reportedOn();
		if (draft.reportedCreated() != null && reportedOn == null) {
			problems.add("reportedOn", "validation.conditions.reportedOn");
		}
		if (reportedOn != null && reportedOn.isAfter(LocalDate.now(clock))) {
			problems.add("reportedOn", "validation.date.future");
		}
		problems.throwIfAny();
		SurveyDraft clean = new SurveyDraft(items, draft.reportedCreated(), reportedOn, draft.version());
		Instant now = Instant.now(clock);
		Survey before = repository.survey(school.id(), year).orElse(null);
		if (before == null) {
			long id = repository.insertSurvey(school.id(), school.path(), year, clean, actor.username(), now);
			audit.created(actor, SURVEY, id, school.path(), fields(year, clean));
		}
		else {
			if (draft.version() == null || !repository.updateSurvey(before.id(), clean, actor.username(), now)) {
				throw new EditConflictException(SURVEY, before.id());
			}
			audit.updated(actor, SURVEY, before.id(), school.path(),
					fields(year, new SurveyDraft(before.items(), before.reportedCreated(), before.reportedOn(), null)),
					fields(year, clean));
		}
		return repository.survey(school.id(), year).orElseThrow();
	}

	private static Map<String, Object> fields(int year, SurveyDraft survey) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("schoolYear", year);
		for (ConditionItem item : ConditionItem.values()) {
			Survey.Entry entry = survey.items().get(item);
			fields.put(item.name(),
					entry == null ? null : entry.status() + (entry.note() == null ? "" : " " + entry.note()));
		}
		fields.put("reportedCreated", survey.reportedCreated());
		fields.put("reportedOn", survey.reportedOn());
		return fields;
	}

	private void validYear(int year) {
		int current = currentYear();
		if (year < current - 10 || year > current + 1) {
			throw InvalidInputException.of("year", "validation.conditions.year", year);
		}
	}

	// Evaluation

	public List<CriteriaSet> criteriaSets() {
		return repository.criteriaSets();
	}

	public CriteriaSet criteriaSet(String code) {
		return repository.criteriaSets()
			.stream()
			.filter(s -> s.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("criteriaSet", code));
	}

	/**
	 * A school's evaluation under a criteria set, at its current version or the given
	 * one.
	 */
	public Evaluation evaluate(Actor actor, String code, int year, String setCode, Integer version) {
		Organisation school = school(actor, code);
		validYear(year);
		CriteriaSet set = criteriaSet(setCode);
		CriteriaSet.Version used = version == null ? set.current()
				: set.versions()
					.stream()
					.filter(v -> v.version() == version)
					.findFirst()
					.orElseThrow(() -> new NotFoundException("criteriaVersion", version));
		DataScope scope = new DataScope(school.path());
		SchoolFacts facts = facts(scope, year).getOrDefault(school.id(), emptyFacts());
		return withoutChildrenFigures(actor, evaluation(school, year, set, used, CriteriaRules.parse(used.rules()),
				repository.reported(scope, year).get(school.id()), facts));
	}

	/**
	 * A school's facts and its evaluation under the current version of every criteria
	 * set, read once for all the sets.
	 */
	public SchoolStatus status(Actor actor, String code, int year) {
		Organisation school = school(actor, code);
		validYear(year);
		DataScope scope = new DataScope(school.path());
		SchoolFacts facts = facts(scope, year).getOrDefault(school.id(), emptyFacts());
		Boolean reported = repository.reported(scope, year).get(school.id());
		List<CriteriaSet> sets = criteriaSets();
		List<Evaluation> evaluations = sets.stream()
			.map(set -> evaluation(school, year, set, set.current(), CriteriaRules.parse(set.current().rules()),
					reported, facts))
			.toList();
		if (actor.role() == Role.RESEARCHER) {
			return new SchoolStatus(school, null, sets,
					evaluations.stream().map(e -> withoutChildrenFigures(actor, e)).toList());
		}
		return new SchoolStatus(school, facts, sets, evaluations);
	}

	/**
	 * An evaluation as a reader may see it: researchers get no value that counts a
	 * school's children (their figures come from the indicators, suppressed).
	 */
	private static Evaluation withoutChildrenFigures(Actor actor, Evaluation evaluation) {
		if (actor.role() != Role.RESEARCHER) {
			return evaluation;
		}
		List<CriteriaRules.Failure> failures = evaluation.failedRules()
			.stream()
			.map(f -> SchoolFacts.CHILDREN_FIELDS.stream().anyMatch(field -> f.requirement().startsWith(field + " "))
					? new CriteriaRules.Failure(f.rule(), null, f.threshold(), f.requirement()) : f)
			.toList();
		return new Evaluation(evaluation.school(), evaluation.year(), evaluation.criteriaSet(),
				evaluation.criteriaVersion(), evaluation.reported(), evaluation.measured(), failures);
	}

	/** Every school of a unit (inside the actor's scope) under a criteria set. */
	public List<SchoolEvaluation> evaluateWithin(Actor actor, String unitCode, int year, String setCode) {
		DataScope scope = place(actor, unitCode);
		validYear(year);
		CriteriaSet set = criteriaSet(setCode);
		Map<Long, SchoolFacts> facts = facts(scope, year);
		Map<Long, Boolean> reported = repository.reported(scope, year);
		List<CriteriaRules.Rule> rules = CriteriaRules.parse(set.current().rules());
		List<SchoolEvaluation> result = new ArrayList<>();
		for (Organisation school : organisations.schoolsWithin(scope)) {
			result.add(new SchoolEvaluation(school, withoutChildrenFigures(actor, evaluation(school, year, set,
					set.current(), rules, reported.get(school.id()), facts.getOrDefault(school.id(), emptyFacts())))));
		}
		return result;
	}

	private static Evaluation evaluation(Organisation school, int year, CriteriaSet set, CriteriaSet.Version version,
			List<CriteriaRules.Rule> rules, Boolean reported, SchoolFacts facts) {
		List<CriteriaRules.Failure> failures = CriteriaRules.failures(rules, facts);
		return new Evaluation(school.code(), year, set.code(), version.version(), reported, failures.isEmpty(),
				failures);
	}

	private Map<Long, SchoolFacts> facts(DataScope scope, int year) {
		LocalDate census = census(year);
		Map<Long, Map<ConditionItem, ItemStatus>> items = repository.items(scope, year);
		Map<Long, Long> enrolled = learners.enrolledByOrganisation(scope, census);
		Map<Long, Map<PositionType, BigDecimal>> fte = repository.fte(scope, census);
		Map<Long, long[]> teachers = repository.teachers(scope, census);
		Map<Long, SchoolFacts> facts = new java.util.HashMap<>();
		java.util.Set<Long> schools = new java.util.HashSet<>(items.keySet());
		schools.addAll(enrolled.keySet());
		schools.addAll(fte.keySet());
		for (Long id : schools) {
			BigDecimal support = fte.getOrDefault(id, Map.of())
				.entrySet()
				.stream()
				.filter(e -> e.getKey() != PositionType.TEACHER)
				.map(Map.Entry::getValue)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			long[] teaching = teachers.getOrDefault(id, new long[2]);
			facts.put(id, new SchoolFacts(items.getOrDefault(id, Map.of()), enrolled.getOrDefault(id, 0L), support,
					teaching[0], teaching[1]));
		}
		return facts;
	}

	private static SchoolFacts emptyFacts() {
		return new SchoolFacts(Map.of(), 0, BigDecimal.ZERO, 0, 0);
	}

	/** Publishes the next version of a criteria set (administrators only). */
	@Transactional
	public CriteriaSet publish(Actor actor, String setCode, String rules) {
		if (actor.role() != Role.ADMIN) {
			throw new NotPermittedException("edit criteria sets");
		}
		CriteriaSet set = criteriaSet(setCode);
		CriteriaRules.parse(rules);
		String text = rules.strip();
		if (text.equals(set.current().rules().strip())) {
			throw InvalidInputException.of("rules", "validation.criteria.unchanged");
		}
		int next = set.current().version() + 1;
		repository.insertVersion(set.id(), next, text, actor.username(), Instant.now(clock));
		audit.updated(actor, "criteriaSet", set.code(), DataScope.NATION.pathPrefix(),
				Map.of("version", set.current().version(), "rules", set.current().rules()),
				Map.of("version", next, "rules", text));
		return criteriaSet(setCode);
	}

	// Staff

	/** The staff of a school; each person shown is an audited read. */
	@Transactional
	public List<StaffMember> staff(Actor actor, String code) {
		Organisation school = school(actor, code);
		if (actor.role() == Role.RESEARCHER) {
			throw new NotPermittedException("read staff records");
		}
		List<StaffMember> staff = repository.staff(school.id());
		for (StaffMember member : staff) {
			audit.recorded(actor, AuditAction.READ, STAFF, member.id(), school.path(),
					"list: fullName, iin, position, fte, trainings");
		}
		return staff;
	}

	@Transactional
	public long addStaff(Actor actor, String code, StaffDraft draft) {
		Organisation school = school(actor, code);
		if (!canEdit(actor, school)) {
			throw new NotPermittedException("record staff");
		}
		// The staff register has no school year: it is the current year's figures that a
		// submission covers.
		approved.refuseIfLocked(school.id(), currentYear(), "schoolYear");
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (draft.fullName() == null || !NAME.matcher(draft.fullName().strip()).matches()) {
			problems.add("fullName", draft.fullName() == null || draft.fullName().isBlank() ? "validation.required"
					: "validation.tooLong", 200);
		}
		else {
			PersonNames.check(problems, "fullName", draft.fullName());
		}
		String iin = Iin.normalise(draft.iin());
		if (iin != null) {
			Iin.problem(iin).ifPresent(problem -> problems.add("iin", "validation.iin." + problem.name()));
		}
		if (draft.position() == null) {
			problems.add("position", "validation.required");
		}
		if (draft.fte() == null) {
			problems.add("fte", "validation.required");
		}
		else if (draft.fte().signum() <= 0 || draft.fte().compareTo(MAX_FTE) > 0) {
			problems.add("fte", "validation.staff.fte");
		}
		else if (draft.fte().scale() > 2) {
			problems.add("fte", "validation.staff.ftePrecision");
		}
		if (draft.qualification() != null && draft.qualification().length() > 400) {
			problems.add("qualification", "validation.tooLong", 400);
		}
		if (draft.startedOn() == null) {
			problems.add("startedOn", "validation.required");
		}
		else if (draft.startedOn().isAfter(LocalDate.now(clock).plusMonths(3))) {
			problems.add("startedOn", "validation.staff.startedOn");
		}
		if (draft.endedOn() != null && draft.startedOn() != null && draft.endedOn().isBefore(draft.startedOn())) {
			problems.add("endedOn", "validation.enrolment.endBeforeStart");
		}
		problems.throwIfAny();
		StaffDraft clean = new StaffDraft(draft.fullName().strip(), iin, draft.position(), draft.fte(),
				draft.qualification() == null || draft.qualification().isBlank() ? null : draft.qualification().strip(),
				draft.startedOn(), draft.endedOn());
		long id = repository.insertStaff(school.id(), school.path(), clean, actor.username(), Instant.now(clock));
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("fullName", clean.fullName());
		fields.put("iin", clean.iin());
		fields.put("position", clean.position());
		fields.put("fte", clean.fte());
		fields.put("qualification", clean.qualification());
		fields.put("startedOn", clean.startedOn());
		fields.put("endedOn", clean.endedOn());
		audit.created(actor, STAFF, id, school.path(), fields);
		return id;
	}

	@Transactional
	public long addTraining(Actor actor, long staffId, TrainingDraft draft) {
		Map.Entry<Long, String> place = repository.staffPlace(staffId, actor.scope())
			.orElseThrow(() -> new NotFoundException(STAFF, staffId));
		if (!(actor.role() == Role.SCHOOL_COORDINATOR || actor.role() == Role.DISTRICT_OFFICER
				|| actor.role() == Role.REGION_OFFICER)) {
			throw new NotPermittedException("record training");
		}
		approved.refuseIfLocked(place.getKey(), currentYear(), "schoolYear");
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		TrainingRules.check(draft, LocalDate.now(clock), problems);
		problems.throwIfAny();
		long id = repository.insertTraining(staffId, draft, actor.username(), Instant.now(clock));
		Map<String, Object> fields = TrainingRules.audited(draft);
		audit.created(actor, STAFF, staffId, place.getValue(), fields);
		return id;
	}

	// Staffing need and gap

	public List<StaffingNorm> norms() {
		return repository.norms();
	}

	@Transactional
	public void updateNorms(Actor actor, Map<PositionType, BigDecimal[]> figures) {
		if (actor.role() != Role.ADMIN) {
			throw new NotPermittedException("edit staffing norms");
		}
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		for (StaffingNorm norm : repository.norms()) {
			BigDecimal[] given = figures.get(norm.position());
			if (given == null) {
				continue;
			}
			if (given[0] == null || given[0].signum() <= 0 || given[0].compareTo(BigDecimal.valueOf(60)) > 0) {
				problems.add("normHours." + norm.position().name(), "validation.norm.hours");
			}
			if (given[1] == null || given[1].signum() < 0) {
				problems.add("normCost." + norm.position().name(), "validation.norm.cost");
			}
		}
		problems.throwIfAny();
		Instant now = Instant.now(clock);
		for (StaffingNorm norm : repository.norms()) {
			BigDecimal[] given = figures.get(norm.position());
			if (given != null && (given[0].compareTo(norm.weeklyHoursPerFte()) != 0
					|| given[1].compareTo(norm.yearlyCostPerFte()) != 0)) {
				repository.updateNorm(
						new StaffingNorm(norm.position(), given[0], given[1], false, now, actor.username()),
						actor.username(), now);
				audit.updated(actor, "staffingNorm", norm.position().name(), DataScope.NATION.pathPrefix(),
						Map.of("weeklyHoursPerFte", norm.weeklyHoursPerFte(), "yearlyCostPerFte",
								norm.yearlyCostPerFte()),
						Map.of("weeklyHoursPerFte", given[0], "yearlyCostPerFte", given[1]));
			}
		}
	}

	/**
	 * Support staff needed from the learners' recommended weekly hours (the conclusions
	 * in force on the census day, divided by the weekly hours one FTE gives), in post,
	 * missing and what the missing posts cost a year, for a unit or school.
	 */
	public StaffingGap staffing(Actor actor, String code, int year) {
		if (actor.role() == Role.RESEARCHER) {
			// Staff needed comes from children's conclusions school by school;
			// researchers
			// read it as the indicator SPECIALIST_GAP, whose small cells are suppressed.
			throw new NotPermittedException("read staffing needs derived from children's conclusions");
		}
		DataScope scope = place(actor, code);
		validYear(year);
		LocalDate census = census(year);
		Map<PositionType, StaffingNorm> norms = new EnumMap<>(PositionType.class);
		repository.norms().forEach(n -> norms.put(n.position(), n));
		Map<Long, Map<SpecialistType, BigDecimal>> hours = learners.recommendedWeeklyHours(scope, census);
		Map<Long, Map<PositionType, BigDecimal>> fte = repository.fte(scope, census);
		Map<PositionType, StaffingGap.Line> total = new EnumMap<>(PositionType.class);
		List<StaffingGap.School> schools = new ArrayList<>();
		StaffingGap.Line zero = new StaffingGap.Line(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO);
		for (Organisation school : organisations.schoolsWithin(scope)) {
			Map<PositionType, StaffingGap.Line> lines = staffingLines(norms, hours.getOrDefault(school.id(), Map.of()),
					fte.getOrDefault(school.id(), Map.of()));
			lines.forEach((position, line) -> total.merge(position, line, StaffingGap.Line::plus));
			schools.add(new StaffingGap.School(school, lines));
		}
		for (SpecialistType specialist : SpecialistType.values()) {
			total.putIfAbsent(PositionType.of(specialist), zero);
		}
		return new StaffingGap(code, year, census, total, schools);
	}

	private static Map<PositionType, StaffingGap.Line> staffingLines(Map<PositionType, StaffingNorm> norms,
			Map<SpecialistType, BigDecimal> hours, Map<PositionType, BigDecimal> fte) {
		Map<PositionType, StaffingGap.Line> lines = new EnumMap<>(PositionType.class);
		for (SpecialistType specialist : SpecialistType.values()) {
			PositionType position = PositionType.of(specialist);
			StaffingNorm norm = norms.get(position);
			BigDecimal needed = hours.getOrDefault(specialist, BigDecimal.ZERO)
				.divide(norm.weeklyHoursPerFte(), 2, RoundingMode.HALF_UP);
			BigDecimal available = fte.getOrDefault(position, BigDecimal.ZERO);
			BigDecimal gap = needed.subtract(available).max(BigDecimal.ZERO);
			lines.put(position, new StaffingGap.Line(needed, available, gap,
					gap.multiply(norm.yearlyCostPerFte()).setScale(0, RoundingMode.HALF_UP)));
		}
		return lines;
	}

	/**
	 * Every open school of the country for a school year, as the indicators count it. A
	 * school is physically accessible when its survey records a step-free entrance, wide
	 * enough doors and an accessible toilet as present, and a lift or platform as present
	 * or not applicable (a single-storey building).
	 */
	public List<SchoolFigures> figures(int year) {
		validYear(year);
		DataScope scope = DataScope.NATION;
		LocalDate census = census(year);
		Map<Long, SchoolFacts> facts = facts(scope, year);
		Map<Long, Boolean> reported = repository.reported(scope, year);
		List<CriteriaRules.Rule> measured = CriteriaRules.parse(criteriaSet("KZ_DEFAULT").current().rules());
		List<CriteriaRules.Rule> sdg = CriteriaRules.parse(criteriaSet("SDG_4A1D").current().rules());
		Map<PositionType, StaffingNorm> norms = new EnumMap<>(PositionType.class);
		repository.norms().forEach(n -> norms.put(n.position(), n));
		Map<Long, Map<SpecialistType, BigDecimal>> hours = learners.recommendedWeeklyHours(scope, census);
		Map<Long, Map<PositionType, BigDecimal>> fte = repository.fte(scope, census);
		List<SchoolFigures> figures = new ArrayList<>();
		for (Organisation school : organisations.schoolsWithin(scope)) {
			SchoolFacts fact = facts.getOrDefault(school.id(), emptyFacts());
			figures.add(new SchoolFigures(school, reported.get(school.id()),
					CriteriaRules.failures(measured, fact).isEmpty(), CriteriaRules.failures(sdg, fact).isEmpty(),
					accessible(fact.items()), fact.items().get(ConditionItem.STEP_FREE_ENTRANCE) == ItemStatus.PRESENT,
					fact.teachers(), fact.trainedTeachers(), staffingLines(norms,
							hours.getOrDefault(school.id(), Map.of()), fte.getOrDefault(school.id(), Map.of()))));
		}
		return figures;
	}

	private static boolean accessible(Map<ConditionItem, ItemStatus> items) {
		return items.get(ConditionItem.STEP_FREE_ENTRANCE) == ItemStatus.PRESENT
				&& items.get(ConditionItem.DOOR_WIDTHS) == ItemStatus.PRESENT
				&& items.get(ConditionItem.ACCESSIBLE_TOILET) == ItemStatus.PRESENT
				&& (items.get(ConditionItem.LIFT_OR_PLATFORM) == ItemStatus.PRESENT
						|| items.get(ConditionItem.LIFT_OR_PLATFORM) == ItemStatus.NOT_APPLICABLE);
	}

}
