package org.barshaga.registry;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class OrgUnitPages {

	private final AdminUnits units;

	private final Organisations organisations;

	OrgUnitPages(AdminUnits units, Organisations organisations) {
		this.units = units;
		this.organisations = organisations;
	}

	@GetMapping("/units")
	String country() {
		return "redirect:/units/KZ";
	}

	@GetMapping("/units/{code}")
	String unit(@PathVariable String code, Model model) {
		OrgUnit unit = units.get(code);
		List<OrgUnit> children = units.children(code);
		Map<OrganisationType, Long> counts = organisations.openCountsByType(unit.scope());
		model.addAttribute("unit", unit);
		model.addAttribute("lineage", units.lineage(code));
		model.addAttribute("children", children);
		model.addAttribute("counts", counts);
		model.addAttribute("types", OrganisationType.values());
		model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("nameHistory", units.nameHistory(code));
		return "registry/unit";
	}

}
