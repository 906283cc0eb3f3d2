package org.barshaga.kernel;

import java.io.Serializable;

/**
 * The signed-in user on whose behalf a request runs, and the part of the country they
 * answer for.
 */
public record Actor(long userId, String username, String fullName, Role role, DataScope scope) implements Serializable {

	public boolean is(Role candidate) {
		return role == candidate;
	}

}
