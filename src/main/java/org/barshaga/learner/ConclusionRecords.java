package org.barshaga.learner;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.Decimals;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.SpecialistType;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Organisations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.barshaga.learner.RecordChecks.fields;
import static org.barshaga.learner.RecordChecks.require;
import static org.barshaga.learner.RecordChecks.requireText;
import static org.barshaga.learner.RecordChecks.strip;

/** PMPC conclusions and functioning profiles: the health part of a record. */
@Service
@Transactional(readOnly = true)
class ConclusionRecords {

	static final BigDecimal MAX_WEEKLY_HOURS = BigDecimal.valueOf(40);

	private final LearnerAccess access;

	private final CaseRepository caseRows;

	private final SenRecordRepository senRows;

	private final Organisations organisations;

	private final AuditLog audit;

	private final Clock clock;

	ConclusionRecords(LearnerAccess access, CaseRepository caseRows, SenRecordRepository senRows,
			Organisations organisations, AuditLog audit, Clock clock) {
		this.access = access;
		this.caseRows = caseRows;
		this.senRows = senRows;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public long addConclusion(Actor actor, long learnerId, ConclusionDraft draft) {
		Learner learner = access.writable(actor, learnerId, Section.CONCLUSIONS);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		access.pastDate(draft.concludedOn(), "concludedOn", problems);
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
			else if (!pmpc.path().startsWith(regionOf(learner.path()))) {
				problems.add("pmpcCode", "validation.conclusion.pmpcOutsideRegion", pmpc.code());
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
		if (draft.concludedOn() != null && !LearnerAccess.active(caseRows.consents(learnerId),
				ConsentPurpose.EXAMINATION, draft.concludedOn())) {
			problems.add("concludedOn", "validation.consent.examination");
		}
		problems.throwIfAny();
		ConclusionDraft clean = new ConclusionDraft(draft.concludedOn(), pmpc.code(), strip(draft.number()),
				draft.senCategories(), draft.programme(), draft.form(), hours,
				draft.conditions() == null ? Set.of() : draft.conditions(), draft.nextReviewOn());
		long id = senRows.insertConclusion(learnerId, pmpc.id(), clean, actor.username(), Instant.now(clock));
		audit.created(actor, Learners.RECORD_TYPE, learnerId, learner.path(),
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
			if (!Decimals.sized(value)) {
				problems.add("hours." + type.name(), "validation.decimal", value);
			}
			else if (value.signum() < 0) {
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
		Learner learner = access.writable(actor, learnerId, Section.FUNCTIONING);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		access.pastDate(draft.assessedOn(), "assessedOn", problems);
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
		senRows.insertFunctioning(learnerId, draft, result, actor.username(), Instant.now(clock));
		audit.created(actor, Learners.RECORD_TYPE, learnerId, learner.path(),
				fields("functioning", "assessedOn", draft.assessedOn(), "ageGroup", draft.ageGroup().label(), "answers",
						new java.util.TreeMap<>(draft.answers() == null ? Map.of() : draft.answers()),
						"functionalDifficulty", result.functionalDifficulty()));
		return result;
	}

	/**
	 * The region part of a path. A conclusion names a PMPC of the child's region, the
	 * PMPCs the form offers: a PMPC elsewhere neither examined the child nor serves it.
	 */
	static String regionOf(String path) {
		String[] parts = path.split("/");
		return parts.length > 2 ? "/" + parts[1] + "/" + parts[2] + "/" : path;
	}

}
