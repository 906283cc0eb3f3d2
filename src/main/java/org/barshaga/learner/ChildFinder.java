package org.barshaga.learner;

import java.time.LocalDate;
import java.util.Optional;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Iin;
import org.barshaga.kernel.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds a child for an administrator's retention work by the record number or the IIN,
 * archived records included, within the administrator's scope (in SQL).
 */
@Component
class ChildFinder {

	/** A child as retention sees it: nothing but how to find its rows. */
	record Found(long id, String iin, String path, LocalDate archivedOn) {
	}

	private final JdbcClient jdbc;

	ChildFinder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The child the text names (twelve digits: an IIN; fewer: a record number), or a
	 * refusal against the field that says why.
	 */
	Found find(String text, DataScope scope, String field) {
		if (text == null) {
			throw InvalidInputException.of(field, "validation.required");
		}
		String value = text.strip();
		Optional<Found> found;
		if (value.length() == 12 && value.chars().allMatch(Character::isDigit)) {
			if (!Iin.isValid(value)) {
				throw InvalidInputException.of(field, "validation.retention.record", value);
			}
			found = query("l.iin = :value", value, scope);
		}
		else if (!value.isEmpty() && value.length() < 12 && value.chars().allMatch(Character::isDigit)) {
			found = query("l.id = :value", Long.valueOf(value), scope);
		}
		else {
			throw InvalidInputException.of(field, "validation.retention.record", value);
		}
		return found.orElseThrow(() -> InvalidInputException.of(field, "validation.retention.unknown", value));
	}

	private Optional<Found> query(String condition, Object value, DataScope scope) {
		return scope
			.bind(jdbc.sql("SELECT l.id, l.iin, l.path, l.archived_on FROM learner l WHERE " + condition + " AND "
					+ scope.sql("l.path")))
			.param("value", value)
			.query((rs, n) -> new Found(rs.getLong("id"), rs.getString("iin"), rs.getString("path"),
					rs.getObject("archived_on", LocalDate.class)))
			.optional();
	}

}
