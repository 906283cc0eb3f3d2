package org.barshaga.learner;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.barshaga.audit.AuditAction;
import org.barshaga.audit.AuditLog;
import org.barshaga.identity.UserAccount;
import org.barshaga.identity.Users;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.ResultPage;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.SpecialistType;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.OrganisationStatus;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Organisations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way into a child's record. Every read is audited (the record page, the API and
 * each line of a list); every change is audited with its fields, under the record type
 * {@value #RECORD_TYPE} and the learner's id, so that one query shows who read or changed
 * the record. Scope is checked in the SQL that finds the learner; nothing below a learner
 * is read before the learner was found in the reader's scope.
 */
@Service
@Transactional(readOnly = true)
public class Learners {

	static final String RECORD_TYPE = "learner";

	private static final int MAX_NAME = 100;

	private static final int MAX_TEXT = 1000;

	private static final BigDecimal MAX_WEEKLY_HOURS = BigDecimal.valueOf(40);

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{5,20}");

	private static final Set<Role> HEALTH_READERS = EnumSet.of(Role.SCHOOL_COORDINATOR, Role.PMPC_SPECIALIST);

	private static final int DELIVERY_MONTHS = 3;

	private final LearnerRepository repository;

	private final AdminUnits units;

	private final Organisations organisations;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	Learners(LearnerRepository repository, AdminUnits units, Organisations organisations, Users users, AuditLog audit,
			Clock clock) {
		this.repository = repository;
		this.units = units;
		this.organisations = organisations;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The part of the country whose children the actor may see. A PMPC serves the whole
	 * region it sits in (the regional department assigns its territory, which the
	 * registry does not hold); researchers see no child at all.
	 */
	public DataScope scopeOf(Actor actor) {
		if (actor.role() == Role.RESEARCHER) {
			throw new NotPermittedException("read learner records");
		}
		if (actor.role() == Role.PMPC_SPECIALIST) {
			String[] parts = actor.scope().pathPrefix().split("/");
			return parts.length > 2 ? new DataScope("/" + parts[1] + "/" + parts[2] + "/") : actor.scope();
		}
		return actor.scope();
	}

	public boolean readsLearners(Actor actor) {
		return actor.role() != Role.RESEARCHER;
	}

	public boolean canCreate(Actor actor) {
		return Section.IDENTITY_WRITERS.contains(actor.role());
	}

	// Reading

	@Transactional
	public ResultPage<LearnerSummary> search(Actor actor, LearnerSearch search) {
		DataScope scope = scopeOf(actor);
		LocalDate today = today();
		List<LearnerSummary> items = repository.search(scope, search, search.worklist(), today);
		for (LearnerSummary item : items) {
			audit.recorded(actor, AuditAction.READ, RECORD_TYPE, item.id(), item.path(),
					"list: fullName, iin, birthDate");
		}
		return new ResultPage<>(items, search.page(), search.pageSize(),
				repository.count(scope, search, search.worklist(), today));
	}

	@Transactional(readOnly = true)
	public Map<Worklist, Long> worklistCounts(Actor actor) {
		return repository.worklistCounts(scopeOf(actor), today());
	}

	/** The whole record as the actor may see it; the read is audited with its fields. */
	@Transactional
	public LearnerRecord read(Actor actor, long id) {
		Learner learner = find(actor, id);
		LocalDate today = today();
		List<Consent> consents = repository.consents(id);
		boolean health = seesHealth(actor, learner, consents, today);
		LearnerRecord.Restriction restriction = restriction(consents, today);
		List<Conclusion> conclusions = List.of();
		List<Functioning> functioning = List.of();
		List<SupportLevelEntry> levels = List.of();
		List<Plan> plans = List.of();
		List<Session> sessions = List.of();
		List<Device> devices = List.of();
		List<MonthlyDelivery> delivery = List.of();
		if (restriction == null) {
			conclusions = repository.conclusions(id);
			functioning = repository.functioning(id);
			levels = repository.supportLevels(id);
			plans = repository.plans(id);
			sessions = repository.sessions(id, today.withDayOfMonth(1).minusMonths(DELIVERY_MONTHS - 1));
			devices = repository.devices(id);
			delivery = Delivery.lastMonths(DELIVERY_MONTHS, conclusions, sessions, today);
			if (!health) {
				conclusions = conclusions.stream().map(Conclusion::withoutHealthFields).toList();
				functioning = functioning.stream().map(Functioning::withoutHealthFields).toList();
			}
		}
		if (!health) {
			learner = new Learner(learner.id(), learner.iin(), learner.noIinReason(), learner.surname(),
					learner.givenName(), learner.patronymic(), learner.birthDate(), learner.sex(),
					learner.citizenship(), learner.language(), null, learner.homeUnitCode(), learner.path(),
					learner.updatedAt(), learner.updatedBy(), learner.version());
		}
		Set<Section> writable = EnumSet.noneOf(Section.class);
		for (Section section : Section.values()) {
			if (section.writableBy(actor.role()) && (restriction == null || !section.needsConsent())) {
				writable.add(section);
			}
		}
		audit.recorded(actor, AuditAction.READ, RECORD_TYPE, id, learner.path(),
				"record: identity, guardians, consents, enrolments"
						+ (restriction == null ? ", conclusions, plans, sessions, devices" : " (SEN record restricted)")
						+ (health ? ", health fields (SEN categories, functioning, disability)" : ""));
		return new LearnerRecord(learner, health, restriction, repository.guardians(id), consents, conclusions,
				functioning, repository.enrolments(id), levels, plans, sessions, devices, delivery, writable,
				Section.IDENTITY_WRITERS.contains(actor.role()),
				restriction == null && Section.REVIEWERS.contains(actor.role()));
	}

	/** The identity alone, for an edit form; the read is audited. */
	@Transactional
	public Learner readIdentity(Actor actor, long id) {
		Learner learner = find(actor, id);
		requireIdentityWriter(actor);
		audit.recorded(actor, AuditAction.READ, RECORD_TYPE, id, learner.path(), "identity (edit form)");
		return learner;
	}

	/** The identity shown above a form about the learner; the read is audited. */
	@Transactional
	public Learner readIdentityForForm(Actor actor, long id) {
		Learner learner = find(actor, id);
		audit.recorded(actor, AuditAction.READ, RECORD_TYPE, id, learner.path(), "form header: fullName");
		return learner;
	}

	/**
	 * Whether the learner is still in the actor's scope, after a change that may have
	 * moved the record (a transfer); nothing about the child is read.
	 */
	public boolean isVisible(Actor actor, long id) {
		return repository.findInScope(id, scopeOf(actor)).isPresent();
	}

	/** The guardians to choose from when recording a consent. */
	public List<Guardian> guardiansForForm(Actor actor, long id) {
		find(actor, id);
		return repository.guardians(id);
	}

	private Learner find(Actor actor, long id) {
		return repository.findInScope(id, scopeOf(actor)).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
	}

	private boolean seesHealth(Actor actor, Learner learner, List<Consent> consents, LocalDate today) {
		boolean school = actor.role() == Role.SCHOOL_COORDINATOR || actor.role() == Role.SPECIALIST;
		if (school && !active(consents, ConsentPurpose.SHARING_WITH_SCHOOL, today)) {
			return false;
		}
		return HEALTH_READERS.contains(actor.role())
				|| (actor.role() == Role.SPECIALIST && repository.isAssigned(learner.id(), actor.userId()));
	}

	private static LearnerRecord.Restriction restriction(List<Consent> consents, LocalDate today) {
		if (active(consents, ConsentPurpose.DATA_PROCESSING, today)) {
			return null;
		}
		return consents.stream()
			.filter(c -> c.purpose() == ConsentPurpose.DATA_PROCESSING && c.withdrawnOn() != null)
			.map(c -> new LearnerRecord.Restriction(true, c.withdrawnOn()))
			.findFirst()
			.orElse(new LearnerRecord.Restriction(false, null));
	}

	private static boolean active(List<Consent> consents, ConsentPurpose purpose, LocalDate day) {
		return consents.stream().anyMatch(c -> c.purpose() == purpose && c.activeOn(day));
	}

	// Identity

	@Transactional
	public Learner create(Actor actor, LearnerDraft draft) {
		requireIdentityWriter(actor);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Learner learner = validated(actor, draft, 0, problems);
		Organisation school = null;
		EnrolmentDraft enrolment = draft.enrolment();
		if (actor.role() == Role.SCHOOL_COORDINATOR) {
			school = organisations.ofScope(actor.scope())
				.orElseThrow(() -> new NotPermittedException("register learners outside an organisation"));
			if (enrolment == null) {
				problems.add("enrolment", "validation.learner.enrolmentRequired");
			}
			else {
				enrolment = new EnrolmentDraft(school.code(), enrolment.grade(), enrolment.className(),
						enrolment.form(), enrolment.startedOn(), null);
			}
		}
		if (enrolment != null) {
			school = validEnrolmentPlace(enrolment, problems);
			validateEnrolment(enrolment, null, problems);
		}
		problems.throwIfAny();
		String path = school != null ? school.path() : units.get(learner.homeUnitCode()).path();
		if (!scopeOf(actor).contains(path) && !(actor.role() == Role.SCHOOL_COORDINATOR)) {
			throw InvalidInputException.of("homeUnitCode", "validation.unit.outsideScope", learner.homeUnitCode());
		}
		Instant now = Instant.now(clock);
		Learner placed = withPath(learner, path);
		long id = repository.insert(placed, actor.username(), now);
		audit.created(actor, RECORD_TYPE, id, path, placed.auditedFields());
		if (enrolment != null) {
			repository.insertEnrolment(id, school.id(), enrolment, actor.username(), now);
			audit.created(actor, RECORD_TYPE, id, path, enrolmentFields(school, enrolment));
		}
		return repository.findInScope(id, new DataScope(path)).orElseThrow();
	}

	@Transactional
	public Learner update(Actor actor, long id, LearnerDraft draft) {
		requireIdentityWriter(actor);
		Learner current = find(actor, id);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (draft.version() == null) {
			problems.add("version", "validation.required");
		}
		Learner changed = validated(actor, draft, id, problems);
		problems.throwIfAny();
		Learner placed = withPath(changed, current.path());
		placed = new Learner(id, placed.iin(), placed.noIinReason(), placed.surname(), placed.givenName(),
				placed.patronymic(), placed.birthDate(), placed.sex(), placed.citizenship(), placed.language(),
				placed.disability(), placed.homeUnitCode(), current.path(), null, null, draft.version());
		Instant now = Instant.now(clock);
		if (!repository.update(placed, draft.version(), scopeOf(actor), actor.username(), now)) {
			throw new EditConflictException(RECORD_TYPE, id);
		}
		audit.updated(actor, RECORD_TYPE, id, current.path(), current.auditedFields(), placed.auditedFields());
		boolean enrolled = repository.enrolments(id).stream().anyMatch(Enrolment::isOpen);
		if (!enrolled && !current.homeUnitCode().equals(placed.homeUnitCode())) {
			String home = units.get(placed.homeUnitCode()).path();
			if (!scopeOf(actor).contains(home)) {
				throw InvalidInputException.of("homeUnitCode", "validation.unit.outsideScope", placed.homeUnitCode());
			}
			repository.move(id, home, actor.username(), now);
		}
		return repository.findInScope(id, DataScope.NATION).orElseThrow();
	}

	private Learner validated(Actor actor, LearnerDraft draft, long id, InvalidInputException.Collector problems) {
		String iin = Iin.normalise(draft.iin());
		NoIinReason noIinReason = iin == null ? draft.noIinReason() : null;
		if (iin != null) {
			Optional<Iin.Problem> problem = Iin.problem(iin);
			if (problem.isPresent()) {
				problems.add("iin", "validation.iin." + problem.get().name());
			}
			else {
				if (draft.birthDate() != null && !draft.birthDate().equals(Iin.birthDate(iin))) {
					problems.add("birthDate", "validation.iin.birthDateMismatch", Iin.birthDate(iin).toString());
				}
				if (draft.sex() != null && draft.sex() != Iin.sex(iin)) {
					problems.add("sex", "validation.iin.sexMismatch");
				}
				repository.findByIin(iin).filter(existing -> existing.getKey() != id).ifPresent(existing -> {
					if (scopeOf(actor).contains(existing.getValue())) {
						throw new DuplicateIinException(existing.getKey());
					}
					problems.add("iin", "validation.iin.duplicateElsewhere");
				});
			}
		}
		else if (noIinReason == null) {
			problems.add("noIinReason", "validation.iin.reasonRequired");
		}
		requireText(draft.surname(), "surname", MAX_NAME, problems);
		requireText(draft.givenName(), "givenName", MAX_NAME, problems);
		optionalText(draft.patronymic(), "patronymic", MAX_NAME, problems);
		LocalDate today = today();
		if (draft.birthDate() == null) {
			problems.add("birthDate", "validation.required");
		}
		else if (draft.birthDate().isAfter(today)) {
			problems.add("birthDate", "validation.date.future");
		}
		else if (draft.birthDate().isBefore(today.minusYears(30))) {
			problems.add("birthDate", "validation.learner.tooOld");
		}
		require(draft.sex(), "sex", problems);
		require(draft.citizenship(), "citizenship", problems);
		require(draft.language(), "language", problems);
		require(draft.disability(), "disability", problems);
		OrgUnit home = null;
		if (draft.homeUnitCode() == null || draft.homeUnitCode().isBlank()) {
			problems.add("homeUnitCode", "validation.required");
		}
		else {
			home = units.find(draft.homeUnitCode().strip()).orElse(null);
			if (home == null) {
				problems.add("homeUnitCode", "validation.unit.unknown", draft.homeUnitCode());
			}
			else if (home.isClosed()) {
				problems.add("homeUnitCode", "validation.unit.closed", home.code());
			}
		}
		return new Learner(id, iin, noIinReason, strip(draft.surname()), strip(draft.givenName()),
				blankToNull(draft.patronymic()), draft.birthDate(), draft.sex(), draft.citizenship(), draft.language(),
				draft.disability(), home == null ? null : home.code(), null, null, null,
				draft.version() == null ? 0 : draft.version());
	}

	private static Learner withPath(Learner l, String path) {
		return new Learner(l.id(), l.iin(), l.noIinReason(), l.surname(), l.givenName(), l.patronymic(), l.birthDate(),
				l.sex(), l.citizenship(), l.language(), l.disability(), l.homeUnitCode(), path, l.updatedAt(),
				l.updatedBy(), l.version());
	}

	// Guardians and consents

	@Transactional
	public long addGuardian(Actor actor, long learnerId, GuardianDraft draft) {
		Learner learner = writable(actor, learnerId, Section.GUARDIANS);
		GuardianDraft clean = validGuardian(draft);
		long id = repository.insertGuardian(learnerId, clean, actor.username(), Instant.now(clock));
		audit.created(actor, RECORD_TYPE, learnerId, learner.path(), guardianFields("guardian", clean));
		return id;
	}

	/** Changes a guardian's details; the version read must still be current. */
	@Transactional
	public void updateGuardian(Actor actor, long learnerId, long guardianId, GuardianDraft draft) {
		Learner learner = writable(actor, learnerId, Section.GUARDIANS);
		Guardian current = one(repository.guardians(learnerId), Guardian::id, guardianId, "guardian");
		if (draft.version() == null) {
			throw InvalidInputException.of("version", "validation.required");
		}
		GuardianDraft clean = validGuardian(draft);
		if (!repository.updateGuardian(learnerId, guardianId, clean)) {
			throw new EditConflictException("guardian", guardianId);
		}
		audit.updated(actor, RECORD_TYPE, learnerId, learner.path(),
				guardianFields("guardian." + guardianId, new GuardianDraft(current.relation(), current.fullName(),
						current.phone(), current.email(), current.address(), null)),
				guardianFields("guardian." + guardianId, clean));
	}

	private static GuardianDraft validGuardian(GuardianDraft draft) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		require(draft.relation(), "relation", problems);
		requireText(draft.fullName(), "fullName", 200, problems);
		if (draft.phone() != null && !draft.phone().isBlank() && !PHONE.matcher(draft.phone().strip()).matches()) {
			problems.add("phone", "validation.phone");
		}
		if (draft.email() != null && !draft.email().isBlank() && !draft.email().strip().matches("[^@\\s]+@[^@\\s]+")) {
			problems.add("email", "validation.email");
		}
		optionalText(draft.address(), "address", 400, problems);
		problems.throwIfAny();
		return new GuardianDraft(draft.relation(), strip(draft.fullName()), blankToNull(draft.phone()),
				blankToNull(draft.email()), blankToNull(draft.address()), draft.version());
	}

	private static Map<String, Object> guardianFields(String prefix, GuardianDraft g) {
		return fields(prefix, "relation", g.relation(), "fullName", g.fullName(), "phone", g.phone(), "email",
				g.email(), "address", g.address());
	}

	@Transactional
	public long addConsent(Actor actor, long learnerId, ConsentDraft draft) {
		Learner learner = writable(actor, learnerId, Section.CONSENTS);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		require(draft.purpose(), "purpose", problems);
		pastDate(draft.givenOn(), "givenOn", problems);
		if (draft.guardianId() != null
				&& repository.guardians(learnerId).stream().noneMatch(g -> g.id() == draft.guardianId())) {
			problems.add("guardianId", "validation.consent.guardian");
		}
		problems.throwIfAny();
		long id = repository.insertConsent(learnerId, draft, actor.username(), Instant.now(clock));
		audit.created(actor, RECORD_TYPE, learnerId, learner.path(), fields("consent", "purpose", draft.purpose(),
				"givenOn", draft.givenOn(), "guardianId", draft.guardianId()));
		return id;
	}

	@Transactional
	public void withdrawConsent(Actor actor, long learnerId, long consentId, ConsentWithdrawal withdrawal) {
		Learner learner = writable(actor, learnerId, Section.CONSENTS);
		Consent consent = one(repository.consents(learnerId), Consent::id, consentId, "consent");
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		pastDate(withdrawal.withdrawnOn(), "withdrawnOn", problems);
		if (withdrawal.withdrawnOn() != null && withdrawal.withdrawnOn().isBefore(consent.givenOn())) {
			problems.add("withdrawnOn", "validation.consent.withdrawnBeforeGiven");
		}
		problems.throwIfAny();
		if (!repository.withdrawConsent(learnerId, consentId, withdrawal.withdrawnOn(), actor.username())) {
			throw new EditConflictException("consent", consentId);
		}
		audit.updated(actor, RECORD_TYPE, learnerId, learner.path(),
				fields("consent." + consentId, "withdrawnOn", null),
				fields("consent." + consentId, "withdrawnOn", withdrawal.withdrawnOn()));
	}

	// Conclusions and functioning

	@Transactional
	public long addConclusion(Actor actor, long learnerId, ConclusionDraft draft) {
		Learner learner = writable(actor, learnerId, Section.CONCLUSIONS);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		pastDate(draft.concludedOn(), "concludedOn", problems);
		Organisation pmpc = null;
		if (draft.pmpcCode() == null || draft.pmpcCode().isBlank()) {
			problems.add("pmpcCode", "validation.required");
		}
		else {
			pmpc = organisations.findByCode(draft.pmpcCode().strip().toUpperCase(java.util.Locale.ROOT)).orElse(null);
			if (pmpc == null) {
				problems.add("pmpcCode", "validation.organisation.unknown", draft.pmpcCode());
			}
			else if (pmpc.type() != OrganisationType.PMPC) {
				problems.add("pmpcCode", "validation.conclusion.notPmpc", pmpc.code());
			}
		}
		requireText(draft.number(), "number", 40, problems);
		if (draft.senCategories() == null || draft.senCategories().isEmpty()) {
			problems.add("senCategories", "validation.conclusion.senCategories");
		}
		require(draft.programme(), "programme", problems);
		if (draft.form() == null || draft.form() == EducationForm.NOT_ENROLLED) {
			problems.add("form", "validation.required");
		}
		Map<SpecialistType, BigDecimal> hours = weeklyHours(draft.weeklyHours(), problems);
		if (draft.nextReviewOn() == null) {
			problems.add("nextReviewOn", "validation.required");
		}
		else if (draft.concludedOn() != null && !draft.nextReviewOn().isAfter(draft.concludedOn())) {
			problems.add("nextReviewOn", "validation.conclusion.reviewBeforeConclusion");
		}
		if (draft.concludedOn() != null
				&& !active(repository.consents(learnerId), ConsentPurpose.EXAMINATION, draft.concludedOn())) {
			problems.add("concludedOn", "validation.consent.examination");
		}
		problems.throwIfAny();
		ConclusionDraft clean = new ConclusionDraft(draft.concludedOn(), pmpc.code(), strip(draft.number()),
				draft.senCategories(), draft.programme(), draft.form(), hours,
				draft.conditions() == null ? Set.of() : draft.conditions(), draft.nextReviewOn());
		long id = repository.insertConclusion(learnerId, pmpc.id(), clean, actor.username(), Instant.now(clock));
		audit.created(actor, RECORD_TYPE, learnerId, learner.path(),
				fields("conclusion", "concludedOn", clean.concludedOn(), "pmpc", pmpc.code(), "number", clean.number(),
						"senCategories", clean.senCategories(), "programme", clean.programme(), "form", clean.form(),
						"weeklyHours", hours, "conditions", clean.conditions(), "nextReviewOn", clean.nextReviewOn()));
		return id;
	}

	private static Map<SpecialistType, BigDecimal> weeklyHours(Map<SpecialistType, BigDecimal> given,
			InvalidInputException.Collector problems) {
		Map<SpecialistType, BigDecimal> hours = new LinkedHashMap<>();
		if (given == null) {
			return hours;
		}
		given.forEach((type, value) -> {
			if (value == null || value.signum() == 0) {
				return;
			}
			if (value.signum() < 0) {
				problems.add("hours." + type.name(), "validation.hours.negative");
			}
			else if (value.compareTo(MAX_WEEKLY_HOURS) > 0) {
				problems.add("hours." + type.name(), "validation.hours.tooMany", MAX_WEEKLY_HOURS);
			}
			else {
				hours.put(type, value.setScale(1, java.math.RoundingMode.HALF_UP));
			}
		});
		return hours;
	}

	@Transactional
	public FunctioningResult addFunctioning(Actor actor, long learnerId, FunctioningDraft draft) {
		Learner learner = writable(actor, learnerId, Section.FUNCTIONING);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		pastDate(draft.assessedOn(), "assessedOn", problems);
		if (draft.ageGroup() != null && draft.assessedOn() != null) {
			int age = learner.ageOn(draft.assessedOn());
			boolean fits = draft.ageGroup() == CfmAgeGroup.AGES_2_4 ? age >= 2 && age <= 4 : age >= 5 && age <= 17;
			if (!fits) {
				problems.add("ageGroup", "validation.functioning.ageMismatch", age);
			}
		}
		FunctioningResult result;
		try {
			result = ChildFunctioning.evaluate(draft.ageGroup(), draft.answers() == null ? Map.of() : draft.answers());
		}
		catch (InvalidInputException invalid) {
			invalid.problems().forEach(p -> problems.add(p.field(), p.messageKey(), p.arguments().toArray()));
			result = null;
		}
		problems.throwIfAny();
		repository.insertFunctioning(learnerId, draft, result, actor.username(), Instant.now(clock));
		audit.created(actor, RECORD_TYPE, learnerId, learner.path(),
				fields("functioning", "assessedOn", draft.assessedOn(), "ageGroup", draft.ageGroup().label(), "answers",
						new java.util.TreeMap<>(draft.answers() == null ? Map.of() : draft.answers()),
						"functionalDifficulty", result.functionalDifficulty()));
		return result;
	}

	// Enrolment

	/**
	 * Enrols the child in an organisation. An open enrolment ends the day the new one
	 * starts, and the record moves to the new organisation's scope: a school the child
	 * left no longer sees what is recorded after, while the units above both still do.
	 */
	@Transactional
	public long enrol(Actor actor, long learnerId, EnrolmentDraft draft) {
		Learner learner = writable(actor, learnerId, Section.ENROLMENTS);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Organisation organisation = validEnrolmentPlace(draft, problems);
		Optional<Enrolment> open = repository.enrolments(learnerId).stream().filter(Enrolment::isOpen).findFirst();
		validateEnrolment(draft, open.orElse(null), problems);
		problems.throwIfAny();
		Instant now = Instant.now(clock);
		if (open.isPresent()) {
			EnrolmentEndReason reason = draft.previousEndReason() == null ? EnrolmentEndReason.TRANSFER
					: draft.previousEndReason();
			if (!repository.endEnrolment(learnerId, open.get().id(), new EnrolmentEnd(draft.startedOn(), reason))) {
				throw new EditConflictException("enrolment", open.get().id());
			}
			audit.updated(actor, RECORD_TYPE, learnerId, learner.path(),
					fields("enrolment." + open.get().id(), "endedOn", null, "endReason", null),
					fields("enrolment." + open.get().id(), "endedOn", draft.startedOn(), "endReason", reason));
		}
		long id = repository.insertEnrolment(learnerId, organisation.id(), draft, actor.username(), now);
		repository.move(learnerId, organisation.path(), actor.username(), now);
		audit.created(actor, RECORD_TYPE, learnerId, organisation.path(), enrolmentFields(organisation, draft));
		return id;
	}

	@Transactional
	public void endEnrolment(Actor actor, long learnerId, long enrolmentId, EnrolmentEnd end) {
		Learner learner = writable(actor, learnerId, Section.ENROLMENTS);
		Enrolment enrolment = one(repository.enrolments(learnerId), Enrolment::id, enrolmentId, "enrolment");
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		pastDate(end.endedOn(), "endedOn", problems);
		if (end.endedOn() != null && end.endedOn().isBefore(enrolment.startedOn())) {
			problems.add("endedOn", "validation.enrolment.endBeforeStart");
		}
		require(end.reason(), "endReason", problems);
		problems.throwIfAny();
		if (!repository.endEnrolment(learnerId, enrolmentId, end)) {
			throw new EditConflictException("enrolment", enrolmentId);
		}
		String home = units.get(learner.homeUnitCode()).path();
		repository.move(learnerId, home, actor.username(), Instant.now(clock));
		audit.updated(actor, RECORD_TYPE, learnerId, learner.path(),
				fields("enrolment." + enrolmentId, "endedOn", null, "endReason", null),
				fields("enrolment." + enrolmentId, "endedOn", end.endedOn(), "endReason", end.reason()));
	}

	private Organisation validEnrolmentPlace(EnrolmentDraft draft, InvalidInputException.Collector problems) {
		if (draft.organisationCode() == null || draft.organisationCode().isBlank()) {
			problems.add("organisationCode", "validation.required");
			return null;
		}
		Organisation organisation = organisations
			.findByCode(draft.organisationCode().strip().toUpperCase(java.util.Locale.ROOT))
			.orElse(null);
		if (organisation == null) {
			problems.add("organisationCode", "validation.organisation.unknown", draft.organisationCode());
		}
		else if (!organisation.type().teachesChildren() || organisation.status() != OrganisationStatus.OPEN) {
			problems.add("organisationCode", "validation.enrolment.notASchool", organisation.code());
			return null;
		}
		return organisation;
	}

	private void validateEnrolment(EnrolmentDraft draft, Enrolment open, InvalidInputException.Collector problems) {
		if (draft.form() == null || draft.form() == EducationForm.NOT_ENROLLED) {
			problems.add("form", "validation.required");
		}
		optionalText(draft.grade(), "grade", 10, problems);
		optionalText(draft.className(), "className", 20, problems);
		pastDate(draft.startedOn(), "startedOn", problems);
		if (open != null && draft.startedOn() != null && draft.startedOn().isBefore(open.startedOn())) {
			problems.add("startedOn", "validation.enrolment.beforeCurrent", open.startedOn().toString());
		}
	}

	private static Map<String, Object> enrolmentFields(Organisation organisation, EnrolmentDraft draft) {
		return fields("enrolment", "organisation", organisation.code(), "grade", draft.grade(), "className",
				draft.className(), "form", draft.form(), "startedOn", draft.startedOn());
	}

	// Support level, plans, sessions, devices

	@Transactional
	public long setSupportLevel(Actor actor, long learnerId, SupportLevelDraft draft) {
		Learner learner = writable(actor, learnerId, Section.SUPPORT_LEVELS);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (draft.level() == null || draft.level() < 1 || draft.level() > 3) {
			problems.add("level", "validation.supportLevel");
		}
		pastDate(draft.setOn(), "setOn", problems);
		requireText(draft.rationale(), "rationale", 2000, problems);
		problems.throwIfAny();
		long id = repository.insertSupportLevel(learnerId, draft, actor.username(), Instant.now(clock));
		audit.created(actor, RECORD_TYPE, learnerId, learner.path(),
				fields("supportLevel", "level", draft.level(), "setOn", draft.setOn(), "rationale", draft.rationale()));
		return id;
	}

	@Transactional
	public long createPlan(Actor actor, long learnerId, PlanDraft draft) {
		Learner learner = writable(actor, learnerId, Section.PLANS);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		validatePlan(draft, problems);
		if (draft.schoolYear() != null && repository.planExists(learnerId, draft.schoolYear())) {
			problems.add("schoolYear", "validation.plan.exists", new SchoolYear(draft.schoolYear()).label());
		}
		problems.throwIfAny();
		long id = repository.insertPlan(learnerId, clean(draft), actor.username(), Instant.now(clock));
		audit.created(actor, RECORD_TYPE, learnerId, learner.path(), fields("plan", "schoolYear", draft.schoolYear(),
				"startedOn", draft.startedOn(), "adaptations", draft.adaptations()));
		return id;
	}

	@Transactional
	public void updatePlan(Actor actor, long learnerId, long planId, PlanDraft draft) {
		Learner learner = writable(actor, learnerId, Section.PLANS);
		Plan current = plan(learnerId, planId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		PlanDraft changed = new PlanDraft(current.schoolYear(), draft.startedOn(), draft.adaptations(),
				draft.version());
		validatePlan(changed, problems);
		if (draft.version() == null) {
			problems.add("version", "validation.required");
		}
		problems.throwIfAny();
		if (!repository.updatePlan(learnerId, planId, clean(changed), actor.username(), Instant.now(clock))) {
			throw new EditConflictException("plan", planId);
		}
		audit.updated(actor, RECORD_TYPE, learnerId, learner.path(),
				fields("plan." + planId, "startedOn", current.startedOn(), "adaptations", current.adaptations()),
				fields("plan." + planId, "startedOn", changed.startedOn(), "adaptations", changed.adaptations()));
	}

	private void validatePlan(PlanDraft draft, InvalidInputException.Collector problems) {
		int thisYear = SchoolYear.of(today()).startYear();
		if (draft.schoolYear() == null) {
			problems.add("schoolYear", "validation.required");
		}
		else if (draft.schoolYear() < thisYear - 10 || draft.schoolYear() > thisYear + 1) {
			problems.add("schoolYear", "validation.plan.schoolYear");
		}
		if (draft.startedOn() == null) {
			problems.add("startedOn", "validation.required");
		}
		else if (draft.schoolYear() != null) {
			SchoolYear year = new SchoolYear(draft.schoolYear());
			if (draft.startedOn().isBefore(year.start().minusMonths(1)) || draft.startedOn().isAfter(year.end())) {
				problems.add("startedOn", "validation.plan.startOutsideYear", year.label());
			}
		}
		optionalText(draft.adaptations(), "adaptations", 4000, problems);
	}

	private static PlanDraft clean(PlanDraft draft) {
		return new PlanDraft(draft.schoolYear(), draft.startedOn(),
				draft.adaptations() == null ? "" : draft.adaptations().strip(), draft.version());
	}

	@Transactional
	public long addGoal(Actor actor, long learnerId, long planId, GoalDraft draft) {
		Learner learner = writable(actor, learnerId, Section.PLANS);
		plan(learnerId, planId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		require(draft.domain(), "domain", problems);
		requireText(draft.description(), "description", MAX_TEXT, problems);
		requireText(draft.baseline(), "baseline", MAX_TEXT, problems);
		requireText(draft.target(), "target", MAX_TEXT, problems);
		requireText(draft.measure(), "measure", 400, problems);
		problems.throwIfAny();
		GoalDraft clean = new GoalDraft(draft.domain(), strip(draft.description()), strip(draft.baseline()),
				strip(draft.target()), strip(draft.measure()));
		long id = repository.insertGoal(planId, clean);
		repository.touchPlan(planId, actor.username(), Instant.now(clock));
		audit.created(actor, RECORD_TYPE, learnerId, learner.path(),
				fields("plan." + planId + ".goal", "domain", clean.domain(), "description", clean.description(),
						"baseline", clean.baseline(), "target", clean.target(), "measure", clean.measure()));
		return id;
	}

	@Transactional
	public void planService(Actor actor, long learnerId, long planId, PlannedServiceDraft draft) {
		Learner learner = writable(actor, learnerId, Section.PLANS);
		plan(learnerId, planId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		require(draft.specialist(), "specialist", problems);
		if (draft.weeklyHours() == null) {
			problems.add("weeklyHours", "validation.required");
		}
		else if (draft.weeklyHours().signum() <= 0) {
			problems.add("weeklyHours", "validation.hours.negative");
		}
		else if (draft.weeklyHours().compareTo(MAX_WEEKLY_HOURS) > 0) {
			problems.add("weeklyHours", "validation.hours.tooMany", MAX_WEEKLY_HOURS);
		}
		Long assigned = null;
		if (draft.assignedUsername() != null && !draft.assignedUsername().isBlank()) {
			Optional<UserAccount> colleague = users
				.findColleague(draft.assignedUsername().strip(), new DataScope(learner.path()))
				.filter(u -> u.role() == Role.SPECIALIST || u.role() == Role.SCHOOL_COORDINATOR);
			if (colleague.isEmpty()) {
				problems.add("assignedUsername", "validation.plan.specialist", draft.assignedUsername());
			}
			else {
				assigned = colleague.get().id();
			}
		}
		problems.throwIfAny();
		repository.putPlannedService(planId, draft.specialist(), draft.weeklyHours(), assigned);
		repository.touchPlan(planId, actor.username(), Instant.now(clock));
		audit.created(actor, RECORD_TYPE, learnerId, learner.path(), fields("plan." + planId + ".service", "specialist",
				draft.specialist(), "weeklyHours", draft.weeklyHours(), "assigned", draft.assignedUsername()));
	}

	@Transactional
	public long addReview(Actor actor, long learnerId, long planId, ReviewDraft draft) {
		Learner learner = find(actor, learnerId);
		if (!Section.REVIEWERS.contains(actor.role())) {
			throw new NotPermittedException("review plans");
		}
		requireProcessingAllowed(learnerId);
		Plan plan = plan(learnerId, planId);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (draft.term() == null || draft.term() < 1 || draft.term() > 4) {
			problems.add("term", "validation.review.term");
		}
		else if (plan.reviews().stream().anyMatch(r -> r.term() == draft.term())) {
			problems.add("term", "validation.review.exists", draft.term());
		}
		pastDate(draft.reviewedOn(), "reviewedOn", problems);
		if (draft.reviewedOn() != null && draft.reviewedOn().isBefore(plan.startedOn())) {
			problems.add("reviewedOn", "validation.review.beforePlan");
		}
		if (plan.goals().isEmpty()) {
			problems.add("term", "validation.review.noGoals");
		}
		Map<Long, Plan.Rating> ratings = draft.ratings() == null ? Map.of() : draft.ratings();
		for (Plan.Goal goal : plan.goals()) {
			Plan.Rating rating = ratings.get(goal.id());
			if (rating == null) {
				problems.add("score." + goal.id(), "validation.required");
			}
			else if (rating.score() < -2 || rating.score() > 2) {
				problems.add("score." + goal.id(), "validation.review.score");
			}
		}
		for (Long goalId : ratings.keySet()) {
			if (plan.goals().stream().noneMatch(g -> g.id() == goalId)) {
				problems.add("score." + goalId, "validation.review.unknownGoal", goalId);
			}
		}
		problems.throwIfAny();
		long id = repository.insertReview(planId, draft, actor.username(), Instant.now(clock));
		repository.touchPlan(planId, actor.username(), Instant.now(clock));
		audit.created(actor, RECORD_TYPE, learnerId, learner.path(), fields("plan." + planId + ".review", "term",
				draft.term(), "reviewedOn", draft.reviewedOn(), "ratings", ratings));
		return id;
	}

	private Plan plan(long learnerId, long planId) {
		return one(repository.plans(learnerId), Plan::id, planId, "plan");
	}

	/**
	 * The entry with the id among a learner's entries of one kind; an id of another
	 * learner's entry is "not found".
	 */
	static <T> T one(List<T> entries, java.util.function.ToLongFunction<T> id, long wanted, String kind) {
		return entries.stream()
			.filter(entry -> id.applyAsLong(entry) == wanted)
			.findFirst()
			.orElseThrow(() -> new NotFoundException(kind, wanted));
	}

	@Transactional
	public long logSession(Actor actor, long learnerId, SessionDraft draft) {
		Learner learner = writable(actor, learnerId, Section.SESSIONS);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		pastDate(draft.heldOn(), "heldOn", problems);
		if (draft.heldOn() != null && draft.heldOn().isBefore(today().minusYears(1))) {
			problems.add("heldOn", "validation.session.tooOld");
		}
		if (draft.minutes() == null) {
			problems.add("minutes", "validation.required");
		}
		else if (draft.minutes() <= 0 || draft.minutes() > 480) {
			problems.add("minutes", "validation.session.minutes");
		}
		require(draft.specialist(), "specialist", problems);
		require(draft.attended(), "attended", problems);
		if (Boolean.FALSE.equals(draft.attended()) && draft.missedReason() == null) {
			problems.add("missedReason", "validation.session.missedReason");
		}
		problems.throwIfAny();
		SessionDraft clean = new SessionDraft(draft.heldOn(), draft.minutes(), draft.specialist(),
				Boolean.TRUE.equals(draft.grouped()), draft.attended(), draft.attended() ? null : draft.missedReason());
		long id = repository.insertSession(learnerId, clean, actor.username(), Instant.now(clock));
		audit.created(actor, RECORD_TYPE, learnerId, learner.path(),
				fields("session", "heldOn", clean.heldOn(), "minutes", clean.minutes(), "specialist",
						clean.specialist(), "grouped", clean.grouped(), "attended", clean.attended(), "missedReason",
						clean.missedReason()));
		return id;
	}

	@Transactional
	public long addDevice(Actor actor, long learnerId, DeviceDraft draft) {
		Learner learner = writable(actor, learnerId, Section.DEVICES);
		validateDevice(draft);
		long id = repository.insertDevice(learnerId, draft, actor.username(), Instant.now(clock));
		audit.created(actor, RECORD_TYPE, learnerId, learner.path(), deviceFields("device", draft));
		return id;
	}

	/**
	 * Records a device's return or a change of its condition; the version read must still
	 * be current.
	 */
	@Transactional
	public void updateDevice(Actor actor, long learnerId, long deviceId, DeviceDraft draft) {
		Learner learner = writable(actor, learnerId, Section.DEVICES);
		Device current = one(repository.devices(learnerId), Device::id, deviceId, "device");
		if (draft.version() == null) {
			throw InvalidInputException.of("version", "validation.required");
		}
		validateDevice(draft);
		if (!repository.updateDevice(learnerId, deviceId, draft)) {
			throw new EditConflictException("device", deviceId);
		}
		audit.updated(actor, RECORD_TYPE, learnerId, learner.path(),
				deviceFields("device." + deviceId,
						new DeviceDraft(current.kind(), current.description(), current.providedOn(),
								current.returnedOn(), current.condition(), null)),
				deviceFields("device." + deviceId, draft));
	}

	private void validateDevice(DeviceDraft draft) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		require(draft.kind(), "deviceKind", problems);
		optionalText(draft.description(), "description", 400, problems);
		pastDate(draft.providedOn(), "providedOn", problems);
		if (draft.returnedOn() != null) {
			if (draft.returnedOn().isAfter(today())) {
				problems.add("returnedOn", "validation.date.future");
			}
			else if (draft.providedOn() != null && draft.returnedOn().isBefore(draft.providedOn())) {
				problems.add("returnedOn", "validation.device.returnedBeforeProvided");
			}
		}
		require(draft.condition(), "condition", problems);
		problems.throwIfAny();
	}

	private static Map<String, Object> deviceFields(String prefix, DeviceDraft d) {
		return fields(prefix, "kind", d.kind(), "description", d.description(), "providedOn", d.providedOn(),
				"returnedOn", d.returnedOn(), "condition", d.condition());
	}

	// Rules shared by the writes

	/** The learner, when the actor may add to this section of the record. */
	private Learner writable(Actor actor, long learnerId, Section section) {
		Learner learner = find(actor, learnerId);
		if (!section.writableBy(actor.role())) {
			throw new NotPermittedException("change " + section.slug());
		}
		if (section.needsConsent()) {
			requireProcessingAllowed(learnerId);
		}
		return learner;
	}

	private void requireProcessingAllowed(long learnerId) {
		if (restriction(repository.consents(learnerId), today()) != null) {
			throw InvalidInputException.of("consent", "validation.consent.processing");
		}
	}

	private static void requireIdentityWriter(Actor actor) {
		if (!Section.IDENTITY_WRITERS.contains(actor.role())) {
			throw new NotPermittedException("change learner identities");
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private void pastDate(LocalDate date, String field, InvalidInputException.Collector problems) {
		if (date == null) {
			problems.add(field, "validation.required");
		}
		else if (date.isAfter(today())) {
			problems.add(field, "validation.date.future");
		}
	}

	private static void require(Object value, String field, InvalidInputException.Collector problems) {
		if (value == null) {
			problems.add(field, "validation.required");
		}
	}

	private static void requireText(String text, String field, int max, InvalidInputException.Collector problems) {
		if (text == null || text.isBlank()) {
			problems.add(field, "validation.required");
		}
		else {
			optionalText(text, field, max, problems);
		}
	}

	private static void optionalText(String text, String field, int max, InvalidInputException.Collector problems) {
		if (text != null && text.strip().length() > max) {
			problems.add(field, "validation.tooLong", max);
		}
	}

	private static String strip(String text) {
		return text == null ? null : text.strip();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** Audited fields of a sub-record, named {@code prefix.field}. */
	private static Map<String, Object> fields(String prefix, Object... namesAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put(prefix + "." + namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

}
