package org.barshaga.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.barshaga.audit.AuditLog;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.EnumInput;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.PersonNames;
import org.barshaga.kernel.ResultPage;
import org.barshaga.kernel.Role;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.OrgUnit;
import org.barshaga.registry.OrgUnitKind;
import org.barshaga.registry.Organisation;
import org.barshaga.registry.OrganisationType;
import org.barshaga.registry.Organisations;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User accounts. Managers (administrators, region and district officers) create and
 * change accounts inside their own scope with roles below their own; the Ministry may
 * read them. Every query carries the reader's scope in its SQL, so an account outside it
 * is simply not found.
 */
@Service
@Transactional(readOnly = true)
public class Users {

	static final String RECORD_TYPE = "user";

	static final int PAGE_SIZE = 50;

	static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final UserRepository repository;

	private final AdminUnits units;

	private final Organisations organisations;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	private final SignInThrottle throttle;

	private final AccessTokens tokens;

	private final AccountSessions sessions;

	Users(UserRepository repository, AdminUnits units, Organisations organisations, PasswordEncoder passwords,
			AuditLog audit, Clock clock, SignInThrottle throttle, AccessTokens tokens, AccountSessions sessions) {
		this.throttle = throttle;
		this.tokens = tokens;
		this.sessions = sessions;
		this.repository = repository;
		this.units = units;
		this.organisations = organisations;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	public ResultPage<UserAccount> list(Actor actor, String text, int page) {
		requireReader(actor);
		String filter = text == null || text.isBlank() ? null : text.strip();
		int safePage = Math.max(0, page);
		return new ResultPage<>(repository.list(actor.scope(), filter, safePage, PAGE_SIZE), safePage, PAGE_SIZE,
				repository.count(actor.scope(), filter));
	}

	public UserAccount get(Actor actor, long id) {
		requireReader(actor);
		return repository.findInScope(id, actor.scope()).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
	}

	/**
	 * An enabled account whose place lies inside the given scope, for assigning people to
	 * work (a specialist to a child, say); empty when there is none.
	 */
	public Optional<UserAccount> findColleague(String username, DataScope within) {
		return repository.findByUsername(username).filter(u -> u.enabled() && within.contains(u.scopePath()));
	}

	public boolean canManage(Actor actor, UserAccount account) {
		return actor.role().managesUsers() && actor.scope().contains(account.scopePath())
				&& (actor.is(Role.ADMIN) || actor.role().outranks(account.role())) && account.id() != actor.userId()
				&& grants(actor, account.role(), account.scope());
	}

	/**
	 * Whether the actor may hand out what an account of {@code role} at {@code place}
	 * sees of children: never more children, nor more of their health, than the actor
	 * sees. Resetting the password of an account is handing out its access too, so the
	 * same rule decides who manages it. Administrators are the one exception: health
	 * fields are seen by roles that no manager below them sees, so someone must grant
	 * them, and administrators are few, named at the command line and audited.
	 */
	static boolean grants(Actor actor, Role role, DataScope place) {
		return actor.is(Role.ADMIN) || role.learnerAccess(place).within(actor.role().learnerAccess(actor.scope()));
	}

	public boolean canCreate(Actor actor) {
		return actor.role().managesUsers();
	}

	@Transactional
	public UserAccount create(Actor actor, UserDraft draft) {
		if (!canCreate(actor)) {
			throw new NotPermittedException("manage users");
		}
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String username = draft.username() == null ? "" : draft.username().strip().toLowerCase(Locale.ROOT);
		if (username.isEmpty()) {
			problems.add("username", "validation.required");
		}
		else if (!USERNAME.matcher(username).matches()) {
			problems.add("username", "validation.user.username");
		}
		else if (repository.exists(username)) {
			problems.add("username", "validation.user.username.taken", username);
		}
		checkPassword(draft.password(), username, true, problems);
		Checked checked = check(actor, draft, problems);
		problems.throwIfAny();
		Instant now = Instant.now(clock);
		long id = repository.insert(
				new UserRepository.NewUser(username, checked.fullName(), checked.email(),
						passwords.encode(draft.password()), checked.role(), checked.place(), checked.enabled()),
				actor.username(), now);
		UserAccount created = repository.findInScope(id, actor.scope()).orElseThrow();
		audit.created(actor, RECORD_TYPE, id, created.scopePath(), audited(created));
		return created;
	}

	@Transactional
	public UserAccount update(Actor actor, long id, UserDraft draft) {
		UserAccount current = get(actor, id);
		if (!canManage(actor, current)) {
			throw new NotPermittedException("manage this user");
		}
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		if (draft.version() == null) {
			problems.add("version", "validation.required");
		}
		boolean newPassword = draft.password() != null && !draft.password().isEmpty();
		if (newPassword) {
			checkPassword(draft.password(), current.username(), false, problems);
		}
		Checked checked = check(actor, draft, problems);
		problems.throwIfAny();
		boolean written = repository.update(id, draft.version(),
				new UserRepository.ChangedUser(checked.fullName(), checked.email(), checked.role(), checked.place(),
						checked.enabled(), newPassword ? passwords.encode(draft.password()) : null),
				actor.scope(), actor.username(), Instant.now(clock));
		if (!written) {
			throw new EditConflictException(RECORD_TYPE, id);
		}
		UserAccount changed = get(actor, id);
		Map<String, Object> after = audited(changed);
		Map<String, Object> before = audited(current);
		if (newPassword) {
			before.put("password", "");
			after.put("password", "(changed)");
		}
		audit.updated(actor, RECORD_TYPE, id, changed.scopePath(), before, after);
		String revocation = revocation(current, changed);
		if (revocation != null) {
			sessions.endAll(actor, changed, revocation);
			tokens.revokeAll(actor, id, changed.scopePath(), revocation);
		}
		else if (newPassword) {
			tokens.revokeAll(actor, id, changed.scopePath(), "the password change");
		}
		return changed;
	}

	/**
	 * Why a change ends the account's sessions and tokens at once, on every server, or
	 * null when it does not: an account disabled, or given another role or place, must
	 * not keep acting with the access it had. A new password alone leaves the sessions to
	 * end at their next request (the stamp of {@link AccountPrincipal}) and revokes the
	 * tokens.
	 */
	static String revocation(UserAccount before, UserAccount after) {
		if (before.enabled() && !after.enabled()) {
			return "the account disabled";
		}
		if (before.role() != after.role()) {
			return "the role changed";
		}
		if (!before.scopePath().equals(after.scopePath())) {
			return "the place changed";
		}
		return null;
	}

	/**
	 * A user changes their own password, proving they know the current one. Wrong current
	 * passwords count in the sign-in brakes like wrong sign-ins (the open session is no
	 * licence to guess). Every other session of the account ends at its next request and
	 * every token is revoked; the caller keeps its own session with {@link #principal}.
	 */
	@Transactional
	public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		String place = "password-change:" + actor.userId();
		if (!throttle.allows(actor.username(), place)) {
			problems.add("currentPassword", "validation.password.throttled");
			problems.throwIfAny();
		}
		String hash = repository.passwordHash(actor.username()).orElseThrow();
		if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
			throttle.failed(actor.username(), place);
			problems.add("currentPassword", "validation.password.current");
		}
		checkPassword(newPassword, actor.username(), true, problems);
		problems.throwIfAny();
		repository.changePassword(actor.userId(), passwords.encode(newPassword), Instant.now(clock));
		UserAccount self = repository.findByUsername(actor.username()).orElseThrow();
		audit.updated(actor, RECORD_TYPE, actor.userId(), self.scopePath(), Map.of("password", ""),
				Map.of("password", "(changed)"));
		tokens.revokeAll(actor, actor.userId(), self.scopePath(), "the password change");
	}

	private record Checked(String fullName, String email, Role role, UserRepository.Place place, boolean enabled) {
	}

	private Checked check(Actor actor, UserDraft draft, InvalidInputException.Collector problems) {
		String fullName = draft.fullName() == null ? "" : draft.fullName().strip();
		if (fullName.isEmpty()) {
			problems.add("fullName", "validation.required");
		}
		else if (fullName.length() > 200) {
			problems.add("fullName", "validation.tooLong", 200);
		}
		else {
			PersonNames.check(problems, "fullName", fullName);
		}
		String email = draft.email() == null || draft.email().isBlank() ? null : draft.email().strip();
		if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
			problems.add("email", "validation.user.email");
		}
		Role role = null;
		if (draft.role() == null || draft.role().isBlank()) {
			problems.add("role", "validation.required");
		}
		else {
			role = EnumInput.parse(Role.class, draft.role(), "role", problems);
			if (role != null && !actor.is(Role.ADMIN) && !actor.role().outranks(role)) {
				problems.add("role", "validation.user.role.rank");
			}
		}
		UserRepository.Place place = null;
		if (draft.scope() == null || draft.scope().isBlank()) {
			problems.add("scope", "validation.required");
		}
		else {
			place = place(draft.scope().strip(), role, actor, problems);
		}
		if (role != null && place != null && !grants(actor, role, new DataScope(place.path()))) {
			problems.add("role", "validation.user.access.wider");
		}
		return new Checked(fullName, email, role, place, draft.enabled() == null || draft.enabled());
	}

	/**
	 * Resolves the scope code to a unit or organisation that suits the role and lies in
	 * the actor's scope.
	 */
	private UserRepository.Place place(String code, Role role, Actor actor, InvalidInputException.Collector problems) {
		Optional<OrgUnit> unit = units.find(code);
		Optional<Organisation> organisation = unit.isPresent() ? Optional.empty() : organisations.findByCode(code);
		if (unit.isEmpty() && organisation.isEmpty()) {
			problems.add("scope", "validation.user.scope.unknown", code);
			return null;
		}
		String path = unit.map(OrgUnit::path).orElseGet(() -> organisation.get().path());
		if (!actor.scope().contains(path)) {
			problems.add("scope", "validation.user.scope.outside", code);
			return null;
		}
		if (unit.isPresent() && unit.get().isClosed()) {
			problems.add("scope", "validation.unit.closed", code);
			return null;
		}
		if (role != null && !suits(role, unit.orElse(null), organisation.orElse(null))) {
			problems.add("scope", "validation.user.scope.role", code);
			return null;
		}
		return new UserRepository.Place(unit.map(OrgUnit::code).orElse(null),
				organisation.map(Organisation::id).orElse(null), path);
	}

	/**
	 * Which place each role is bound to: the Ministry to the country, a school
	 * coordinator to a school...
	 */
	static boolean suits(Role role, OrgUnit unit, Organisation organisation) {
		return switch (role) {
			case ADMIN, MINISTRY -> unit != null && unit.kind() == OrgUnitKind.COUNTRY;
			case RESEARCHER -> unit != null;
			case REGION_OFFICER -> unit != null && unit.kind().isTopLevel();
			case DISTRICT_OFFICER -> unit != null && unit.kind().isDistrictLevel();
			case SCHOOL_COORDINATOR, SPECIALIST -> organisation != null && organisation.type().teachesChildren();
			case PMPC_SPECIALIST -> organisation != null && organisation.type() == OrganisationType.PMPC;
		};
	}

	private static void checkPassword(String password, String username, boolean required,
			InvalidInputException.Collector problems) {
		if (password == null || password.isEmpty()) {
			if (required) {
				problems.add("password", "validation.required");
			}
			return;
		}
		PasswordPolicy.check(password, username).ifPresent(problem -> {
			if (problem.argument() == null) {
				problems.add("password", problem.key());
			}
			else {
				problems.add("password", problem.key(), problem.argument());
			}
		});
	}

	private static Map<String, Object> audited(UserAccount account) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("username", account.username());
		fields.put("fullName", account.fullName());
		fields.put("email", account.email());
		fields.put("role", account.role());
		fields.put("scope", account.scopeCode());
		fields.put("enabled", account.enabled());
		return fields;
	}

	private static void requireReader(Actor actor) {
		if (!actor.role().readsUsers()) {
			throw new NotPermittedException("read users");
		}
	}

}
