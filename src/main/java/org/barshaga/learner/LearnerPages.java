package org.barshaga.learner;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.EnumInput;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.FormField;
import org.barshaga.kernel.FormValues;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.PageForm;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.kernel.Sex;
import org.barshaga.kernel.SpecialistType;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.InstructionLanguage;
import org.barshaga.registry.OrgUnitKind;
import org.barshaga.registry.OrganisationSearch;
import org.barshaga.registry.OrganisationStatus;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Organisations;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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
 * The learner register in the pages: the list with its worklists, the record, and one
 * form per kind of entry, all rendered by the same accessible form template.
 */
@Controller
class LearnerPages {

	private final Learners learners;

	private final AdminUnits units;

	private final Organisations organisations;

	private final MessageSource messages;

	private final Clock clock;

	LearnerPages(Learners learners, AdminUnits units, Organisations organisations, MessageSource messages,
			Clock clock) {
		this.learners = learners;
		this.units = units;
		this.organisations = organisations;
		this.messages = messages;
		this.clock = clock;
	}

	/** A form being handled: how to show it and what a valid submit does. */
	private interface Submit {

		/** Saves and answers where to go next. */
		String save(FormValues values);

	}

	// The list and the record

	@GetMapping("/learners")
	String list(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String place,
			@RequestParam(required = false) String worklist, @RequestParam(defaultValue = "0") int page, Model model) {
		Worklist list = EnumInput.parse(Worklist.class, worklist, "worklist", new InvalidInputException.Collector());
		LearnerSearch search = new LearnerSearch(q, place, list, page, LearnerSearch.DEFAULT_PAGE_SIZE);
		model.addAttribute("search", search);
		model.addAttribute("results", learners.search(actor, search));
		model.addAttribute("worklists", learners.worklistCounts(actor));
		model.addAttribute("canCreate", learners.canCreate(actor));
		return "learner/list";
	}

	@GetMapping("/learners/{id}")
	String view(Actor actor, @PathVariable long id, Model model) {
		LearnerRecord record = learners.read(actor, id);
		model.addAttribute("record", record);
		model.addAttribute("learner", record.learner());
		model.addAttribute("homeUnit", units.find(record.learner().homeUnitCode()).orElse(null));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("schoolYear", SchoolYear.of(LocalDate.now(clock)).startYear());
		return "learner/record";
	}

	// Identity

	@GetMapping("/learners/new")
	String createForm(Actor actor, Model model) {
		if (!learners.canCreate(actor)) {
			throw new NotPermittedException("register learners");
		}
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("citizenship", Citizenship.KZ.name());
		values.add("disability", Disability.NONE.name());
		values.add("startedOn", LocalDate.now(clock).toString());
		values.add("form", EducationForm.INCLUSIVE_CLASS.name());
		return render(model, identityForm(actor, null, values), FormErrors.NONE);
	}

