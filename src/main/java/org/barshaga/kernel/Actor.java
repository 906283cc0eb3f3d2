package org.barshaga.kernel;

/**
 * The signed-in user on whose behalf a request runs, and the part of the country they
 * answer for.
 */
public record Actor(long userId, String username, String fullName, Role role, DataScope scope) {

	public boolean is(Role candidate) {
		return role == candidate;
	}

}
