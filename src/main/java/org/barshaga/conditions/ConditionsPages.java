package org.barshaga.conditions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.FormField;
import org.barshaga.kernel.FormValues;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.PageForm;
import org.barshaga.kernel.Role;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.Organisations;

import org.springframework.context.MessageSource;
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
 * The pages of school conditions: a school's survey with its evaluation, its staff, a
 * unit's schools with reported against measured status, the staffing gap, and the
 * administrators' criteria sets and norms.
 */
@Controller
class ConditionsPages {

	private final SchoolConditions conditions;

	private final AdminUnits units;

	private final Organisations organisations;

	private final MessageSource messages;

	ConditionsPages(SchoolConditions conditions, AdminUnits units, Organisations organisations,
			MessageSource messages) {
		this.conditions = conditions;
		this.units = units;
		this.organisations = organisations;
		this.messages = messages;
	}

	/** Where the conditions pages start for the user: their school, else their unit. */
	@GetMapping("/conditions")
	String start(Actor actor) {
		return units.ofScope(actor.scope())
			.map(unit -> "redirect:/units/" + unit.code() + "/conditions")
			.or(() -> organisations.ofScope(actor.scope())
				.map(school -> "redirect:/schools/" + school.code() + "/conditions"))
			.orElseThrow(() -> new NotFoundException("place", actor.scope().pathPrefix()));
	}

	// A school

	@GetMapping("/schools/{code}/conditions")
	String school(Actor actor, @PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
		int schoolYear = year == null ? conditions.currentYear() : year;
		Survey survey = conditions.survey(actor, code, schoolYear);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		survey.items().forEach((item, entry) -> {
			values.add("status." + item.name(), entry.status().name());
			if (entry.note() != null) {
				values.add("note." + item.name(), entry.note());
			}
		});
		if (survey.reportedCreated() != null) {
			values.add("reportedCreated", survey.reportedCreated().toString());
		}
		if (survey.reportedOn() != null) {
			values.add("reportedOn", survey.reportedOn().toString());
		}
		return schoolPage(actor, code, schoolYear, survey, values, FormErrors.NONE, model);
	}

	@PostMapping("/schools/{code}/conditions")
	String saveSurvey(Actor actor, @PathVariable String code, @RequestParam int year,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		FormValues values = new FormValues(submitted);
		Survey current = conditions.survey(actor, code, year);
		try {
			Map<ConditionItem, Survey.Entry> items = new EnumMap<>(ConditionItem.class);
			for (ConditionItem item : ConditionItem.values()) {
				ItemStatus status = values.code(ItemStatus.class, "status." + item.name());
				if (status != null) {
					items.put(item, new Survey.Entry(status, values.text("note." + item.name())));
				}
			}
			SurveyDraft draft = new SurveyDraft(items, values.bool("reportedCreated"), values.date("reportedOn"),
					values.integer("version"));
			values.throwIfAny();
			conditions.saveSurvey(actor, code, year, draft);
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/schools/" + code + "/conditions?year=" + year;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return schoolPage(actor, code, year, current, submitted, FormErrors.of(invalid, messages, locale), model);
		}
		catch (EditConflictException conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return schoolPage(actor, code, year, current, submitted,
					FormErrors.message("version", "validation.conflict", messages, locale), model);
		}
	}

	private String schoolPage(Actor actor, String code, int year, Survey survey, MultiValueMap<String, String> values,
			FormErrors errors, Model model) {
		SchoolStatus status = conditions.status(actor, code, year);
		Organisation school = status.school();
		model.addAttribute("school", school);
		model.addAttribute("unitLineage", units.lineage(school.orgUnitCode()));
		model.addAttribute("year", year);
		model.addAttribute("years", years());
		model.addAttribute("survey", survey);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("canEdit", conditions.canEdit(actor, school));
		model.addAttribute("categories", ConditionCategory.values());
		model.addAttribute("statuses", ItemStatus.values());
		model.addAttribute("evaluations", status.evaluations());
		model.addAttribute("sets", status.sets());
		model.addAttribute("fixFirst", fixFirst(status.evaluations()));
		model.addAttribute("facts", status.facts());
		return "conditions/school";
	}

	/**
	 * The failed requirements, those failing in more criteria sets first: fixing them
	 * moves the school in every set at once.
	 */
	private static List<CriteriaRules.Failure> fixFirst(List<Evaluation> evaluations) {
		Map<String, CriteriaRules.Failure> byRequirement = new LinkedHashMap<>();
		Map<String, Integer> sets = new LinkedHashMap<>();
		for (Evaluation evaluation : evaluations) {
			for (CriteriaRules.Failure failure : evaluation.failedRules()) {
				byRequirement.putIfAbsent(failure.rule(), failure);
				sets.merge(failure.rule(), 1, Integer::sum);
			}
		}
		List<CriteriaRules.Failure> ordered = new ArrayList<>(byRequirement.values());
		ordered.sort((a, b) -> sets.get(b.rule()) - sets.get(a.rule()));
		return ordered;
	}

