package org.barshaga.learner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
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
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.InstructionLanguage;
import org.barshaga.registry.OrgUnitKind;

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
 * The learner register in the pages: the list with its worklists, the record, and the
 * identity form. The sections of the record have their own pages.
 */
@Controller
class LearnerPages {

	private final Learners learners;

	private final AdminUnits units;

	private final LearnerForms forms;

	private final Clock clock;

	LearnerPages(Learners learners, AdminUnits units, LearnerForms forms, Clock clock) {
		this.learners = learners;
		this.units = units;
		this.forms = forms;
		this.clock = clock;
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
		model.addAttribute("keepsRecords", actor.role() == Role.ADMIN);
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
		model.addAttribute("issuesParentRequest", ParentRequests.issues(actor));
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
		if (learners.statesHealthOfNewRecord(actor)) {
			values.add("disability", Disability.NONE.name());
		}
		values.add("startedOn", LocalDate.now(clock).toString());
		values.add("form", EducationForm.INCLUSIVE_CLASS.name());
		return forms.render(model, identityForm(actor, null, values), FormErrors.NONE);
	}

	@PostMapping("/learners")
	String create(Actor actor, @RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!learners.canCreate(actor)) {
			throw new NotPermittedException("register learners");
		}
		return forms.handle(model, locale, response, redirect, identityForm(actor, null, submitted), values -> {
			LearnerDraft draft = identityDraft(values, null, learners.statesHealthOfNewRecord(actor));
			EnrolmentDraft enrolment = actor.role() == Role.SCHOOL_COORDINATOR
					? new EnrolmentDraft(null, values.text("grade"), values.text("className"),
							values.code(EducationForm.class, "form"), values.date("startedOn"), null)
					: null;
			values.throwIfAny();
			Registration registration = learners.create(actor, withEnrolment(draft, enrolment));
			return registration.transferRequested() ? "/learners/transfers"
					: "/learners/" + registration.learner().id();
		});
	}

	@GetMapping("/learners/{id}/edit")
	String editForm(Actor actor, @PathVariable long id, Model model) {
		Learner learner = learners.readIdentity(actor, id);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		LearnerForms.put(values, "iin", learner.iin());
		LearnerForms.put(values, "noIinReason", learner.noIinReason());
		LearnerForms.put(values, "surname", learner.surname());
		LearnerForms.put(values, "givenName", learner.givenName());
		LearnerForms.put(values, "patronymic", learner.patronymic());
		LearnerForms.put(values, "birthDate", learner.birthDate());
		LearnerForms.put(values, "sex", learner.sex());
		LearnerForms.put(values, "citizenship", learner.citizenship());
		LearnerForms.put(values, "language", learner.language());
		LearnerForms.put(values, "disability", learner.disability());
		LearnerForms.put(values, "homeUnitCode", learner.homeUnitCode());
		LearnerForms.put(values, "version", learner.version());
		return forms.render(model, identityForm(actor, learner, values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}")
	String update(Actor actor, @PathVariable long id, @RequestParam MultiValueMap<String, String> submitted,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Learner learner = learners.readIdentity(actor, id);
		return forms.handle(model, locale, response, redirect, identityForm(actor, learner, submitted), values -> {
			LearnerDraft draft = identityDraft(values, values.integer("version"), learner.disability() != null);
			values.throwIfAny();
			learners.update(actor, id, draft);
			return "/learners/" + id;
		});
	}

	private PageForm identityForm(Actor actor, Learner existing, MultiValueMap<String, String> values) {
		List<FormField> fields = new ArrayList<>();
		fields
			.add(FormField.text("iin", false).hint(existing == null ? "learner.iin.registerHint" : "learner.iin.hint"));
		fields.add(FormField.select("noIinReason", false, FormField.codes(NoIinReason.class))
			.hint("learner.noIinReason.hint"));
		fields.add(FormField.text("surname", true));
		fields.add(FormField.text("givenName", true));
		fields.add(FormField.text("patronymic", false));
		fields.add(FormField.date("birthDate", true));
		fields.add(FormField.radios("sex", true, FormField.codes(Sex.class)));
		fields.add(FormField.select("citizenship", true, FormField.codes(Citizenship.class)));
		fields.add(FormField.select("language", true, FormField.codes(InstructionLanguage.class)));
		if (existing == null ? learners.statesHealthOfNewRecord(actor) : existing.disability() != null) {
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
		return LearnerForms.pageForm(existing == null ? "learner.new" : "learner.edit", existing,
				existing == null ? "/learners" : "/learners/" + existing.id(), "action.save",
				existing == null ? "/learners" : "/learners/" + existing.id(), fields, values);
	}

	/**
	 * The identity submitted. Only the fields of the form are read: a disability status
	 * sent to a form that did not show it is not the user's to write.
	 */
	private static LearnerDraft identityDraft(FormValues values, Integer version, boolean health) {
		return new LearnerDraft(values.text("iin"), values.code(NoIinReason.class, "noIinReason"),
				values.text("surname"), values.text("givenName"), values.text("patronymic"), values.date("birthDate"),
				values.code(Sex.class, "sex"), values.code(Citizenship.class, "citizenship"),
				values.code(InstructionLanguage.class, "language"),
				health ? values.code(Disability.class, "disability") : null, values.text("homeUnitCode"), null,
				version);
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

}
