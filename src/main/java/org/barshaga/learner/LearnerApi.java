package org.barshaga.learner;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EnumInput;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.ResultPage;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The learner register over HTTP. Each sub-resource is added with POST and read with the
 * record (or its own GET), and every read is audited like the record page.
 */
@RestController
@RequestMapping("/api/v1/learners")
@Tag(name = "Learners", description = "The register of learners with special educational needs")
class LearnerApi {

	private final Learners learners;

	LearnerApi(Learners learners) {
		this.learners = learners;
	}

	record Created(long id) {
	}

	/**
	 * The body of a functioning profile: answers are strings, or booleans for the
	 * uses-questions.
	 */
	record FunctioningRequest(String ageGroup, LocalDate assessedOn, Map<String, Object> answers) {
	}

	@GetMapping
	@Operation(summary = "Learners in the caller's scope, under a unit or organisation code, optionally one worklist")
	ResultPage<LearnerSummary> list(Actor actor, @RequestParam(required = false) String orgUnit,
			@RequestParam(required = false) String q, @RequestParam(required = false) String worklist,
			@RequestParam(defaultValue = "0") int page) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		Worklist list = EnumInput.parse(Worklist.class, worklist, "worklist", problems);
		problems.throwIfAny();
		return learners.search(actor, new LearnerSearch(q, orgUnit, list, page, LearnerSearch.DEFAULT_PAGE_SIZE));
	}

	@GetMapping("/worklists")
	@Operation(summary = "How many learners in the caller's scope are on each worklist")
	Map<Worklist, Long> worklists(Actor actor) {
		return learners.worklistCounts(actor);
	}

	@PostMapping
	@Operation(summary = "Register a learner (a school coordinator also gives the first enrolment); when the IIN is "
			+ "registered elsewhere, 202 with a transfer request that the holding place answers")
	ResponseEntity<?> create(Actor actor, @RequestBody LearnerDraft draft) {
		Registration registration = learners.create(actor, draft);
		if (registration.transferRequested()) {
			return ResponseEntity.accepted()
				.location(URI.create("/api/v1/learners/transfers"))
				.body(registration.transfer());
		}
		Learner created = registration.learner();
		return ResponseEntity.created(URI.create("/api/v1/learners/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "The learner's whole record as the caller may see it (audited)")
	LearnerRecord get(Actor actor, @PathVariable long id) {
		return learners.read(actor, id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Correct the identity; give the version read, a stale version answers 409")
	Learner update(Actor actor, @PathVariable long id, @RequestBody LearnerDraft draft) {
		return learners.update(actor, id, draft);
	}

	@GetMapping("/{id}/guardians")
	@Operation(summary = "Guardians (audited read)")
	List<Guardian> guardians(Actor actor, @PathVariable long id) {
		return learners.read(actor, id).guardians();
	}

	@PostMapping("/{id}/guardians")
	@Operation(summary = "Add a parent or legal representative")
	ResponseEntity<Created> addGuardian(Actor actor, @PathVariable long id, @RequestBody GuardianDraft draft) {
		return created(id, "guardians", learners.addGuardian(actor, id, draft));
	}

	@PutMapping("/{id}/guardians/{guardianId}")
	@Operation(summary = "Change a guardian's details; give the version read, a stale version answers 409")
	ResponseEntity<Void> updateGuardian(Actor actor, @PathVariable long id, @PathVariable long guardianId,
			@RequestBody GuardianDraft draft) {
		learners.updateGuardian(actor, id, guardianId, draft);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/consents")
	@Operation(summary = "Consents with their withdrawals (audited read)")
	List<Consent> consents(Actor actor, @PathVariable long id) {
		return learners.read(actor, id).consents();
	}

	@PostMapping("/{id}/consents")
	@Operation(summary = "Record a consent")
	ResponseEntity<Created> addConsent(Actor actor, @PathVariable long id, @RequestBody ConsentDraft draft) {
		return created(id, "consents", learners.addConsent(actor, id, draft));
	}

	@PostMapping("/{id}/consents/{consentId}/withdrawal")
	@Operation(summary = "Record the withdrawal of a consent; the consent itself is kept")
	ResponseEntity<Void> withdraw(Actor actor, @PathVariable long id, @PathVariable long consentId,
			@RequestBody ConsentWithdrawal withdrawal) {
		learners.withdrawConsent(actor, id, consentId, withdrawal);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/conclusions")
	@Operation(summary = "PMPC conclusions, newest first (audited read)")
	List<Conclusion> conclusions(Actor actor, @PathVariable long id) {
		return learners.read(actor, id).conclusions();
	}

	@PostMapping("/{id}/conclusions")
	@Operation(summary = "Add a PMPC conclusion; earlier conclusions are kept")
	ResponseEntity<Created> addConclusion(Actor actor, @PathVariable long id, @RequestBody ConclusionDraft draft) {
		return created(id, "conclusions", learners.addConclusion(actor, id, draft));
	}

	@GetMapping("/{id}/functioning")
	@Operation(summary = "Functioning profiles (audited read)")
	List<Functioning> functioning(Actor actor, @PathVariable long id) {
		return learners.read(actor, id).functioning();
	}

	@PostMapping("/{id}/functioning")
	@Operation(summary = "Record a Child Functioning Module profile and get the computed domains")
	Map<String, Object> addFunctioning(Actor actor, @PathVariable long id, @RequestBody FunctioningRequest request) {
		Map<String, String> answers = new LinkedHashMap<>();
		if (request.answers() != null) {
			request.answers().forEach((k, v) -> answers.put(k, v == null ? null : v.toString()));
		}
		FunctioningResult result = learners.addFunctioning(actor, id,
				new FunctioningDraft(request.assessedOn() == null ? LocalDate.now() : request.assessedOn(),
						CfmAgeGroup.fromLabel(request.ageGroup()), answers));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("domains", result.domains());
		body.put("functionalDifficulty", result.functionalDifficulty());
		return body;
	}

	@GetMapping("/{id}/enrolments")
	@Operation(summary = "Enrolments, newest first (audited read)")
	List<Enrolment> enrolments(Actor actor, @PathVariable long id) {
		return learners.read(actor, id).enrolments();
	}

	@PostMapping("/{id}/enrolments")
	@Operation(summary = "Enrol in an organisation; an open enrolment ends that day (a transfer)")
	ResponseEntity<Created> enrol(Actor actor, @PathVariable long id, @RequestBody EnrolmentDraft draft) {
		return created(id, "enrolments", learners.enrol(actor, id, draft));
	}

	@PostMapping("/{id}/enrolments/{enrolmentId}/end")
	@Operation(summary = "End an enrolment without a new one")
	ResponseEntity<Void> endEnrolment(Actor actor, @PathVariable long id, @PathVariable long enrolmentId,
			@RequestBody EnrolmentEnd end) {
		learners.endEnrolment(actor, id, enrolmentId, end);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/support-levels")
	@Operation(summary = "Support levels, newest first (audited read)")
	List<SupportLevelEntry> supportLevels(Actor actor, @PathVariable long id) {
		return learners.read(actor, id).supportLevels();
	}

	@PostMapping("/{id}/support-levels")
	@Operation(summary = "Set the support level (1 universal, 2 targeted, 3 individual)")
	ResponseEntity<Created> setSupportLevel(Actor actor, @PathVariable long id, @RequestBody SupportLevelDraft draft) {
		return created(id, "support-levels", learners.setSupportLevel(actor, id, draft));
	}

	@GetMapping("/{id}/plans")
	@Operation(summary = "Individual development plans with goals, hours and reviews (audited read)")
	List<Plan> plans(Actor actor, @PathVariable long id) {
		return learners.read(actor, id).plans();
	}

	@PostMapping("/{id}/plans")
	@Operation(summary = "Start the plan of a school year")
	ResponseEntity<Created> createPlan(Actor actor, @PathVariable long id, @RequestBody PlanDraft draft) {
		return created(id, "plans", learners.createPlan(actor, id, draft));
	}

	@PutMapping("/{id}/plans/{planId}")
	@Operation(summary = "Change a plan's start and adaptations; give the version read")
	ResponseEntity<Void> updatePlan(Actor actor, @PathVariable long id, @PathVariable long planId,
			@RequestBody PlanDraft draft) {
		learners.updatePlan(actor, id, planId, draft);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/plans/{planId}/goals")
	@Operation(summary = "Add a goal to a plan")
	ResponseEntity<Created> addGoal(Actor actor, @PathVariable long id, @PathVariable long planId,
			@RequestBody GoalDraft draft) {
		return created(id, "plans", learners.addGoal(actor, id, planId, draft));
	}

	@PutMapping("/{id}/plans/{planId}/services")
	@Operation(summary = "Set the planned weekly hours of a specialist type and the specialist assigned")
	ResponseEntity<Void> planService(Actor actor, @PathVariable long id, @PathVariable long planId,
			@RequestBody PlannedServiceDraft draft) {
		learners.planService(actor, id, planId, draft);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/plans/{planId}/reviews")
	@Operation(summary = "Record a term review rating every goal from -2 to +2")
	ResponseEntity<Created> addReview(Actor actor, @PathVariable long id, @PathVariable long planId,
			@RequestBody ReviewDraft draft) {
		return created(id, "plans", learners.addReview(actor, id, planId, draft));
	}

	@GetMapping("/{id}/sessions")
	@Operation(summary = "Sessions of the last three months and the delivered-to-recommended hours (audited read)")
	Map<String, Object> sessions(Actor actor, @PathVariable long id) {
		LearnerRecord record = learners.read(actor, id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("sessions", record.sessions());
		body.put("delivery", record.delivery());
		return body;
	}

	@PostMapping("/{id}/sessions")
	@Operation(summary = "Log a support session, attended or missed")
	ResponseEntity<Created> logSession(Actor actor, @PathVariable long id, @RequestBody SessionDraft draft) {
		return created(id, "sessions", learners.logSession(actor, id, draft));
	}

	@GetMapping("/{id}/devices")
	@Operation(summary = "Assistive devices (audited read)")
	List<Device> devices(Actor actor, @PathVariable long id) {
		return learners.read(actor, id).devices();
	}

	@PostMapping("/{id}/devices")
	@Operation(summary = "Record an assistive device given to the learner")
	ResponseEntity<Created> addDevice(Actor actor, @PathVariable long id, @RequestBody DeviceDraft draft) {
		return created(id, "devices", learners.addDevice(actor, id, draft));
	}

	@PutMapping("/{id}/devices/{deviceId}")
	@Operation(summary = "Record a device's return or condition; give the version read, a stale version answers 409")
	ResponseEntity<Void> updateDevice(Actor actor, @PathVariable long id, @PathVariable long deviceId,
			@RequestBody DeviceDraft draft) {
		learners.updateDevice(actor, id, deviceId, draft);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<Created> created(long learnerId, String section, long id) {
		return ResponseEntity.created(URI.create("/api/v1/learners/" + learnerId + "/" + section))
			.body(new Created(id));
	}

}