	private List<Integer> years() {
		int current = conditions.currentYear();
		return List.of(current, current - 1, current - 2);
	}

	// Staff

	@GetMapping("/schools/{code}/staff")
	String staff(Actor actor, @PathVariable String code, Model model) {
		Organisation school = conditions.school(actor, code);
		model.addAttribute("school", school);
		model.addAttribute("staff", conditions.staff(actor, code));
		model.addAttribute("canEdit", conditions.canEdit(actor, school));
		model.addAttribute("today", java.time.LocalDate.now());
		return "conditions/staff";
	}

	@GetMapping("/schools/{code}/staff/new")
	String staffForm(Actor actor, @PathVariable String code, Model model) {
		Organisation school = editable(actor, code);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("fte", "1.0");
		values.add("startedOn", java.time.LocalDate.now().toString());
		return render(model, staffPage(school, values), FormErrors.NONE);
	}

	@PostMapping("/schools/{code}/staff")
	String addStaff(Actor actor, @PathVariable String code, @RequestParam MultiValueMap<String, String> submitted,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Organisation school = editable(actor, code);
		FormValues values = new FormValues(submitted);
		try {
			StaffDraft draft = new StaffDraft(values.text("fullName"), values.text("iin"),
					values.code(PositionType.class, "position"), values.decimal("fte"), values.text("qualification"),
					values.date("startedOn"), values.date("endedOn"));
			values.throwIfAny();
			conditions.addStaff(actor, code, draft);
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/schools/" + code + "/staff";
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, staffPage(school, submitted), FormErrors.of(invalid, messages, locale));
		}
	}

	private static PageForm staffPage(Organisation school, MultiValueMap<String, String> values) {
		return new PageForm("staff.new", "nav.conditions", "/schools/" + school.code() + "/conditions", school.code(),
				"/schools/" + school.code() + "/staff", "/schools/" + school.code() + "/staff", "action.save",
				"/schools/" + school.code() + "/staff",
				List.of(FormField.text("fullName", true), FormField.text("iin", false),
						FormField.select("position", true, FormField.codes(PositionType.class)),
						FormField.number("fte", true).hint("staff.fte.hint"), FormField.text("qualification", false),
						FormField.date("startedOn", true), FormField.date("endedOn", false)),
				values);
	}

	@GetMapping("/schools/{code}/staff/{id}/trainings/new")
	String trainingForm(Actor actor, @PathVariable String code, @PathVariable long id, Model model) {
		Organisation school = editable(actor, code);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("inclusive", "true");
		return render(model, trainingPage(school, id, values), FormErrors.NONE);
	}

	@PostMapping("/schools/{code}/staff/{id}/trainings")
	String addTraining(Actor actor, @PathVariable String code, @PathVariable long id,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Organisation school = editable(actor, code);
		FormValues values = new FormValues(submitted);
		try {
			TrainingDraft draft = new TrainingDraft(values.text("course"), values.text("provider"),
					values.integer("hours"), values.date("completedOn"), values.bool("inclusive"));
			values.throwIfAny();
			conditions.addTraining(actor, id, draft);
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/schools/" + code + "/staff";
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, trainingPage(school, id, submitted), FormErrors.of(invalid, messages, locale));
		}
	}

	private static PageForm trainingPage(Organisation school, long staffId, MultiValueMap<String, String> values) {
		String base = "/schools/" + school.code() + "/staff";
		return new PageForm("training.new", "nav.conditions", "/schools/" + school.code() + "/conditions",
				school.code(), base, base + "/" + staffId + "/trainings", "action.save", base, List
					.of(FormField.text("course", true), FormField.text("provider", true),
							FormField.number("hours", true), FormField.date("completedOn", true),
							FormField
								.radios("inclusive", true,
										List.of(new FormField.Option("true", "training.inclusive.yes", null),
												new FormField.Option("false", "training.inclusive.no", null)))),
				values);
	}

	private Organisation editable(Actor actor, String code) {
		Organisation school = conditions.school(actor, code);
		if (!conditions.canEdit(actor, school)) {
			throw new NotPermittedException("record staff");
		}
		return school;
	}

	// A unit

	@GetMapping("/units/{code}/conditions")
	String unit(Actor actor, @PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "KZ_DEFAULT") String set, @RequestParam(defaultValue = "false") boolean gaps,
			Model model) {
		int schoolYear = year == null ? conditions.currentYear() : year;
		OrgUnit unit = units.get(code);
		List<SchoolEvaluation> all = conditions.evaluateWithin(actor, code, schoolYear, set);
		model.addAttribute("unit", unit);
		model.addAttribute("unitLineage", units.lineage(code));
		model.addAttribute("year", schoolYear);
		model.addAttribute("years", years());
		model.addAttribute("set", conditions.criteriaSet(set));
		model.addAttribute("sets", conditions.criteriaSets());
		model.addAttribute("gaps", gaps);
		model.addAttribute("staffingReadable", actor.role() != Role.RESEARCHER);
		model.addAttribute("summary", Summary.of(all));
		// Above a district the schools are too many to list: the page drills down through
		// the
		// units below instead, each with its own counts.
		List<OrgUnit> children = units.children(code).stream().filter(u -> !u.isClosed()).toList();
		Map<OrgUnit, Summary> byChild = new LinkedHashMap<>();
		for (OrgUnit child : children) {
			List<SchoolEvaluation> inside = all.stream()
				.filter(row -> row.school().path().startsWith(child.path()))
				.toList();
			if (!inside.isEmpty()) {
				byChild.put(child, Summary.of(inside));
			}
		}
		model.addAttribute("children", byChild);
		List<SchoolEvaluation> direct = children.isEmpty() ? all
				: all.stream()
					.filter(row -> children.stream().noneMatch(c -> row.school().path().startsWith(c.path())))
					.toList();
		model.addAttribute("rows", gaps ? direct.stream().filter(SchoolEvaluation::disagrees).toList() : direct);
		return "conditions/unit";
	}

	/**
	 * Counts above a unit's list: schools, reporting conditions created, meeting the set,
	 * both.
	 */
	record Summary(long schools, long reported, long measured, long disagree) {

		static Summary of(List<SchoolEvaluation> rows) {
			return new Summary(rows.size(),
					rows.stream().filter(r -> Boolean.TRUE.equals(r.evaluation().reported())).count(),
					rows.stream().filter(r -> r.evaluation().measured()).count(),
					rows.stream().filter(SchoolEvaluation::disagrees).count());
		}

		public long percent(long part) {
			return schools == 0 ? 0 : Math.round(100.0 * part / schools);
		}

	}

	@GetMapping("/units/{code}/staffing")
	String staffing(Actor actor, @PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
		int schoolYear = year == null ? conditions.currentYear() : year;
		model.addAttribute("unit", units.get(code));
		model.addAttribute("unitLineage", units.lineage(code));
		model.addAttribute("year", schoolYear);
		model.addAttribute("years", years());
		model.addAttribute("gap", conditions.staffing(actor, code, schoolYear));
		return "conditions/staffing";
	}

	// Administration

	@GetMapping("/admin/criteria")
	String criteria(Actor actor, Model model) {
		requireAdmin(actor);
		return criteriaPage(model, Map.of(), FormErrors.NONE, null);
	}

	@PostMapping("/admin/criteria/{code}")
	String publish(Actor actor, @PathVariable String code, @RequestParam(required = false) String rules, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		requireAdmin(actor);
		try {
			conditions.publish(actor, code, rules == null ? "" : rules);
			redirect.addFlashAttribute("notice", "criteria.published");
			return "redirect:/admin/criteria#set-" + code;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return criteriaPage(model, Map.of(code, rules == null ? "" : rules),
					FormErrors.of(invalid, messages, locale), code);
		}
	}

	private String criteriaPage(Model model, Map<String, String> typed, FormErrors errors, String failedSet) {
		model.addAttribute("sets", conditions.criteriaSets());
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("failedSet", failedSet);
		model.addAttribute("fields", new java.util.TreeSet<>(SchoolFacts.FIELDS));
		model.addAttribute("items", ConditionItem.values());
		return "conditions/criteria";
	}

	@GetMapping("/admin/staffing-norms")
	String normsForm(Actor actor, Model model) {
		requireAdmin(actor);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		for (StaffingNorm norm : conditions.norms()) {
			values.add("normHours." + norm.position().name(), norm.weeklyHoursPerFte().toPlainString());
			values.add("normCost." + norm.position().name(), norm.yearlyCostPerFte().toPlainString());
		}
		return render(model, normsPage(values), FormErrors.NONE);
	}

	@PostMapping("/admin/staffing-norms")
	String saveNorms(Actor actor, @RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireAdmin(actor);
		FormValues values = new FormValues(submitted);
		try {
			Map<PositionType, BigDecimal[]> figures = new EnumMap<>(PositionType.class);
			for (StaffingNorm norm : conditions.norms()) {
				String p = norm.position().name();
				figures.put(norm.position(),
						new BigDecimal[] { values.decimal("normHours." + p), values.decimal("normCost." + p) });
			}
			values.throwIfAny();
			conditions.updateNorms(actor, figures);
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/admin/staffing-norms";
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, normsPage(submitted), FormErrors.of(invalid, messages, locale));
		}
	}

	private PageForm normsPage(MultiValueMap<String, String> values) {
		List<FormField> fields = new ArrayList<>();
		for (StaffingNorm norm : conditions.norms()) {
			String p = norm.position().name();
			fields.add(FormField.number("normHours." + p, true));
			fields.add(FormField.number("normCost." + p, true));
		}
		return new PageForm("norms.title", "nav.conditions", "/conditions", null, null, "/admin/staffing-norms",
				"action.save", "/conditions", fields, values);
	}

	private static void requireAdmin(Actor actor) {
		if (actor.role() != Role.ADMIN) {
			throw new NotPermittedException("administer criteria");
		}
	}

	private String render(Model model, PageForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("messages", messages);
		return "form";
	}

}
