package org.barshaga.reporting;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The validation rules: every signed-in user may read them, administrators write them. A
 * change is a new version; the earlier ones stay as they were.
 */
@Service
public class ValidationRules {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	static final int MAX_MESSAGE = 500;

	private final RuleRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	ValidationRules(RuleRepository repository, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	public List<ValidationRule> all() {
		return repository.all();
	}

	public ValidationRule rule(String code) {
		return repository.find(code).orElseThrow(() -> new NotFoundException("validationRule", code));
	}

	public static boolean canEdit(Actor actor) {
		return actor.is(Role.ADMIN);
	}

	/** The current versions of the active rules, read into expressions. */
	List<Check> checks() {
		return all().stream()
			.filter(rule -> rule.current().active())
			.map(rule -> Check.of(rule.code(), rule.current()))
			.toList();
	}

	/**
	 * Writes a new rule (when {@code code} is null) or the next version of one. Refused
	 * with every problem named, each in the user's language: a side that cannot be read
	 * (the position and what was found), an unknown measure, a division by a constant
	 * zero, a missing message; a stale version read is a conflict. Nothing is written
	 * then.
	 */
	@Transactional
	public ValidationRule save(Actor actor, String code, RuleDraft draft) {
		if (!canEdit(actor)) {
			throw new NotPermittedException("edit validation rules");
		}
		ValidationRule existing = code == null ? null : rule(code);
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String newCode = existing != null ? existing.code()
				: draft.code() == null ? "" : draft.code().strip().toUpperCase(Locale.ROOT);
		if (existing == null && !CODE.matcher(newCode).matches()) {
			problems.add("code", "validation.rule.code");
		}
		else if (existing == null && repository.find(newCode).isPresent()) {
			problems.add("code", "validation.rule.codeTaken", newCode);
		}
		Expression left = side(draft.left(), "left", problems);
		Operator operator = constant(Operator.class, draft.operator(), "operator", problems);
		Expression right = side(draft.right(), "right", problems);
		Importance importance = constant(Importance.class, draft.importance(), "importance", problems);
		MissingValues missing = constant(MissingValues.class, draft.missing(), "missing", problems);
		Map<String, String> messages = new LinkedHashMap<>();
		messages.put("messageKk", draft.messageKk());
		messages.put("messageRu", draft.messageRu());
		messages.put("messageEn", draft.messageEn());
		messages.forEach((field, text) -> {
			if (text == null || text.isBlank()) {
				problems.add(field, "validation.required");
			}
			else if (text.strip().length() > MAX_MESSAGE) {
				problems.add(field, "validation.tooLong", MAX_MESSAGE);
			}
		});
		problems.throwIfAny();
		int read = draft.version() == null ? 0 : draft.version();
		int current = existing == null ? 0 : existing.current().version();
		if (read != current) {
			throw new EditConflictException("validationRule", newCode);
		}
		ValidationRule.Version version = new ValidationRule.Version(current + 1, left.text(), operator, right.text(),
				importance, missing, new LocalizedName(draft.messageKk(), draft.messageRu(), draft.messageEn()),
				draft.active() == null || draft.active(), clock.instant(), actor.username());
		try {
			long id = existing == null ? repository.create(newCode) : repository.id(newCode);
			repository.insertVersion(id, version);
		}
		catch (DuplicateKeyException raced) {
			throw new EditConflictException("validationRule", newCode);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("version", version.version());
		values.put("formula", version.formula());
		values.put("importance", importance);
		values.put("missing", missing);
		values.put("active", version.active());
		values.put("message", version.message());
		if (existing == null) {
			audit.created(actor, "validationRule", newCode, "/KZ/", values);
		}
		else {
			ValidationRule.Version before = existing.current();
			Map<String, Object> was = new LinkedHashMap<>();
			was.put("version", before.version());
			was.put("formula", before.formula());
			was.put("importance", before.importance());
			was.put("missing", before.missing());
			was.put("active", before.active());
			was.put("message", before.message());
			audit.updated(actor, "validationRule", newCode, "/KZ/", was, values);
		}
		return rule(newCode);
	}

	private static Expression side(String text, String field, InvalidInputException.Collector problems) {
		try {
			return RuleLanguage.parse(text, field);
		}
		catch (InvalidInputException invalid) {
			invalid.problems().forEach(p -> problems.add(p.field(), p.messageKey(), p.arguments().toArray()));
			return null;
		}
	}

	private static <E extends Enum<E>> E constant(Class<E> type, String value, String field,
			InvalidInputException.Collector problems) {
		if (value == null || value.isBlank()) {
			problems.add(field, "validation.required");
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value.strip())) {
				return constant;
			}
		}
		problems.add(field, "validation.rule.unknown", value.strip());
		return null;
	}

}
