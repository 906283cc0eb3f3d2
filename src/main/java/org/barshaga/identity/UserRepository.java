package org.barshaga.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.barshaga.kernel.DataScope;
import org.barshaga.kernel.Role;
import org.barshaga.kernel.SearchText;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

	private static final String COLUMNS = """
			id, username, full_name, email, role, scope_unit_code, scope_organisation_id, scope_path, enabled,
			failed_logins, locked_until, last_login_at, updated_at, updated_by, version""";

	private static final String LIST_FILTERS = """
			FROM app_user WHERE %s
			  AND (CAST(:text AS VARCHAR) IS NULL OR LOWER(username) LIKE :text ESCAPE '!' OR LOWER(full_name) LIKE :text ESCAPE '!')
			""";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserAccount> findInScope(long id, DataScope scope) {
		return scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id AND " + scope.sql("scope_path")))
			.param("id", id)
			.query(UserRepository::map)
			.optional();
	}

	Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :username")
			.param("username", username)
			.query(UserRepository::map)
			.optional();
	}

	/**
	 * The accounts with this e-mail address, whatever its case (at most two are read).
	 */
	List<UserAccount> findByEmail(String email) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE LOWER(email) = LOWER(:email) ORDER BY id")
			.param("email", email)
			.query(UserRepository::map)
			.list()
			.stream()
			.limit(2)
			.toList();
	}

	/** The role an identity provider's groups give the account. */
	void changeRole(long id, Role role, String by, Instant now) {
		jdbc.sql(
				"UPDATE app_user SET role = :role, updated_at = :now, updated_by = :by, version = version + 1 WHERE id = :id")
			.param("role", role.name())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("id", id)
			.update();
	}

	/**
	 * An account with its password hash, by name or by id: one query for sign-in and each
	 * session request.
	 */
	Optional<WithHash> findWithHash(String username) {
		return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM app_user WHERE username = :username")
			.param("username", username)
			.query((rs, n) -> new WithHash(map(rs, n), rs.getString("password_hash")))
			.optional();
	}

	Optional<WithHash> findWithHash(long id) {
		return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM app_user WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new WithHash(map(rs, n), rs.getString("password_hash")))
			.optional();
	}

	record WithHash(UserAccount account, String passwordHash) {
	}

	Optional<String> passwordHash(String username) {
		return jdbc.sql("SELECT password_hash FROM app_user WHERE username = :username")
			.param("username", username)
			.query(String.class)
			.optional();
	}

	List<UserAccount> list(DataScope scope, String text, int page, int pageSize) {
		return scope
			.bind(jdbc.sql("SELECT " + COLUMNS + " " + LIST_FILTERS.formatted(scope.sql("scope_path"))
					+ " ORDER BY scope_path, username LIMIT :limit OFFSET :offset"))
			.param("text", text == null ? null : SearchText.containsPattern(text))
			.param("limit", pageSize)
			.param("offset", page * pageSize)
			.query(UserRepository::map)
			.list();
	}

	long count(DataScope scope, String text) {
		return scope.bind(jdbc.sql("SELECT COUNT(*) " + LIST_FILTERS.formatted(scope.sql("scope_path"))))
			.param("text", text == null ? null : SearchText.containsPattern(text))
			.query(Long.class)
			.single();
	}

	boolean exists(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE LOWER(username) = LOWER(:username)")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	long insert(NewUser user, String by, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO app_user (username, full_name, email, password_hash, role, scope_unit_code,
					scope_organisation_id, scope_path, enabled, created_at, created_by, updated_at, updated_by, version)
				VALUES (:username, :fullName, :email, :hash, :role, :unit, :organisation, :path, :enabled, :now, :by,
					:now, :by, 0)
				""")
			.param("username", user.username())
			.param("fullName", user.fullName())
			.param("email", user.email())
			.param("hash", user.passwordHash())
			.param("role", user.role().name())
			.param("unit", user.place().unitCode())
			.param("organisation", user.place().organisationId())
			.param("path", user.place().path())
			.param("enabled", user.enabled())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean update(long id, int expectedVersion, ChangedUser user, DataScope scope, String by, Instant now) {
		MapSqlParameterSource parameters = scope.bind(new MapSqlParameterSource())
			.addValue("id", id)
			.addValue("version", expectedVersion)
			.addValue("fullName", user.fullName())
			.addValue("email", user.email())
			.addValue("role", user.role().name())
			.addValue("unit", user.place().unitCode())
			.addValue("organisation", user.place().organisationId())
			.addValue("path", user.place().path())
			.addValue("enabled", user.enabled())
			.addValue("hash", user.newPasswordHash())
			.addValue("now", Timestamp.from(now))
			.addValue("by", by);
		return jdbc.sql("""
				UPDATE app_user SET full_name = :fullName, email = :email, role = :role, scope_unit_code = :unit,
					scope_organisation_id = :organisation, scope_path = :path, enabled = :enabled,
					password_hash = COALESCE(:hash, password_hash), failed_logins = 0, locked_until = NULL,
					updated_at = :now, updated_by = :by, version = version + 1
				WHERE id = :id AND version = :version AND """ + " " + scope.sql("scope_path"))
			.paramSource(parameters)
			.update() == 1;
	}

	void changePassword(long id, String hash, Instant now) {
		jdbc.sql(
				"UPDATE app_user SET password_hash = :hash, updated_at = :now, updated_by = username, version = version + 1 WHERE id = :id")
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/**
	 * Counts a failed sign-in, for managers to see; it locks nothing (the brakes are in
	 * {@link SignInThrottle}, and treat unknown names alike).
	 */
	void recordFailure(String username) {
		jdbc.sql("UPDATE app_user SET failed_logins = failed_logins + 1 WHERE username = :username")
			.param("username", username)
			.update();
	}

	void recordSuccess(String username, Instant now) {
		jdbc.sql(
				"UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = :now WHERE username = :username")
			.param("now", Timestamp.from(now))
			.param("username", username)
			.update();
	}

	/** Re-roots the scope of every account under a moved part of the hierarchy. */
	void moveScopes(String oldPath, String newPath, String oldUnitCode, String newUnitCode) {
		DataScope moved = new DataScope(oldPath);
		moved.bind(jdbc.sql("UPDATE app_user SET scope_path = CONCAT(:newPath, SUBSTRING(scope_path, :from)) WHERE "
				+ moved.sql("scope_path")))
			.param("newPath", newPath)
			.param("from", oldPath.length() + 1)
			.update();
		if (oldUnitCode != null) {
			jdbc.sql("UPDATE app_user SET scope_unit_code = :newCode WHERE scope_unit_code = :oldCode")
				.param("newCode", newUnitCode)
				.param("oldCode", oldUnitCode)
				.update();
		}
	}

	private static UserAccount map(ResultSet rs, int row) throws SQLException {
		long organisation = rs.getLong("scope_organisation_id");
		Long organisationId = rs.wasNull() ? null : organisation;
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
				rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getString("scope_unit_code"),
				organisationId, rs.getString("scope_path"), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
				instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("last_login_at")),
				instant(rs.getTimestamp("updated_at")), rs.getString("updated_by"), rs.getInt("version"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** Where an account is bound: a unit or an organisation, and the path of either. */
	record Place(String unitCode, Long organisationId, String path) {
	}

	record NewUser(String username, String fullName, String email, String passwordHash, Role role, Place place,
			boolean enabled) {
	}

	record ChangedUser(String fullName, String email, Role role, Place place, boolean enabled, String newPasswordHash) {
	}

}
