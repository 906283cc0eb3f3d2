package org.barshaga.kernel;

/**
 * A module that holds rows about a child removes them when the child's record is erased
 * on a lawful request: every module with such rows registers one bean. All erasers run in
 * one transaction, in their {@link org.springframework.core.annotation.Order order}:
 * first every {@link #beforeErasure}, then every {@link #erase}, then every
 * {@link #afterErasure}. The learner register's own rows go last of the erase step, as
 * the others refer to them.
 */
public interface LearnerEraser {

	/** Called before any row of the child is removed, to look at what is still there. */
	default void beforeErasure(Erasure erasure) {
	}

	/**
	 * Removes this module's rows of the child, counting them with
	 * {@link Erasure#removed(String, int)}.
	 */
	void erase(Erasure erasure);

	/** Called once every module has removed its rows, still in the same transaction. */
	default void afterErasure(Erasure erasure) {
	}

}
