package org.barshaga.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginPage {

	/** A configured identity provider, as the sign-in page offers it. */
	record Provider(String id, String name) {
	}

	private final PasskeyConfiguration.PasskeySettings passkeys;

	private final List<Provider> providers = new ArrayList<>();

	LoginPage(PasskeyConfiguration.PasskeySettings passkeys,
			ObjectProvider<ClientRegistrationRepository> registrations) {
		this.passkeys = passkeys;
		if (registrations.getIfAvailable() instanceof Iterable<?> all) {
			for (Object registration : all) {
				ClientRegistration client = (ClientRegistration) registration;
				providers.add(new Provider(client.getRegistrationId(), client.getClientName()));
			}
		}
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			Model model) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		if (error != null) {
			model.addAttribute("error", switch (error) {
				case "busy" -> "login.error.busy";
				case "throttled" -> "login.error.throttled";
				case "passkey" -> "passkey.error.signIn";
				case "provider" -> "provider.error.refused";
				case "provider-account" -> "provider.error.account";
				default -> "login.error.credentials";
			});
		}
		model.addAttribute("loggedOut", logout != null);
		model.addAttribute("passkeysEnabled", passkeys.enabled());
		model.addAttribute("providers", providers);
		return "identity/login";
	}

}
