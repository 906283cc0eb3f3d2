package org.barshaga.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The levels above the schools: a region approves a district once all its schools are
 * approved, the Ministry accepts a region once all its districts and schools are, and
 * then the period once every region is accepted, which publishes {@link PeriodAccepted}.
 */
@Service
public class UnitApprovals {

	static final String RECORD = "unitApproval";

	private final UnitApprovalRepository repository;

	private final ReportingPeriods periods;

	private final AdminUnits units;

	private final AuditLog audit;

	private final Notices notices;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UnitApprovals(UnitApprovalRepository repository, ReportingPeriods periods, AdminUnits units, AuditLog audit,
			Notices notices, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.periods = periods;
		this.units = units;
		this.audit = audit;
		this.notices = notices;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Approves a district (by its region's officers) or accepts a region (by the
	 * Ministry) for the year. What is not approved below is counted in the refusal.
	 */
	@Transactional
	public void approve(Actor actor, String unitCode, int year) {
		String wanted = unitCode == null ? "" : unitCode.strip();
		OrgUnit unit = units.find(wanted)
			.filter(u -> actor.scope().contains(u.path()))
			.orElseThrow(() -> new NotFoundException("place", wanted));
		Role decides = switch (unit.depth()) {
			case 1 -> Role.MINISTRY;
			case 2 -> Role.REGION_OFFICER;
			default -> null;
		};
		if (decides == null) {
			throw InvalidInputException.of("unit", "validation.reporting.notApprovable", wanted);
		}
		String decidingPath = decides == Role.MINISTRY ? DataScope.NATION.pathPrefix()
				: Chain.regionOf(unit.path()).orElseThrow().path();
		if (!actor.is(decides) || !actor.scope().pathPrefix().equals(decidingPath)) {
			throw InvalidInputException.of("unit", "validation.reporting.notYourLevel", wanted);
		}
		requireOpen(year);
		if (repository.approved(unit.code(), year)) {
			throw InvalidInputException.of("unit", "validation.reporting.alreadyApproved", wanted);
		}
		long schools = repository.pendingSchools(unit.scope(), year);
		long below = repository.pendingUnits(unit.code(), year);
		if (schools > 0 || below > 0) {
			throw InvalidInputException.of("unit", "validation.reporting.pending", wanted, schools, below);
		}
		try {
			repository.insert(year, unit.code(), unit.path(), actor.username(), clock.instant());
		}
		catch (DuplicateKeyException raced) {
			throw new EditConflictException(RECORD, unit.code());
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("schoolYear", year);
		fields.put("unit", unit.code());
		audit.created(actor, RECORD, year + ":" + unit.code(), unit.path(), fields);
		Role told = decides == Role.MINISTRY ? Role.REGION_OFFICER : Role.DISTRICT_OFFICER;
		notices.tell(told, unit.path(), "reporting.notice.UNIT_APPROVED", unit.code(), year, actor, null);
	}

	/**
	 * The Ministry accepts the period once every region is accepted: the figures of the
	 * year become the figures of record, and {@link PeriodAccepted} is published in the
	 * same transaction.
	 */
	@Transactional
	public ReportingPeriod accept(Actor actor, int year) {
		if (!actor.is(Role.MINISTRY)) {
			throw InvalidInputException.of("year", "validation.reporting.notYourLevel", "KZ");
		}
		requireOpen(year);
		String country = units.ofScope(DataScope.NATION).map(OrgUnit::code).orElse("KZ");
		long regions = repository.pendingUnits(country, year);
		long schools = repository.pendingSchools(DataScope.NATION, year);
		if (regions > 0 || schools > 0) {
			throw InvalidInputException.of("year", "validation.reporting.pending", country, schools, regions);
		}
		Instant now = clock.instant();
		if (!repository.acceptPeriod(year, actor.username(), now)) {
			throw new EditConflictException("reportingPeriod", year);
		}
		audit.updated(actor, "reportingPeriod", year, DataScope.NATION.pathPrefix(), Map.of("acceptedAt", ""),
				Map.of("acceptedAt", now, "acceptedBy", actor.username()));
		events.publishEvent(new PeriodAccepted(year, actor.username()));
		notices.tell(Role.MINISTRY, DataScope.NATION.pathPrefix(), "reporting.notice.PERIOD_ACCEPTED", country, year,
				actor, null);
		return periods.period(year);
	}

	private void requireOpen(int year) {
		ReportingPeriod period = periods.find(year)
			.orElseThrow(() -> InvalidInputException.of("year", "validation.reporting.noPeriod",
					new SchoolYear(year).label()));
		if (period.status() != PeriodStatus.OPEN || period.acceptedAt() != null) {
			throw InvalidInputException.of("year", "validation.reporting.periodClosed", period.label());
		}
	}

}
