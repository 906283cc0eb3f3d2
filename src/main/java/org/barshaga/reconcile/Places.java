package org.barshaga.reconcile;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.barshaga.kernel.DataScope;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.Organisations;

import org.springframework.context.MessageSource;

/**
 * The names of units and organisations in the page's language, each looked up once per
 * page.
 */
final class Places {

	/** A unit or an organisation: its name, its part of the country, its level. */
	record Place(String name, DataScope scope, int depth, boolean organisation) {
	}

	private final AdminUnits units;

	private final Organisations organisations;

	private final MessageSource messages;

	private final Locale locale;

	private final Map<String, Optional<Place>> byCode = new HashMap<>();

	Places(AdminUnits units, Organisations organisations, MessageSource messages, Locale locale) {
		this.units = units;
		this.organisations = organisations;
		this.messages = messages;
		this.locale = locale;
	}

	Optional<Place> find(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return byCode.computeIfAbsent(code,
				c -> units.find(c)
					.map(unit -> new Place(unit.name().in(locale), unit.scope(), unit.depth(), false))
					.or(() -> organisations.findByCode(c)
						.map(o -> new Place(o.name().in(locale), new DataScope(o.path()), -1, true))));
	}

	String name(String code) {
		return find(code).map(Place::name).orElse(code);
	}

	String ofPath(String path) {
		return name(innermost(path));
	}

	/**
	 * Where a health record says the child lives: the district, or the region with a note
	 * when the registry gave no district.
	 */
	String residence(String path) {
		Optional<Place> place = find(innermost(path));
		if (place.isEmpty()) {
			return innermost(path);
		}
		return place.get().depth() >= 0 && place.get().depth() < 2
				? text("reconcile.residence.regionOnly", place.get().name()) : place.get().name();
	}

	/** The district of a school, from the school's path. */
	String schoolPlace(String path) {
		if (path == null) {
			return "—";
		}
		String[] parts = path.split("/");
		return parts.length > 3 ? name(parts[3]) : ofPath(path);
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	static String innermost(String path) {
		if (path == null || path.length() < 2) {
			return "";
		}
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		return trimmed.substring(trimmed.lastIndexOf('/') + 1);
	}

}
