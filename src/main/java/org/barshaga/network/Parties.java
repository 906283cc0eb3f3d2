package org.barshaga.network;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.OrganisationSearch;
import org.barshaga.registry.OrganisationStatus;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Organisations;

import org.springframework.stereotype.Component;

/**
 * Who stands on which side of a request: the places that may ask, the organisations that
 * answer, and whether a user acts for one of them. A user acts for an organisation when
 * bound to it (their scope is the organisation's path) in a role that works there; a
 * district or region officer sees the requests of their area but acts for no side.
 */
@Component
class Parties {

	/** The organisations a school may ask for help. */
	static final Set<OrganisationType> CENTRE_TYPES = EnumSet.of(OrganisationType.RESOURCE_CENTRE,
			OrganisationType.KPPK, OrganisationType.PMPC, OrganisationType.SPECIAL_SCHOOL);

	/** Roles that work for an organisation that answers requests. */
	static final Set<Role> CENTRE_ROLES = EnumSet.of(Role.SPECIALIST, Role.PMPC_SPECIALIST, Role.SCHOOL_COORDINATOR);

	/** Roles that ask for help, and confirm the answer, for their place. */
	static final Set<Role> REQUESTER_ROLES = EnumSet.of(Role.SCHOOL_COORDINATOR, Role.PMPC_SPECIALIST);

	private final Organisations organisations;

	Parties(Organisations organisations) {
		this.organisations = organisations;
	}

	/**
	 * The organisation the actor asks for: a school or kindergarten for its coordinator,
	 * a PMPC for its specialist.
	 */
	Optional<Organisation> requesterOf(Actor actor) {
		if (!REQUESTER_ROLES.contains(actor.role())) {
			return Optional.empty();
		}
		return organisations.ofScope(actor.scope())
			.filter(place -> place.status() == OrganisationStatus.OPEN)
			.filter(place -> actor.is(Role.PMPC_SPECIALIST) ? place.type() == OrganisationType.PMPC
					: place.type().teachesChildren());
	}

	/**
	 * The open organisations of the requester's region that it may ask, by type and name.
	 */
	List<Organisation> centresFor(Organisation requester) {
		String region = regionCode(requester.path());
		return CENTRE_TYPES.stream()
			.flatMap(type -> organisations
				.search(new OrganisationSearch(null, type, region, OrganisationStatus.OPEN, 0,
						OrganisationSearch.MAX_PAGE_SIZE))
				.items()
				.stream())
			.filter(centre -> centre.id() != requester.id())
			.sorted(Comparator.comparing((Organisation o) -> o.type().ordinal()).thenComparing(Organisation::code))
			.toList();
	}

	/**
	 * Whether the centre may be asked by the requester: open, of a centre's type, same
	 * region.
	 */
	static boolean mayBeAsked(Organisation centre, Organisation requester) {
		return CENTRE_TYPES.contains(centre.type()) && centre.status() == OrganisationStatus.OPEN
				&& centre.id() != requester.id() && regionCode(centre.path()).equals(regionCode(requester.path()));
	}

	Optional<Organisation> centre(String code) {
		return code == null || code.isBlank() ? Optional.empty() : organisations.findByCode(code.strip());
	}

	/** Whether the actor acts for this side of the request. */
	static boolean actsFor(Actor actor, SupportRequest request, Transition.Side side) {
		Set<Role> roles = side == Transition.Side.CENTRE ? CENTRE_ROLES : REQUESTER_ROLES;
		String path = side == Transition.Side.CENTRE ? request.centre().path() : request.requester().path();
		return roles.contains(actor.role()) && new DataScope(path).contains(actor.scope());
	}

	static boolean isParty(Actor actor, SupportRequest request) {
		return Stream.of(Transition.Side.values()).anyMatch(side -> actsFor(actor, request, side));
	}

	/** The code of the region (the second segment of a path, such as KZ-61). */
	static String regionCode(String path) {
		String[] parts = path.split("/");
		return parts.length > 2 ? parts[2] : "";
	}

}
