package org.barshaga.web;

import java.util.Map;

import org.barshaga.kernel.Actor;
import org.barshaga.learner.Learners;
import org.barshaga.network.SupportRequests;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Organisations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: where the user stands in the hierarchy and what their part of the
 * country holds.
 */
@Controller
class HomePage {

	private final AdminUnits units;

	private final Organisations organisations;

	private final Learners learners;

	private final SupportRequests support;

	HomePage(AdminUnits units, Organisations organisations, Learners learners, SupportRequests support) {
		this.units = units;
		this.organisations = organisations;
		this.learners = learners;
		this.support = support;
	}

	@GetMapping("/")
	String home(Actor actor, Model model) {
		Map<OrganisationType, Long> counts = organisations.openCountsByType(actor.scope());
		model.addAttribute("scopeUnit", units.ofScope(actor.scope()).orElse(null));
		model.addAttribute("scopeOrganisation", organisations.ofScope(actor.scope()).orElse(null));
		model.addAttribute("counts", counts);
		model.addAttribute("types", OrganisationType.values());
		model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("worklists", learners.readsLearners(actor) ? learners.worklistCounts(actor) : null);
		model.addAttribute("support", support.reads(actor) ? support.counts(actor) : null);
		return "home";
	}

}
