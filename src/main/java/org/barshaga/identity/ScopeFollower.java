package org.barshaga.identity;

import org.barshaga.registry.ScopeMoved;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps accounts bound to the right place when part of the hierarchy moves. */
@Component
class ScopeFollower {

	private final UserRepository users;

	ScopeFollower(UserRepository users) {
		this.users = users;
	}

	@EventListener
	void on(ScopeMoved moved) {
		users.moveScopes(moved.oldPath(), moved.newPath(), moved.oldUnitCode(), moved.newUnitCode());
	}

}
