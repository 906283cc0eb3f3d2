package org.barshaga.registry;

import java.util.List;
import java.util.Locale;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.EnumInput;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

@Controller
class OrganisationPages {

	private final Organisations organisations;

	private final AdminUnits units;

	private final MessageSource messages;

	OrganisationPages(Organisations organisations, AdminUnits units, MessageSource messages) {
		this.organisations = organisations;
		this.units = units;
		this.messages = messages;
	}

	@GetMapping("/organisations")
	String list(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String type,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		InvalidInputException.Collector ignored = new InvalidInputException.Collector();
		String unitCode = unit != null ? units.find(unit).map(OrgUnit::code).orElse("KZ") : defaultUnit(actor);
		OrganisationSearch search = new OrganisationSearch(q,
				EnumInput.parse(OrganisationType.class, type, "type", ignored), unitCode,
				EnumInput.parse(OrganisationStatus.class, status, "status", ignored), page,
				OrganisationSearch.DEFAULT_PAGE_SIZE);
		model.addAttribute("search", search);
		model.addAttribute("results", organisations.search(search));
		model.addAttribute("unit", units.get(unitCode));
		model.addAttribute("unitLineage", units.lineage(unitCode));
		model.addAttribute("unitChoices", UnitChoice.all(units.within(DataScope.NATION)));
		model.addAttribute("types", OrganisationType.values());
		model.addAttribute("statuses", OrganisationStatus.values());
		model.addAttribute("canCreate", organisations.canCreate(actor));
		return "registry/organisations";
	}

	@GetMapping("/organisations/{id}")
	String view(Actor actor, @PathVariable long id, Model model) {
		Organisation organisation = organisations.get(id);
		model.addAttribute("organisation", organisation);
		model.addAttribute("unitLineage", units.lineage(organisation.orgUnitCode()));
		model.addAttribute("canEdit", organisations.canEdit(actor, organisation));
		return "registry/organisation";
	}

	@GetMapping("/organisations/new")
	String createForm(Actor actor, @RequestParam(required = false) String unit, Model model) {
		if (!organisations.canCreate(actor)) {
			throw new NotPermittedException("create organisations");
		}
		return form(actor, OrganisationInput.blank(unit), null, FormErrors.NONE, model);
	}

	@PostMapping("/organisations")
	String create(Actor actor, @ModelAttribute OrganisationInput input, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Organisation created = organisations.create(actor, input.toDraft());
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/organisations/" + created.id();
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(actor, input, null, FormErrors.of(invalid, messages, locale), model);
		}
	}

	@GetMapping("/organisations/{id}/edit")
	String editForm(Actor actor, @PathVariable long id, Model model) {
		Organisation organisation = organisations.getForEditing(actor, id);
		return form(actor, OrganisationInput.of(organisation), organisation, FormErrors.NONE, model);
	}

	@PostMapping("/organisations/{id}")
	String update(Actor actor, @PathVariable long id, @ModelAttribute OrganisationInput input, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Organisation current = organisations.getForEditing(actor, id);
		try {
			organisations.update(actor, id, input.toDraft());
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/organisations/" + id;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(actor, input, current, FormErrors.of(invalid, messages, locale), model);
		}
		catch (EditConflictException conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return form(actor, input, current, FormErrors.message("version", "validation.conflict", messages, locale),
					model);
		}
	}

	private String form(Actor actor, OrganisationInput input, Organisation existing, FormErrors errors, Model model) {
		model.addAttribute("input", input);
		model.addAttribute("existing", existing);
		model.addAttribute("errors", errors);
		model.addAttribute("unitChoices",
				UnitChoice.all(units.within(actor.scope())
					.stream()
					.filter(u -> !u.isClosed() && u.kind() != OrgUnitKind.COUNTRY)
					.toList()));
		model.addAttribute("types", OrganisationType.values());
		model.addAttribute("settlements", Settlement.values());
		model.addAttribute("ownerships", Ownership.values());
		model.addAttribute("statuses", OrganisationStatus.values());
		model.addAttribute("languages", InstructionLanguage.values());
		return "registry/organisation-form";
	}

	/**
	 * Where a user's search starts: their own unit, or the unit of their own
	 * organisation.
	 */
	private String defaultUnit(Actor actor) {
		return units.ofScope(actor.scope())
			.map(OrgUnit::code)
			.or(() -> organisations.ofScope(actor.scope()).map(Organisation::orgUnitCode))
			.orElse("KZ");
	}

	/** A unit as an option of a select list, indented by its depth under the country. */
	record UnitChoice(String code, OrgUnit unit, int depth) {

		static List<UnitChoice> all(List<OrgUnit> units) {
			return units.stream().map(u -> new UnitChoice(u.code(), u, u.depth())).toList();
		}

		public String label(Locale locale) {
			return "\u2003".repeat(Math.max(0, depth - 1)) + unit.name().in(locale);
		}

	}

}
