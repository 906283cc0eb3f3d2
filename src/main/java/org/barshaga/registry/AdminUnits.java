package org.barshaga.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the administrative hierarchy, which every signed-in user may see. */
@Service
@Transactional(readOnly = true)
public class AdminUnits {

	private final OrgUnitRepository units;

	AdminUnits(OrgUnitRepository units) {
		this.units = units;
	}

	public OrgUnit get(String code) {
		return find(code).orElseThrow(() -> new NotFoundException("org-unit", code));
	}

	public Optional<OrgUnit> find(String code) {
		return code == null ? Optional.empty() : units.find(code);
	}

	/**
	 * The open unit whose subtree a scope is, found by its whole path; none when the
	 * scope is an organisation's. A scope is never read by the last segment of its path.
	 */
	public Optional<OrgUnit> ofScope(DataScope scope) {
		return units.findOpenByPath(scope.pathPrefix());
	}

	public List<OrgUnit> children(String code) {
		get(code);
		return units.children(code);
	}

	/** Every unit inside a scope, including the scope's own unit, in path order. */
	public List<OrgUnit> within(DataScope scope) {
		return units.within(scope);
	}

	/** The unit and its ancestors, from the country down, for breadcrumbs. */
	public List<OrgUnit> lineage(String code) {
		List<OrgUnit> lineage = new ArrayList<>();
		Optional<OrgUnit> current = find(code);
		while (current.isPresent()) {
			lineage.add(0, current.get());
			current = find(current.get().parentCode());
		}
		return lineage;
	}

	List<OrgUnitRepository.NameHistory> nameHistory(String code) {
		return units.nameHistory(code);
	}

}
