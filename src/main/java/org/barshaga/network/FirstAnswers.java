package org.barshaga.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SchoolYear;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The median days from a request to its first answer (the day the centre accepted it), by
 * region and district of the asking place, for the requests of a school year that have
 * been answered. A median cannot be summed from districts to a region, so each unit's is
 * computed from its own requests rather than kept in the indicator catalogue.
 */
@Service
@Transactional(readOnly = true)
class FirstAnswers {

	/**
	 * One unit's figure.
	 *
	 * @param answered the requests of the year answered so far
	 * @param waiting the requests of the year not answered yet (not in the median)
	 * @param medianDays calendar days from submission to acceptance; none when nothing is
	 * answered
	 */
	record Row(String code, LocalizedName name, boolean region, int answered, int waiting, BigDecimal medianDays) {
	}

	private final JdbcClient jdbc;

	private final AdminUnits units;

	private final Clock clock;

	FirstAnswers(JdbcClient jdbc, AdminUnits units, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.clock = clock;
	}

	int currentYear() {
		return SchoolYear.of(LocalDate.now(clock)).startYear();
	}

	/**
	 * The figure of every region and district with requests in the actor's area: an
	 * officer's unit, or the region of a school's or centre's user (the figures are dates
	 * only, and a place's own requests alone would be a median of a handful).
	 */
	List<Row> byUnit(Actor actor, int year) {
		if (actor.is(Role.RESEARCHER)) {
			throw new NotPermittedException("read support requests");
		}
		DataScope area = units.ofScope(actor.scope()).isPresent() ? actor.scope()
				: new DataScope("/KZ/" + Parties.regionCode(actor.scope().pathPrefix()) + "/");
		SchoolYear schoolYear = new SchoolYear(year);
		Map<String, List<Long>> days = new TreeMap<>();
		Map<String, int[]> waiting = new TreeMap<>();
		area.bind(jdbc.sql("SELECT requester_path, submitted_on, accepted_on FROM support_request WHERE "
				+ "submitted_on >= :start AND submitted_on <= :end AND " + area.sql("requester_path")))
			.param("start", Date.valueOf(schoolYear.start()))
			.param("end", Date.valueOf(schoolYear.end()))
			.query((java.sql.ResultSet rs) -> {
				String[] parts = rs.getString("requester_path").split("/");
				for (int depth = 2; depth <= 3 && depth < parts.length - 1; depth++) {
					String unit = parts[depth];
					days.computeIfAbsent(unit, k -> new ArrayList<>());
					waiting.computeIfAbsent(unit, k -> new int[1]);
					Date accepted = rs.getDate("accepted_on");
					if (accepted == null) {
						waiting.get(unit)[0]++;
					}
					else {
						days.get(unit)
							.add(ChronoUnit.DAYS.between(rs.getDate("submitted_on").toLocalDate(),
									accepted.toLocalDate()));
					}
				}
			});
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<String, List<Long>> unit : days.entrySet()) {
			Optional<OrgUnit> found = units.find(unit.getKey());
			if (found.isEmpty()) {
				continue;
			}
			rows.add(new Row(unit.getKey(), found.get().name(), found.get().path().split("/").length == 3,
					unit.getValue().size(), waiting.get(unit.getKey())[0], median(unit.getValue())));
		}
		rows.sort(Comparator.comparing(Row::code));
		return rows;
	}

	/** The middle value, or the mean of the two middle values; none of nothing. */
	static BigDecimal median(List<Long> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		if (sorted.size() % 2 == 1) {
			return BigDecimal.valueOf(sorted.get(middle)).setScale(1);
		}
		return BigDecimal.valueOf(sorted.get(middle - 1) + sorted.get(middle))
			.divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
	}

}
