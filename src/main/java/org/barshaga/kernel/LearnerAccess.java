package org.barshaga.kernel;

/**
 * What an account of some role at some place may see of children: the part of the country
 * whose learners it reads (none for a role that reads no child) and how far it sees their
 * health fields. The learner module reads children through this, and identity refuses to
 * create or change an account to one whose access is not inside its maker's, so both
 * follow one definition.
 */
public record LearnerAccess(DataScope scope, Health health) {

	/**
	 * How far a role sees children's health fields, from nothing to everything in its
	 * scope. The order matters: a later value sees more.
	 */
	public enum Health {

		/** Never. */
		NONE,

		/**
		 * Only the children that someone who sees their health assigns to the account,
		 * and only with the sharing consent: the account gains nothing by existing.
		 */
		DELEGATED,

		/** Every child in scope whose guardian consented to sharing with the school. */
		WITH_CONSENT,

		/** Every child in scope. */
		ALWAYS;

		/** Whether health fields reach this account without anyone handing them over. */
		public boolean grantedByRole() {
			return this == WITH_CONSENT || this == ALWAYS;
		}

	}

	public static final LearnerAccess NO_CHILD = new LearnerAccess(null, Health.NONE);

	public boolean readsLearners() {
		return scope != null;
	}

	/**
	 * Whether everything this access shows is also shown by {@code other}: its children
	 * lie inside the other's, and its health fields are no wider. Health that only comes
	 * by delegation is not counted, since the delegating reader decides it.
	 */
	public boolean within(LearnerAccess other) {
		if (scope != null && (other.scope == null || !other.scope.contains(scope))) {
			return false;
		}
		return !health.grantedByRole() || health.compareTo(other.health) <= 0;
	}

}
