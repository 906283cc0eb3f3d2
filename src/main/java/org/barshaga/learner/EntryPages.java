package org.barshaga.learner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.FormField;
import org.barshaga.kernel.PageForm;
import org.barshaga.kernel.SpecialistType;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changes to entries already in a learner's record: withdrawing a consent, ending an
 * enrolment, and a plan with its goals, services and term reviews.
 */
@Controller
class EntryPages {

	private final Learners learners;

	private final LearnerForms forms;

	private final MessageSource messages;

	private final Clock clock;

	EntryPages(Learners learners, LearnerForms forms, MessageSource messages, Clock clock) {
		this.learners = learners;
		this.forms = forms;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/learners/{id}/consents/{consentId}/withdrawal")
	String withdrawalForm(Actor actor, @PathVariable long id, @PathVariable long consentId, Model model) {
		Learner learner = learners.readIdentityForForm(actor, id);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("withdrawnOn", LocalDate.now(clock).toString());
		return forms.render(model, withdrawalPage(learner, consentId, values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}/consents/{consentId}/withdrawal")
	String withdraw(Actor actor, @PathVariable long id, @PathVariable long consentId,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Learner learner = learners.readIdentityForForm(actor, id);
		return forms.handle(model, locale, response, redirect, withdrawalPage(learner, consentId, submitted),
				values -> {
					ConsentWithdrawal withdrawal = new ConsentWithdrawal(values.date("withdrawnOn"));
					values.throwIfAny();
					learners.withdrawConsent(actor, id, consentId, withdrawal);
					return "/learners/" + id + "#consents";
				});
	}

	private static PageForm withdrawalPage(Learner learner, long consentId, MultiValueMap<String, String> values) {
		return LearnerForms.pageForm("learner.withdrawConsent", learner,
				"/learners/" + learner.id() + "/consents/" + consentId + "/withdrawal",
				"learner.withdrawConsent.submit", "/learners/" + learner.id(),
				List.of(FormField.date("withdrawnOn", true)), values);
	}

	@GetMapping("/learners/{id}/enrolments/{enrolmentId}/end")
	String endForm(Actor actor, @PathVariable long id, @PathVariable long enrolmentId, Model model) {
		Learner learner = learners.readIdentityForForm(actor, id);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("endedOn", LocalDate.now(clock).toString());
		return forms.render(model, endPage(learner, enrolmentId, values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}/enrolments/{enrolmentId}/end")
	String end(Actor actor, @PathVariable long id, @PathVariable long enrolmentId,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Learner learner = learners.readIdentityForForm(actor, id);
		return forms.handle(model, locale, response, redirect, endPage(learner, enrolmentId, submitted), values -> {
			EnrolmentEnd end = new EnrolmentEnd(values.date("endedOn"),
					values.code(EnrolmentEndReason.class, "endReason"));
			values.throwIfAny();
			learners.endEnrolment(actor, id, enrolmentId, end);
			return learners.isVisible(actor, id) ? "/learners/" + id + "#enrolments" : "/learners";
		});
	}

	private static PageForm endPage(Learner learner, long enrolmentId, MultiValueMap<String, String> values) {
		return LearnerForms.pageForm("learner.endEnrolment", learner,
				"/learners/" + learner.id() + "/enrolments/" + enrolmentId + "/end", "learner.endEnrolment.submit",
				"/learners/" + learner.id(), List.of(FormField.date("endedOn", true),
						FormField.select("endReason", true, FormField.codes(EnrolmentEndReason.class))),
				values);
	}

	@GetMapping("/learners/{id}/plans/{planId}/edit")
	String planForm(Actor actor, @PathVariable long id, @PathVariable long planId, Model model) {
		LearnerRecord record = learners.read(actor, id);
		Plan plan = planOf(record, planId);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		LearnerForms.put(values, "startedOn", plan.startedOn());
		LearnerForms.put(values, "adaptations", plan.adaptations());
		LearnerForms.put(values, "version", plan.version());
		return forms.render(model, planPage(record.learner(), planId, values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}/plans/{planId}")
	String updatePlan(Actor actor, @PathVariable long id, @PathVariable long planId,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Learner learner = learners.readIdentityForForm(actor, id);
		return forms.handle(model, locale, response, redirect, planPage(learner, planId, submitted), values -> {
			PlanDraft draft = new PlanDraft(null, values.date("startedOn"), values.text("adaptations"),
					values.integer("version"));
			values.throwIfAny();
			learners.updatePlan(actor, id, planId, draft);
			return "/learners/" + id + "#plans";
		});
	}

	private static PageForm planPage(Learner learner, long planId, MultiValueMap<String, String> values) {
		return LearnerForms.pageForm("learner.editPlan", learner, "/learners/" + learner.id() + "/plans/" + planId,
				"action.save", "/learners/" + learner.id(), List.of(FormField.date("startedOn", true),
						FormField.textarea("adaptations", false), FormField.hidden("version")),
				values);
	}

	@GetMapping("/learners/{id}/plans/{planId}/{part:goals|services|reviews}/new")
	String planPartForm(Actor actor, @PathVariable long id, @PathVariable long planId, @PathVariable String part,
			Model model) {
		LearnerRecord record = learners.read(actor, id);
		Plan plan = planOf(record, planId);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		if (part.equals("reviews")) {
			values.add("reviewedOn", LocalDate.now(clock).toString());
		}
		return forms.render(model, planPartPage(record.learner(), plan, part, values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}/plans/{planId}/{part:goals|services|reviews}")
	String addPlanPart(Actor actor, @PathVariable long id, @PathVariable long planId, @PathVariable String part,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		LearnerRecord record = learners.read(actor, id);
		Plan plan = planOf(record, planId);
		return forms.handle(model, locale, response, redirect, planPartPage(record.learner(), plan, part, submitted),
				values -> {
					switch (part) {
						case "goals" -> {
							GoalDraft draft = new GoalDraft(values.code(GoalDomain.class, "domain"),
									values.text("description"), values.text("baseline"), values.text("target"),
									values.text("measure"));
							values.throwIfAny();
							learners.addGoal(actor, id, planId, draft);
						}
						case "services" -> {
							PlannedServiceDraft draft = new PlannedServiceDraft(
									values.code(SpecialistType.class, "specialist"), values.decimal("weeklyHours"),
									values.text("assignedUsername"));
							values.throwIfAny();
							learners.planService(actor, id, planId, draft);
						}
						default -> {
							Map<Long, Plan.Rating> ratings = new LinkedHashMap<>();
							for (Plan.Goal goal : plan.goals()) {
								Integer score = values.integer("score." + goal.id());
								if (score != null) {
									ratings.put(goal.id(), new Plan.Rating(score, values.text("remark." + goal.id())));
								}
							}
							ReviewDraft draft = new ReviewDraft(values.integer("term"), values.date("reviewedOn"),
									ratings);
							values.throwIfAny();
							learners.addReview(actor, id, planId, draft);
						}
					}
					return "/learners/" + id + "#plans";
				});
	}

	private static Plan planOf(LearnerRecord record, long planId) {
		return RecordChecks.one(record.plans(), Plan::id, planId, "plan");
	}

	private PageForm planPartPage(Learner learner, Plan plan, String part, MultiValueMap<String, String> values) {
		List<FormField> fields = new ArrayList<>();
		switch (part) {
			case "goals" -> {
				fields.add(FormField.select("domain", true, FormField.codes(GoalDomain.class)));
				fields.add(FormField.textarea("description", true));
				fields.add(FormField.textarea("baseline", true));
				fields.add(FormField.textarea("target", true));
				fields.add(FormField.text("measure", true));
			}
			case "services" -> {
				fields.add(FormField.select("specialist", true, FormField.codes(SpecialistType.class)));
				fields.add(FormField.number("weeklyHours", true));
				fields.add(FormField.text("assignedUsername", false).hint("learner.assignedUsername.hint"));
			}
			default -> {
				fields.add(FormField.select("term", true,
						List.of(1, 2, 3, 4)
							.stream()
							.map(t -> new FormField.Option(String.valueOf(t), "plan.term." + t, null))
							.toList()));
				fields.add(FormField.date("reviewedOn", true));
				List<FormField.Option> scale = List.of(-2, -1, 0, 1, 2)
					.stream()
					.map(s -> new FormField.Option(String.valueOf(s), "gas." + s, null))
					.toList();
				int n = 1;
				for (Plan.Goal goal : plan.goals()) {
					String goalLabel = messages.getMessage("plan.goalNumbered",
							new Object[] { n++, goal.description() }, LocaleContextHolder.getLocale());
					fields.add(FormField.select("score." + goal.id(), true, scale).labelled(goalLabel));
					fields.add(FormField.text("remark." + goal.id(), false)
						.labelled(messages.getMessage("field.remark", null, LocaleContextHolder.getLocale()) + " — "
								+ goalLabel));
				}
			}
		}
		return LearnerForms.pageForm("learner.add.plan." + part, learner,
				"/learners/" + learner.id() + "/plans/" + plan.id() + "/" + part, "action.save",
				"/learners/" + learner.id() + "#plans", fields, values);
	}

}
