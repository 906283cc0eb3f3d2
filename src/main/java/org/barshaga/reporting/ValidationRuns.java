package org.barshaga.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.MeasureValues;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Organisations;
import org.springframework.stereotype.Service;

/**
 * Runs the active rules over one school or every school under a unit, on demand. The
 * schools are read from the registry in the user's scope, in SQL; their figures come from
 * the indicator engine's facts of the year, which hold only counts.
 */
@Service
public class ValidationRuns {

	/** The roles that stand behind a school's figures or check them. */
	static final Set<Role> RUNNERS = EnumSet.of(Role.ADMIN, Role.MINISTRY, Role.REGION_OFFICER, Role.DISTRICT_OFFICER,
			Role.SCHOOL_COORDINATOR);

	private final ValidationRules rules;

	private final Indicators indicators;

	private final AdminUnits units;

	private final Organisations organisations;

	private final Clock clock;

	ValidationRuns(ValidationRules rules, Indicators indicators, AdminUnits units, Organisations organisations,
			Clock clock) {
		this.rules = rules;
		this.indicators = indicators;
		this.units = units;
		this.organisations = organisations;
		this.clock = clock;
	}

	public static boolean canRun(Actor actor) {
		return RUNNERS.contains(actor.role());
	}

	/** The place the user's runs start from: their unit, else their school. */
	public Optional<String> home(Actor actor) {
		return units.ofScope(actor.scope())
			.map(OrgUnit::code)
			.or(() -> organisations.ofScope(actor.scope()).map(Organisation::code));
	}

	public int currentYear() {
		return SchoolYear.of(LocalDate.now(clock)).startYear();
	}

	/**
	 * Checks every active rule at the school, or at every open school under the unit,
	 * that the code names. A place outside the user's scope is not found, as one that
	 * does not exist.
	 */
	public ValidationRun run(Actor actor, String code, Integer year) {
		if (!canRun(actor)) {
			throw new NotPermittedException("run validation rules");
		}
		int schoolYear = year == null ? currentYear() : year;
		if (schoolYear < currentYear() - 10 || schoolYear > currentYear()) {
			throw InvalidInputException.of("year", "validation.indicator.year", schoolYear, currentYear() - 10,
					currentYear());
		}
		long start = System.nanoTime();
		String wanted = code == null ? "" : code.strip();
		String path;
		LocalizedName name;
		Optional<OrgUnit> unit = units.find(wanted);
		if (unit.isPresent()) {
			path = unit.get().path();
			name = unit.get().name();
		}
		else {
			Organisation school = organisations.findByCode(wanted)
				.filter(o -> o.type() == OrganisationType.GENERAL_SCHOOL || o.type() == OrganisationType.SPECIAL_SCHOOL)
				.orElseThrow(() -> new NotFoundException("place", wanted));
			path = school.path();
			name = school.name();
		}
		if (!actor.scope().contains(path)) {
			throw new NotFoundException("place", wanted);
		}
		List<Organisation> schools = organisations.schoolsWithin(new DataScope(path));
		List<Check> checks = rules.checks();
		MeasureValues figures = indicators.measureValues(schoolYear);
		List<ValidationRun.SchoolResult> results = new ArrayList<>();
		int[] counts = new int[Importance.values().length];
		for (Organisation school : schools) {
			Expression.Figures at = term -> figures.value(school.path(), term.measure(), term.filters());
			List<ValidationRun.Violation> violations = new ArrayList<>();
			for (Check check : checks) {
				Check.Result result = check.check(at);
				if (result.outcome() == Check.Outcome.VIOLATED) {
					violations.add(new ValidationRun.Violation(check.code(), check.version(), check.importance(),
							check.message(),
							check.left().text() + " " + check.operator().symbol() + " " + check.right().text(),
							result.left(), result.right()));
					counts[check.importance().ordinal()]++;
				}
			}
			if (!violations.isEmpty()) {
				violations.sort(Comparator.comparing(ValidationRun.Violation::importance)
					.thenComparing(ValidationRun.Violation::rule));
				results.add(new ValidationRun.SchoolResult(school.code(), school.name(), List.copyOf(violations)));
			}
		}
		return new ValidationRun(wanted, name, schoolYear, figures.census(),
				checks.stream().map(c -> new ValidationRun.RuleVersion(c.code(), c.version())).toList(), schools.size(),
				results, new ValidationRun.Counts(counts[Importance.HIGH.ordinal()],
						counts[Importance.MEDIUM.ordinal()], counts[Importance.LOW.ordinal()]),
				(System.nanoTime() - start) / 1_000_000);
	}

}
