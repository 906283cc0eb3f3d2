package org.barshaga.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.ActorPrincipal;
import org.barshaga.kernel.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the layout of every page needs: the signed-in user, the navigation, the language
 * links.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	record LanguageLink(String code, String href, boolean current) {
	}

	record NavItem(String href, String messageKey, String section) {
	}

	@ModelAttribute("currentActor")
	Actor currentActor() {
		return signedIn();
	}

	/**
	 * Links to other pages of the same list, keeping the filters of the current request.
	 */
	record PageLinks(String path, String query) {

		public String to(int page) {
			return UriComponentsBuilder.fromPath(path)
				.query(query)
				.replaceQueryParam("page", page)
				.replaceQueryParam("lang")
				.build()
				.toUriString();
		}

	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getServletPath();
	}

	@ModelAttribute("pageLinks")
	PageLinks pageLinks(HttpServletRequest request) {
		return new PageLinks(request.getRequestURI(), request.getQueryString());
	}

	@ModelAttribute("languageLinks")
	List<LanguageLink> languageLinks(HttpServletRequest request, Locale locale) {
		List<LanguageLink> links = new ArrayList<>();
		boolean get = "GET".equals(request.getMethod());
		for (Locale language : Languages.SUPPORTED) {
			ServletUriComponentsBuilder builder = ServletUriComponentsBuilder.fromRequest(request);
			if (!get) {
				builder.replaceQuery(null);
			}
			String href = builder.replaceQueryParam("lang", language.getLanguage()).build().toUri().getRawPath();
			String query = builder.build().getQuery();
			links.add(new LanguageLink(language.getLanguage(), query == null ? href : href + "?" + query,
					language.getLanguage().equals(locale.getLanguage())));
		}
		return links;
	}

	@ModelAttribute("navigation")
	List<NavItem> navigation() {
		Actor actor = signedIn();
		List<NavItem> items = new ArrayList<>();
		if (actor == null) {
			items.add(new NavItem("/open-data", "nav.openData", "open-data"));
			return items;
		}
		items.add(new NavItem("/", "nav.home", "home"));
		items.add(new NavItem("/dashboards", "nav.dashboards", "dashboards"));
		if (actor.role() != Role.SCHOOL_COORDINATOR && actor.role() != Role.SPECIALIST) {
			items.add(new NavItem("/reports", "nav.reports", "reports"));
		}
		items.add(new NavItem("/indicators", "nav.indicators", "indicators"));
		items.add(new NavItem("/evidence", "nav.evidence", "evidence"));
		if (actor.role() == Role.ADMIN || actor.role() == Role.MINISTRY || actor.role() == Role.REGION_OFFICER
				|| actor.role() == Role.DISTRICT_OFFICER || actor.role() == Role.RESEARCHER) {
			items.add(new NavItem("/quality/instruments", "nav.quality", "quality/instruments"));
		}
		if (actor.role() != Role.PMPC_SPECIALIST && actor.role() != Role.SPECIALIST) {
			items.add(new NavItem("/quality/rounds", "nav.qualityRounds", "quality/rounds"));
		}
		if (actor.role() == Role.RESEARCHER) {
			items.add(new NavItem("/open-data", "nav.openData", "open-data"));
		}
		items.add(new NavItem("/units/KZ", "nav.units", "units"));
		items.add(new NavItem("/organisations", "nav.organisations", "organisations"));
		if (actor.role() != Role.RESEARCHER) {
			items.add(new NavItem("/learners", "nav.learners", "learners"));
		}
		if (actor.role() != Role.PMPC_SPECIALIST) {
			items.add(new NavItem("/conditions", "nav.conditions", "conditions"));
		}
		if (actor.role() != Role.RESEARCHER) {
			items.add(new NavItem("/support", "nav.support", "support"));
		}
		items.add(new NavItem("/practices", "nav.practices", "practices"));
		if (actor.role() != Role.SPECIALIST && actor.role() != Role.RESEARCHER) {
			items.add(new NavItem("/exchange", "nav.exchange", "exchange"));
		}
		if (actor.role() == Role.ADMIN || actor.role() == Role.MINISTRY || actor.role() == Role.REGION_OFFICER
				|| actor.role() == Role.DISTRICT_OFFICER) {
			items.add(new NavItem("/reconcile", "nav.reconcile", "reconcile"));
			items.add(new NavItem("/figures-of-record", "nav.figures", "figures-of-record"));
		}
		if (actor.role() == Role.ADMIN || actor.role() == Role.MINISTRY || actor.role() == Role.REGION_OFFICER
				|| actor.role() == Role.DISTRICT_OFFICER || actor.role() == Role.SCHOOL_COORDINATOR) {
			items.add(new NavItem("/validation", "nav.validation", "validation"));
			items.add(new NavItem("/reporting", "nav.reporting", "reporting"));
		}
		if (actor.role() == Role.ADMIN || actor.role() == Role.MINISTRY) {
			items.add(new NavItem("/admin/validation-rules", "nav.validationRules", "validation-rules"));
			items.add(new NavItem("/admin/reporting-periods", "nav.periods", "reporting-periods"));
		}
		if (actor.role().readsUsers()) {
			items.add(new NavItem("/users", "nav.users", "users"));
		}
		if (actor.role().readsAudit()) {
			items.add(new NavItem("/audit", "nav.audit", "audit"));
		}
		if (actor.is(Role.ADMIN)) {
			items.add(new NavItem("/admin/kato-import", "nav.kato", "kato"));
			items.add(new NavItem("/admin/criteria", "nav.criteria", "criteria"));
		}
		items.add(new NavItem("/account", "nav.account", "account"));
		return items;
	}

	/** The signed-in actor, or null on public pages (sign-in, errors before sign-in). */
	static Actor signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return null;
		}
		return authentication.getPrincipal() instanceof ActorPrincipal principal ? principal.actor() : null;
	}

}