	@PostMapping("/learners")
	String create(Actor actor, @RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!learners.canCreate(actor)) {
			throw new NotPermittedException("register learners");
		}
		return handle(model, locale, response, redirect, identityForm(actor, null, submitted), values -> {
			LearnerDraft draft = identityDraft(values, null);
			EnrolmentDraft enrolment = actor.role() == Role.SCHOOL_COORDINATOR
					? new EnrolmentDraft(null, values.text("grade"), values.text("className"),
							values.code(EducationForm.class, "form"), values.date("startedOn"), null)
					: null;
			values.throwIfAny();
			Learner created = learners.create(actor, withEnrolment(draft, enrolment));
			return "/learners/" + created.id();
		});
	}

	@GetMapping("/learners/{id}/edit")
	String editForm(Actor actor, @PathVariable long id, Model model) {
		Learner learner = learners.readIdentity(actor, id);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		put(values, "iin", learner.iin());
		put(values, "noIinReason", learner.noIinReason());
		put(values, "surname", learner.surname());
		put(values, "givenName", learner.givenName());
		put(values, "patronymic", learner.patronymic());
		put(values, "birthDate", learner.birthDate());
		put(values, "sex", learner.sex());
		put(values, "citizenship", learner.citizenship());
		put(values, "language", learner.language());
		put(values, "disability", learner.disability());
		put(values, "homeUnitCode", learner.homeUnitCode());
		put(values, "version", learner.version());
		return render(model, identityForm(actor, learner, values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}")
	String update(Actor actor, @PathVariable long id, @RequestParam MultiValueMap<String, String> submitted,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Learner learner = learners.readIdentity(actor, id);
		return handle(model, locale, response, redirect, identityForm(actor, learner, submitted), values -> {
			LearnerDraft draft = identityDraft(values, values.integer("version"));
			values.throwIfAny();
			learners.update(actor, id, draft);
			return "/learners/" + id;
		});
	}

	private PageForm identityForm(Actor actor, Learner existing, MultiValueMap<String, String> values) {
		List<FormField> fields = new ArrayList<>();
		fields.add(FormField.text("iin", false).hint("learner.iin.hint"));
		fields.add(FormField.select("noIinReason", false, FormField.codes(NoIinReason.class))
			.hint("learner.noIinReason.hint"));
		fields.add(FormField.text("surname", true));
		fields.add(FormField.text("givenName", true));
		fields.add(FormField.text("patronymic", false));
		fields.add(FormField.date("birthDate", true));
		fields.add(FormField.radios("sex", true, FormField.codes(Sex.class)));
		fields.add(FormField.select("citizenship", true, FormField.codes(Citizenship.class)));
		fields.add(FormField.select("language", true, FormField.codes(InstructionLanguage.class)));
		if (existing == null || existing.disability() != null) {
			fields.add(FormField.select("disability", true, FormField.codes(Disability.class))
				.hint("learner.disability.hint"));
		}
		fields.add(FormField.select("homeUnitCode", true, unitOptions()));
		if (existing == null && actor.role() == Role.SCHOOL_COORDINATOR) {
			fields.add(FormField.text("grade", false));
			fields.add(FormField.text("className", false));
			fields.add(FormField.radios("form", true, FormField.codes(EducationForm.provided())));
			fields.add(FormField.date("startedOn", true));
		}
		if (existing != null) {
			fields.add(FormField.hidden("version"));
		}
		return pageForm(existing == null ? "learner.new" : "learner.edit", existing,
				existing == null ? "/learners" : "/learners/" + existing.id(), "action.save",
				existing == null ? "/learners" : "/learners/" + existing.id(), fields, values);
	}

	private static LearnerDraft identityDraft(FormValues values, Integer version) {
		return new LearnerDraft(values.text("iin"), values.code(NoIinReason.class, "noIinReason"),
				values.text("surname"), values.text("givenName"), values.text("patronymic"), values.date("birthDate"),
				values.code(Sex.class, "sex"), values.code(Citizenship.class, "citizenship"),
				values.code(InstructionLanguage.class, "language"), values.code(Disability.class, "disability"),
				values.text("homeUnitCode"), null, version);
	}

	private static LearnerDraft withEnrolment(LearnerDraft d, EnrolmentDraft enrolment) {
		return new LearnerDraft(d.iin(), d.noIinReason(), d.surname(), d.givenName(), d.patronymic(), d.birthDate(),
				d.sex(), d.citizenship(), d.language(), d.disability(), d.homeUnitCode(), enrolment, d.version());
	}

	private List<FormField.Option> unitOptions() {
		return units.within(DataScope.NATION)
			.stream()
			.filter(u -> !u.isClosed() && u.kind() != OrgUnitKind.COUNTRY)
			.map(u -> new FormField.Option(u.code(), null,
					"\u2003".repeat(Math.max(0, u.depth() - 1)) + u.name().in(LocaleContextHolder.getLocale())))
			.toList();
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
		return render(model, sectionPage(actor, learner, Section.ofSlug(section), values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}/{section:guardians|consents|conclusions|functioning|enrolments|support-levels|plans|sessions|devices}")
	String addToSection(Actor actor, @PathVariable long id, @PathVariable String section,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Learner learner = learners.readIdentityForForm(actor, id);
		Section kind = Section.ofSlug(section);
		String back = "/learners/" + id + "#" + section;
		return handle(model, locale, response, redirect, sectionPage(actor, learner, kind, submitted), values -> {
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
		return pageForm("learner.add." + section.name(), learner, action, "action.save", "/learners/" + learner.id(),
				fields, values);
	}

	private static PageForm pageForm(String titleKey, Learner learner, String action, String submitKey, String cancel,
			List<FormField> fields, MultiValueMap<String, String> values) {
		return new PageForm(titleKey, "nav.learners", "/learners", learner == null ? null : learner.fullName(),
				learner == null ? null : "/learners/" + learner.id(), action, submitKey, cancel, fields, values);
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
			Guardian g = Learners.one(record.guardians(), Guardian::id, itemId, "guardian");
			put(values, "relation", g.relation());
			put(values, "fullName", g.fullName());
			put(values, "phone", g.phone());
			put(values, "email", g.email());
			put(values, "address", g.address());
			put(values, "version", g.version());
		}
		else {
			Device d = Learners.one(record.devices(), Device::id, itemId, "device");
			put(values, "deviceKind", d.kind());
			put(values, "description", d.description());
			put(values, "providedOn", d.providedOn());
			put(values, "returnedOn", d.returnedOn());
			put(values, "condition", d.condition());
			put(values, "version", d.version());
		}
		return render(model, itemPage(actor, record.learner(), section, itemId, values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}/{section:guardians|devices}/{itemId}")
	String updateItem(Actor actor, @PathVariable long id, @PathVariable String section, @PathVariable long itemId,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Learner learner = learners.readIdentityForForm(actor, id);
		return handle(model, locale, response, redirect, itemPage(actor, learner, section, itemId, submitted),
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
		return pageForm("learner.edit." + section, learner, "/learners/" + learner.id() + "/" + section + "/" + itemId,
				"action.save", "/learners/" + learner.id(), fields, values);
	}

	@GetMapping("/learners/{id}/consents/{consentId}/withdrawal")
	String withdrawalForm(Actor actor, @PathVariable long id, @PathVariable long consentId, Model model) {
		Learner learner = learners.readIdentityForForm(actor, id);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("withdrawnOn", LocalDate.now(clock).toString());
		return render(model, withdrawalPage(learner, consentId, values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}/consents/{consentId}/withdrawal")
	String withdraw(Actor actor, @PathVariable long id, @PathVariable long consentId,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Learner learner = learners.readIdentityForForm(actor, id);
		return handle(model, locale, response, redirect, withdrawalPage(learner, consentId, submitted), values -> {
			ConsentWithdrawal withdrawal = new ConsentWithdrawal(values.date("withdrawnOn"));
			values.throwIfAny();
			learners.withdrawConsent(actor, id, consentId, withdrawal);
			return "/learners/" + id + "#consents";
		});
	}

	private static PageForm withdrawalPage(Learner learner, long consentId, MultiValueMap<String, String> values) {
		return pageForm("learner.withdrawConsent", learner,
				"/learners/" + learner.id() + "/consents/" + consentId + "/withdrawal",
				"learner.withdrawConsent.submit", "/learners/" + learner.id(),
				List.of(FormField.date("withdrawnOn", true)), values);
	}

	@GetMapping("/learners/{id}/enrolments/{enrolmentId}/end")
	String endForm(Actor actor, @PathVariable long id, @PathVariable long enrolmentId, Model model) {
		Learner learner = learners.readIdentityForForm(actor, id);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("endedOn", LocalDate.now(clock).toString());
		return render(model, endPage(learner, enrolmentId, values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}/enrolments/{enrolmentId}/end")
	String end(Actor actor, @PathVariable long id, @PathVariable long enrolmentId,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Learner learner = learners.readIdentityForForm(actor, id);
		return handle(model, locale, response, redirect, endPage(learner, enrolmentId, submitted), values -> {
			EnrolmentEnd end = new EnrolmentEnd(values.date("endedOn"),
					values.code(EnrolmentEndReason.class, "endReason"));
			values.throwIfAny();
			learners.endEnrolment(actor, id, enrolmentId, end);
			return learners.isVisible(actor, id) ? "/learners/" + id + "#enrolments" : "/learners";
		});
	}

	private static PageForm endPage(Learner learner, long enrolmentId, MultiValueMap<String, String> values) {
		return pageForm("learner.endEnrolment", learner,
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
		put(values, "startedOn", plan.startedOn());
		put(values, "adaptations", plan.adaptations());
		put(values, "version", plan.version());
		return render(model, planPage(record.learner(), planId, values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}/plans/{planId}")
	String updatePlan(Actor actor, @PathVariable long id, @PathVariable long planId,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Learner learner = learners.readIdentityForForm(actor, id);
		return handle(model, locale, response, redirect, planPage(learner, planId, submitted), values -> {
			PlanDraft draft = new PlanDraft(null, values.date("startedOn"), values.text("adaptations"),
					values.integer("version"));
			values.throwIfAny();
			learners.updatePlan(actor, id, planId, draft);
			return "/learners/" + id + "#plans";
		});
	}

	private static PageForm planPage(Learner learner, long planId, MultiValueMap<String, String> values) {
		return pageForm("learner.editPlan", learner, "/learners/" + learner.id() + "/plans/" + planId, "action.save",
				"/learners/" + learner.id(), List.of(FormField.date("startedOn", true),
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
		return render(model, planPartPage(record.learner(), plan, part, values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}/plans/{planId}/{part:goals|services|reviews}")
	String addPlanPart(Actor actor, @PathVariable long id, @PathVariable long planId, @PathVariable String part,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		LearnerRecord record = learners.read(actor, id);
		Plan plan = planOf(record, planId);
		return handle(model, locale, response, redirect, planPartPage(record.learner(), plan, part, submitted),
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
		return Learners.one(record.plans(), Plan::id, planId, "plan");
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
		return pageForm("learner.add.plan." + part, learner,
				"/learners/" + learner.id() + "/plans/" + plan.id() + "/" + part, "action.save",
				"/learners/" + learner.id() + "#plans", fields, values);
	}

	// Rendering and submitting

	private String render(Model model, PageForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("messages", messages);
		model.addAttribute("duplicateOf", null);
		return "form";
	}

	private String handle(Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect,
			PageForm form, Submit submit) {
		try {
			String next = submit.save(new FormValues(form.values()));
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:" + next;
		}
		catch (DuplicateIinException duplicate) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			String page = render(model, form, FormErrors.of(duplicate, messages, locale));
			model.addAttribute("duplicateOf", duplicate.existingId());
			return page;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, form, FormErrors.of(invalid, messages, locale));
		}
		catch (EditConflictException conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return render(model, form, FormErrors.message("version", "validation.conflict", messages, locale));
		}
	}

	private static void put(MultiValueMap<String, String> values, String name, Object value) {
		if (value != null) {
			values.add(name, value instanceof Enum<?> e ? e.name() : value.toString());
		}
	}

}
