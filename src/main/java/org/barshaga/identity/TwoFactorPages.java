package org.barshaga.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The second step of sign-in (a code from the app or a recovery code) and the signed-in
 * user's own enrolment: the secret and its otpauth URI until a first code confirms them,
 * then the recovery codes once; turning the factor off (to enrol anew) takes a current
 * code. Passkeys are added (through Spring Security's WebAuthn endpoints, from the page's
 * script) and removed on the same page.
 */
@Controller
class TwoFactorPages {

	private final SecondFactors factors;

	private final TwoFactorRequirement requirement;

	private final MessageSource messages;

	private final Passkeys passkeys;

	private final PasskeyConfiguration.PasskeySettings passkeySettings;

	private final Clock clock;

	private final RequestCache requests = new HttpSessionRequestCache();

	TwoFactorPages(SecondFactors factors, TwoFactorRequirement requirement, MessageSource messages, Passkeys passkeys,
			PasskeyConfiguration.PasskeySettings passkeySettings, Clock clock) {
		this.factors = factors;
		this.passkeys = passkeys;
		this.passkeySettings = passkeySettings;
		this.requirement = requirement;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(TwoFactorGate.CODE_PAGE)
	String codePage(Actor actor, HttpServletRequest request, Model model) {
		if (factors.gate(actor, TwoFactorGate.givenAt(request) != null) != SecondFactors.Gate.VERIFY) {
			return "redirect:/";
		}
		model.addAttribute("errors", FormErrors.NONE);
		return codePage(actor, model);
	}

	private String codePage(Actor actor, Model model) {
		model.addAttribute("hasCode", factors.enrolled(actor.userId()));
		model.addAttribute("hasPasskey", passkeySettings.enabled() && passkeys.any(actor.username()));
		return "identity/two-factor-code";
	}

	@PostMapping(TwoFactorGate.CODE_PAGE)
	String giveCode(Actor actor, @RequestParam(required = false) String code, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		if (factors.gate(actor, TwoFactorGate.givenAt(request) != null) != SecondFactors.Gate.VERIFY) {
			return "redirect:/";
		}
		SecondFactors.Outcome outcome = factors.verify(actor, code, request.getRemoteAddr());
		if (outcome == SecondFactors.Outcome.ACCEPTED) {
			request.changeSessionId();
			TwoFactorGate.given(request, Instant.now(clock));
			SavedRequest saved = requests.getRequest(request, response);
			requests.removeRequest(request, response);
			return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
		}
		response.setStatus(outcome == SecondFactors.Outcome.THROTTLED ? HttpStatus.TOO_MANY_REQUESTS.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("errors",
				FormErrors.message("code",
						outcome == SecondFactors.Outcome.THROTTLED ? "login.error.throttled" : "twoFactor.error.code",
						messages, locale));
		return codePage(actor, model);
	}

	@GetMapping(TwoFactorGate.ENROL_PAGE)
	String enrolPage(Actor actor, Model model) {
		return page(actor, FormErrors.NONE, model);
	}

	@PostMapping(TwoFactorGate.ENROL_PAGE + "/confirm")
	String confirm(Actor actor, @RequestParam(required = false) String code, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			List<String> recoveryCodes = factors.confirm(actor, code);
			TwoFactorGate.given(request, Instant.now(clock));
			redirect.addFlashAttribute("recoveryCodes", recoveryCodes);
			return "redirect:" + TwoFactorGate.ENROL_PAGE;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(actor, FormErrors.of(invalid, messages, locale), model);
		}
	}

	@PostMapping(TwoFactorGate.ENROL_PAGE + "/disable")
	String disable(Actor actor, @RequestParam(required = false) String code, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			factors.disable(actor, code, request.getRemoteAddr());
			redirect.addFlashAttribute("notice", "notice.twoFactorOff");
			return "redirect:" + TwoFactorGate.ENROL_PAGE;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(actor, FormErrors.of(invalid, messages, locale), model);
		}
	}

	@PostMapping(TwoFactorGate.ENROL_PAGE + "/passkeys/remove")
	String removePasskey(Actor actor, @RequestParam(required = false) String passkey, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			passkeys.remove(actor, passkey);
			redirect.addFlashAttribute("notice", "notice.passkeyRemoved");
			return "redirect:" + TwoFactorGate.ENROL_PAGE;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(actor, FormErrors.of(invalid, messages, locale), model);
		}
	}

	private String page(Actor actor, FormErrors errors, Model model) {
		boolean enrolled = factors.enrolled(actor.userId());
		model.addAttribute("passkeysEnabled", passkeySettings.enabled());
		model.addAttribute("passkeys", passkeys.of(actor.username()));
		model.addAttribute("hasFactor", enrolled || passkeys.any(actor.username()));
		model.addAttribute("enrolled", enrolled);
		model.addAttribute("required", requirement.requires(actor.role()));
		model.addAttribute("errors", errors);
		if (enrolled) {
			model.addAttribute("codesLeft", factors.recoveryCodesLeft(actor.userId()));
		}
		else {
			SecondFactors.Pending pending = factors.pending(actor).orElseThrow();
			model.addAttribute("secret", Totp.grouped(pending.secret()));
			model.addAttribute("uri", pending.uri());
		}
		return "identity/two-factor";
	}

}
