package org.barshaga.identity;

import java.util.Locale;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The signed-in user's own account: password and personal access tokens. An account with
 * a second factor creates a token only with a code given within
 * {@link SecondFactors#RECENT}.
 */
@Controller
class AccountPages {

	private final Users users;

	private final AccessTokens tokens;

	private final MessageSource messages;

	private final AccountDetailsService accounts;

	private final SecondFactors factors;

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	AccountPages(Users users, AccessTokens tokens, MessageSource messages, AccountDetailsService accounts,
			SecondFactors factors) {
		this.accounts = accounts;
		this.factors = factors;
		this.users = users;
		this.tokens = tokens;
		this.messages = messages;
	}

	@GetMapping("/account")
	String account(Actor actor, Model model) {
		return page(actor, FormErrors.NONE, FormErrors.NONE, model);
	}

	@PostMapping("/account/password")
	String changePassword(Actor actor, @RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			users.changeOwnPassword(actor, currentPassword, newPassword);
			keepThisSession(actor, request, response);
			redirect.addFlashAttribute("notice", "notice.passwordChanged");
			return "redirect:/account";
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(actor, FormErrors.of(invalid, messages, locale), FormErrors.NONE, model);
		}
	}

	@PostMapping("/account/tokens")
	String createToken(Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer days, @RequestParam(required = false) String code, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			factors.requireRecent(actor, TwoFactorGate.givenAt(request), code, request.getRemoteAddr())
				.ifPresent(givenAt -> TwoFactorGate.given(request, givenAt));
			AccessTokens.Created created = tokens.create(actor, name, days);
			redirect.addFlashAttribute("newToken", created.secret());
			return "redirect:/account";
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(actor, FormErrors.NONE, FormErrors.of(invalid, messages, locale), model);
		}
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(actor, id);
		redirect.addFlashAttribute("notice", "notice.tokenRevoked");
		return "redirect:/account";
	}

	/**
	 * The password change ends every session of the account; this one, which proved the
	 * current password, goes on under a new id with the new credentials.
	 */
	private void keepThisSession(Actor actor, HttpServletRequest request, HttpServletResponse response) {
		AccountPrincipal current = accounts.reload(actor.userId()).orElseThrow();
		current.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		sessions.saveContext(context, request, response);
	}

	private String page(Actor actor, FormErrors passwordErrors, FormErrors tokenErrors, Model model) {
		model.addAttribute("tokens", tokens.mine(actor));
		model.addAttribute("placeCode", placeCode(actor));
		model.addAttribute("passwordErrors", passwordErrors);
		model.addAttribute("tokenErrors", tokenErrors);
		model.addAttribute("twoFactor", factors.enrolled(actor.userId()));
		model.addAttribute("minPassword", Users.MIN_PASSWORD_LENGTH);
		return "identity/account";
	}

	/**
	 * The code shown for the account's place: the last segment of its path, for display
	 * only; a code never holds a slash, and nothing is looked up by it.
	 */
	private static String placeCode(Actor actor) {
		String path = actor.scope().pathPrefix();
		String trimmed = path.substring(0, path.length() - 1);
		return trimmed.substring(trimmed.lastIndexOf('/') + 1);
	}

}
