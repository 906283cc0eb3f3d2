package org.barshaga.identity;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What administrators decide about second factors: which roles must have one, and
 * clearing a user's factor when a phone is lost.
 */
@Controller
class TwoFactorAdminPages {

	private final TwoFactorRequirement requirement;

	private final SecondFactors factors;

	private final Users users;

	TwoFactorAdminPages(TwoFactorRequirement requirement, SecondFactors factors, Users users) {
		this.requirement = requirement;
		this.factors = factors;
		this.users = users;
	}

	@GetMapping("/admin/two-factor")
	String roles(Actor actor, Model model) {
		requireAdmin(actor);
		model.addAttribute("choices", requirement.choices());
		model.addAttribute("defaults",
				Arrays.stream(Role.values()).filter(TwoFactorRequirement::requiredByDefault).toList());
		model.addAttribute("enforced", requirement.enforced());
		return "identity/two-factor-roles";
	}

	@PostMapping("/admin/two-factor")
	String choose(Actor actor, @RequestParam(required = false) List<String> required, RedirectAttributes redirect) {
		requireAdmin(actor);
		Map<Role, Boolean> chosen = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			chosen.put(role, required != null && required.contains(role.name()));
		}
		requirement.choose(actor, chosen);
		redirect.addFlashAttribute("notice", "notice.saved");
		return "redirect:/admin/two-factor";
	}

	@PostMapping("/users/{id}/two-factor/reset")
	String reset(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		factors.reset(actor, users.get(actor, id));
		redirect.addFlashAttribute("notice", "notice.twoFactorReset");
		return "redirect:/users/" + id;
	}

	private static void requireAdmin(Actor actor) {
		if (!actor.is(Role.ADMIN)) {
			throw new NotPermittedException("choose the second-factor requirement");
		}
	}

}
