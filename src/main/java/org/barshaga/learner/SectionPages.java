package org.barshaga.learner;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.FormField;
import org.barshaga.kernel.PageForm;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.SpecialistType;
import org.barshaga.registry.OrganisationSearch;
import org.barshaga.registry.OrganisationStatus;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Organisations;

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
 * One form per kind of entry in a learner's record, and the edit of guardians and
 * devices, all rendered by the same accessible form template.
 */
@Controller
class SectionPages {

	private final Learners learners;

	private final Organisations organisations;

	private final LearnerForms forms;

	private final Clock clock;

	SectionPages(Learners learners, Organisations organisations, LearnerForms forms, Clock clock) {
		this.learners = learners;
		this.organisations = organisations;
		this.forms = forms;
		this.clock = clock;
	}

	// Sections of the record

	@GetMapping("/learners/{id}/{section:guardians|consents|conclusions|functioning|enrolments|support-levels|plans|sessions|devices}/new")
	String sectionForm(Actor actor, @PathVariable long id, @PathVariable String section,
			@RequestParam(required = false) String ageGroup, Model model) {
		Learner learner = learners.readIdentityForForm(actor, id);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		String today = LocalDate.now(clock).toString();
		switch (Section.ofSlug(section)) {
			case CONSENTS -> values.add("givenOn", today);
			case CONCLUSIONS -> values.add("concludedOn", today);
			case FUNCTIONING -> {
				values.add("assessedOn", today);
				CfmAgeGroup group = CfmAgeGroup.fromLabel(ageGroup);
				values.add("ageGroup", (group != null ? group
						: learner.ageOn(LocalDate.now(clock)) <= 4 ? CfmAgeGroup.AGES_2_4 : CfmAgeGroup.AGES_5_17)
					.label());
			}
			case ENROLMENTS -> values.add("startedOn", today);
			case SUPPORT_LEVELS -> values.add("setOn", today);
			case PLANS -> {
				SchoolYear year = SchoolYear.of(LocalDate.now(clock));
				values.add("schoolYear", String.valueOf(year.startYear()));
				values.add("startedOn", today);
			}
			case SESSIONS -> {
				values.add("heldOn", today);
				values.add("minutes", "40");
				values.add("grouped", "false");
				values.add("attended", "true");
			}
			case DEVICES -> {
				values.add("providedOn", today);
				values.add("condition", DeviceCondition.GOOD.name());
			}
			default -> {
			}
		}
		return forms.render(model, sectionPage(actor, learner, Section.ofSlug(section), values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}/{section:guardians|consents|conclusions|functioning|enrolments|support-levels|plans|sessions|devices}")
	String addToSection(Actor actor, @PathVariable long id, @PathVariable String section,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Learner learner = learners.readIdentityForForm(actor, id);
		Section kind = Section.ofSlug(section);
		String back = "/learners/" + id + "#" + section;
		return forms.handle(model, locale, response, redirect, sectionPage(actor, learner, kind, submitted), values -> {
			switch (kind) {
				case GUARDIANS -> {
					GuardianDraft draft = new GuardianDraft(values.code(GuardianRelation.class, "relation"),
							values.text("fullName"), values.text("phone"), values.text("email"), values.text("address"),
							null);
					values.throwIfAny();
					learners.addGuardian(actor, id, draft);
				}
				case CONSENTS -> {
					ConsentDraft draft = new ConsentDraft(values.code(ConsentPurpose.class, "purpose"),
							values.id("guardianId"), values.date("givenOn"));
					values.throwIfAny();
					learners.addConsent(actor, id, draft);
				}
				case CONCLUSIONS -> {
					Map<SpecialistType, BigDecimal> hours = new EnumMap<>(SpecialistType.class);
					for (SpecialistType type : SpecialistType.values()) {
						BigDecimal value = values.decimal("hours." + type.name());
						if (value != null) {
							hours.put(type, value);
						}
					}
					ConclusionDraft draft = new ConclusionDraft(values.date("concludedOn"), values.text("pmpcCode"),
							values.text("number"), values.codes(SenCategory.class, "senCategories"),
							values.code(Programme.class, "programme"), values.code(EducationForm.class, "form"), hours,
							values.codes(RecommendedCondition.class, "conditions"), values.date("nextReviewOn"));
					values.throwIfAny();
					learners.addConclusion(actor, id, draft);
				}
				case FUNCTIONING -> {
					FunctioningDraft draft = new FunctioningDraft(values.date("assessedOn"),
							CfmAgeGroup.fromLabel(values.text("ageGroup")), values.group("answers"));
					values.throwIfAny();
					learners.addFunctioning(actor, id, draft);
				}
				case ENROLMENTS -> {
					EnrolmentDraft draft = new EnrolmentDraft(values.text("organisationCode"), values.text("grade"),
							values.text("className"), values.code(EducationForm.class, "form"),
							values.date("startedOn"), values.code(EnrolmentEndReason.class, "previousEndReason"));
					values.throwIfAny();
					learners.enrol(actor, id, draft);
				}
				case SUPPORT_LEVELS -> {
					SupportLevelDraft draft = new SupportLevelDraft(values.integer("level"), values.date("setOn"),
							values.text("rationale"));
					values.throwIfAny();
					learners.setSupportLevel(actor, id, draft);
				}
				case PLANS -> {
					PlanDraft draft = new PlanDraft(values.integer("schoolYear"), values.date("startedOn"),
							values.text("adaptations"), null);
					values.throwIfAny();
					learners.createPlan(actor, id, draft);
				}
				case SESSIONS -> {
					SessionDraft draft = new SessionDraft(values.date("heldOn"), values.integer("minutes"),
							values.code(SpecialistType.class, "specialist"), values.bool("grouped"),
							values.bool("attended"), values.code(MissedReason.class, "missedReason"));
					values.throwIfAny();
					learners.logSession(actor, id, draft);
				}
				case DEVICES -> {
					DeviceDraft draft = new DeviceDraft(values.code(DeviceKind.class, "deviceKind"),
							values.text("description"), values.date("providedOn"), values.date("returnedOn"),
							values.code(DeviceCondition.class, "condition"), null);
					values.throwIfAny();
					learners.addDevice(actor, id, draft);
				}
			}
			return learners.isVisible(actor, id) ? back : "/learners";
		});
	}

	private PageForm sectionPage(Actor actor, Learner learner, Section section, MultiValueMap<String, String> values) {
		List<FormField> fields = new ArrayList<>();
		switch (section) {
			case GUARDIANS -> {
				fields.add(FormField.select("relation", true, FormField.codes(GuardianRelation.class)));
				fields.add(FormField.text("fullName", true));
				fields.add(FormField.text("phone", false));
				fields.add(FormField.text("email", false));
				fields.add(FormField.text("address", false));
			}
			case CONSENTS -> {
				fields.add(FormField.radios("purpose", true, FormField.codes(ConsentPurpose.class)));
				fields.add(FormField.select("guardianId", false,
						learners.guardiansForForm(actor, learner.id())
							.stream()
							.map(g -> new FormField.Option(String.valueOf(g.id()), null, g.fullName()))
							.toList()));
				fields.add(FormField.date("givenOn", true));
			}
			case CONCLUSIONS -> {
				fields.add(FormField.date("concludedOn", true));
				fields.add(FormField.select("pmpcCode", true, pmpcOptions(learner)));
				fields.add(FormField.text("number", true));
				fields.add(FormField.checkboxes("senCategories", true, FormField.codes(SenCategory.class)));
				fields.add(FormField.select("programme", true, FormField.codes(Programme.class)));
				fields.add(FormField.radios("form", true, FormField.codes(EducationForm.provided())));
				for (SpecialistType type : SpecialistType.values()) {
					fields.add(FormField.number("hours." + type.name(), false));
				}
				fields.add(FormField.checkboxes("conditions", false, FormField.codes(RecommendedCondition.class)));
				fields.add(FormField.date("nextReviewOn", true));
			}
			case FUNCTIONING -> {
				CfmAgeGroup group = CfmAgeGroup.fromLabel(values.getFirst("ageGroup"));
				if (group == null) {
					group = CfmAgeGroup.AGES_5_17;
				}
				fields.add(FormField.hidden("ageGroup"));
				fields.add(FormField.date("assessedOn", true));
				for (String question : ChildFunctioning.questions(group)) {
					List<FormField.Option> answers = ChildFunctioning.answers(group, question)
						.stream()
						.map(a -> new FormField.Option(a, "cfm.answer." + a, null))
						.toList();
					fields.add(FormField.select("answers." + question, false, answers));
				}
			}
			case ENROLMENTS -> {
				fields.add(FormField.text("organisationCode", true).hint("learner.organisationCode.hint"));
				fields.add(FormField.text("grade", false));
				fields.add(FormField.text("className", false));
				fields.add(FormField.radios("form", true, FormField.codes(EducationForm.provided())));
				fields.add(FormField.date("startedOn", true));
				fields.add(FormField.select("previousEndReason", false, FormField.codes(EnrolmentEndReason.class))
					.hint("learner.previousEndReason.hint"));
			}
			case SUPPORT_LEVELS -> {
				fields.add(FormField.radios("level", true,
						java.util.Arrays.stream(SupportLevel.values())
							.map(l -> new FormField.Option(String.valueOf(l.number()), l.messageKey(), null))
							.toList()));
				fields.add(FormField.date("setOn", true));
				fields.add(FormField.textarea("rationale", true));
			}
			case PLANS -> {
				int year = SchoolYear.of(LocalDate.now(clock)).startYear();
				fields.add(FormField.select("schoolYear", true,
						List.of(year - 1, year, year + 1)
							.stream()
							.map(y -> new FormField.Option(String.valueOf(y), null, new SchoolYear(y).label()))
							.toList()));
				fields.add(FormField.date("startedOn", true));
				fields.add(FormField.textarea("adaptations", false));
			}
			case SESSIONS -> {
				fields.add(FormField.date("heldOn", true));
				fields.add(FormField.number("minutes", true));
				fields.add(FormField.select("specialist", true, FormField.codes(SpecialistType.class)));
				fields.add(FormField.radios("grouped", true, yesNo("session.group", "session.individual")));
				fields.add(FormField.radios("attended", true, yesNo("session.attended", "session.missed")));
				fields.add(FormField.select("missedReason", false, FormField.codes(MissedReason.class)));
			}
			case DEVICES -> {
				fields.add(FormField.select("deviceKind", true, FormField.codes(DeviceKind.class)));
				fields.add(FormField.text("description", false));
				fields.add(FormField.date("providedOn", true));
				fields.add(FormField.date("returnedOn", false));
				fields.add(FormField.select("condition", true, FormField.codes(DeviceCondition.class)));
			}
		}
		String action = "/learners/" + learner.id() + "/" + section.slug();
		return LearnerForms.pageForm("learner.add." + section.name(), learner, action, "action.save",
				"/learners/" + learner.id(), fields, values);
	}

	private static List<FormField.Option> yesNo(String yesKey, String noKey) {
		return List.of(new FormField.Option("true", yesKey, null), new FormField.Option("false", noKey, null));
	}

	private List<FormField.Option> pmpcOptions(Learner learner) {
		String[] parts = learner.path().split("/");
		String region = parts.length > 2 ? parts[2] : "KZ";
		return organisations
			.search(new OrganisationSearch(null, OrganisationType.PMPC, region, OrganisationStatus.OPEN, 0, 200))
			.items()
			.stream()
			.map(o -> new FormField.Option(o.code(), null,
					o.name().in(LocaleContextHolder.getLocale()) + " (" + o.code() + ")"))
			.toList();
	}

	// Changes to existing entries

	@GetMapping("/learners/{id}/{section:guardians|devices}/{itemId}/edit")
	String itemForm(Actor actor, @PathVariable long id, @PathVariable String section, @PathVariable long itemId,
			Model model) {
		LearnerRecord record = learners.read(actor, id);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		if (section.equals("guardians")) {
			Guardian g = RecordChecks.one(record.guardians(), Guardian::id, itemId, "guardian");
			LearnerForms.put(values, "relation", g.relation());
			LearnerForms.put(values, "fullName", g.fullName());
			LearnerForms.put(values, "phone", g.phone());
			LearnerForms.put(values, "email", g.email());
			LearnerForms.put(values, "address", g.address());
			LearnerForms.put(values, "version", g.version());
		}
		else {
			Device d = RecordChecks.one(record.devices(), Device::id, itemId, "device");
			LearnerForms.put(values, "deviceKind", d.kind());
			LearnerForms.put(values, "description", d.description());
			LearnerForms.put(values, "providedOn", d.providedOn());
			LearnerForms.put(values, "returnedOn", d.returnedOn());
			LearnerForms.put(values, "condition", d.condition());
			LearnerForms.put(values, "version", d.version());
		}
		return forms.render(model, itemPage(actor, record.learner(), section, itemId, values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}/{section:guardians|devices}/{itemId}")
	String updateItem(Actor actor, @PathVariable long id, @PathVariable String section, @PathVariable long itemId,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Learner learner = learners.readIdentityForForm(actor, id);
		return forms.handle(model, locale, response, redirect, itemPage(actor, learner, section, itemId, submitted),
				values -> {
					if (section.equals("guardians")) {
						GuardianDraft draft = new GuardianDraft(values.code(GuardianRelation.class, "relation"),
								values.text("fullName"), values.text("phone"), values.text("email"),
								values.text("address"), values.integer("version"));
						values.throwIfAny();
						learners.updateGuardian(actor, id, itemId, draft);
					}
					else {
						DeviceDraft draft = new DeviceDraft(values.code(DeviceKind.class, "deviceKind"),
								values.text("description"), values.date("providedOn"), values.date("returnedOn"),
								values.code(DeviceCondition.class, "condition"), values.integer("version"));
						values.throwIfAny();
						learners.updateDevice(actor, id, itemId, draft);
					}
					return "/learners/" + id + "#" + section;
				});
	}

	private PageForm itemPage(Actor actor, Learner learner, String section, long itemId,
			MultiValueMap<String, String> values) {
		PageForm add = sectionPage(actor, learner, Section.ofSlug(section), values);
		List<FormField> fields = new ArrayList<>(add.fields());
		fields.add(FormField.hidden("version"));
		return LearnerForms.pageForm("learner.edit." + section, learner,
				"/learners/" + learner.id() + "/" + section + "/" + itemId, "action.save", "/learners/" + learner.id(),
				fields, values);
	}

}
