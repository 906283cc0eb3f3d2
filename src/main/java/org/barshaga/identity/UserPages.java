package org.barshaga.identity;

import java.util.Arrays;
import java.util.Locale;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

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
class UserPages {

	private final Users users;

	private final MessageSource messages;

	private final SecondFactors factors;

	UserPages(Users users, MessageSource messages, SecondFactors factors) {
		this.factors = factors;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/users")
	String list(Actor actor, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("q", q);
		model.addAttribute("results", users.list(actor, q, page));
		model.addAttribute("canCreate", users.canCreate(actor));
		return "identity/users";
	}

	@GetMapping("/users/new")
	String createForm(Actor actor, Model model) {
		if (!users.canCreate(actor)) {
			throw new NotPermittedException("manage users");
		}
		return form(actor, UserInput.blank(), null, FormErrors.NONE, model);
	}

	@PostMapping("/users")
	String create(Actor actor, @ModelAttribute UserInput input, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			UserAccount created = users.create(actor, input.toDraft());
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/users/" + created.id();
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(actor, input, null, FormErrors.of(invalid, messages, locale), model);
		}
	}

	@GetMapping("/users/{id}")
	String view(Actor actor, @PathVariable long id, Model model) {
		UserAccount account = users.get(actor, id);
		if (!users.canManage(actor, account)) {
			model.addAttribute("account", account);
			return "identity/user";
		}
		return form(actor, UserInput.of(account), account, FormErrors.NONE, model);
	}

	@PostMapping("/users/{id}")
	String update(Actor actor, @PathVariable long id, @ModelAttribute UserInput input, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		UserAccount account = users.get(actor, id);
		try {
			users.update(actor, id, input.toDraft());
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/users/" + id;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(actor, input, account, FormErrors.of(invalid, messages, locale), model);
		}
		catch (EditConflictException conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return form(actor, input, account, FormErrors.message("version", "validation.conflict", messages, locale),
					model);
		}
	}

	private String form(Actor actor, UserInput input, UserAccount existing, FormErrors errors, Model model) {
		model.addAttribute("input", input);
		model.addAttribute("existing", existing);
		model.addAttribute("twoFactor", existing != null && factors.hasFactor(existing.id(), existing.username()));
		model.addAttribute("errors", errors);
		model.addAttribute("roles",
				Arrays.stream(Role.values())
					.filter(role -> actor.is(Role.ADMIN) || actor.role().outranks(role))
					.toList());
		model.addAttribute("minPassword", Users.MIN_PASSWORD_LENGTH);
		return "identity/user-form";
	}

}
