package org.barshaga.learner;

import org.barshaga.kernel.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Transfer requests in the pages: those for records the user's place holds, to accept or
 * refuse, and those made for the user's place, with their answer.
 */
@Controller
class TransferPages {

	private final Transfers transfers;

	TransferPages(Transfers transfers) {
		this.transfers = transfers;
	}

	@GetMapping("/learners/transfers")
	String list(Actor actor, Model model) {
		model.addAttribute("held", transfers.held(actor));
		model.addAttribute("requested", transfers.requested(actor));
		return "learner/transfers";
	}

	@PostMapping("/learners/transfers/{id}/accept")
	String accept(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		transfers.accept(actor, id);
		redirect.addFlashAttribute("notice", "transfers.accepted");
		return "redirect:/learners/transfers";
	}

	@PostMapping("/learners/transfers/{id}/refuse")
	String refuse(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		transfers.refuse(actor, id);
		redirect.addFlashAttribute("notice", "transfers.refused");
		return "redirect:/learners/transfers";
	}

}
