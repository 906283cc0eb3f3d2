package org.barshaga.kernel;

/**
 * What a user does in the system. The rank orders who may manage whom: a user manages
 * only users of a lower rank inside their own scope.
 */
public enum Role {

	ADMIN(100), MINISTRY(90), REGION_OFFICER(80), DISTRICT_OFFICER(70), SCHOOL_COORDINATOR(60), PMPC_SPECIALIST(50),
	SPECIALIST(40), RESEARCHER(30);

	private final int rank;

	Role(int rank) {
		this.rank = rank;
	}

	public boolean outranks(Role other) {
		return this.rank > other.rank;
	}

	/** Roles that keep the register of organisations in their scope. */
	public boolean maintainsRegistry() {
		return this == ADMIN || this == MINISTRY || this == REGION_OFFICER || this == DISTRICT_OFFICER
				|| this == SCHOOL_COORDINATOR;
	}

	/**
	 * Roles that create and edit user accounts (always below their own rank, inside their
	 * scope).
	 */
	public boolean managesUsers() {
		return this == ADMIN || this == REGION_OFFICER || this == DISTRICT_OFFICER;
	}

	/** Roles that may read user accounts in their scope. */
	public boolean readsUsers() {
		return managesUsers() || this == MINISTRY;
	}

	public boolean readsAudit() {
		return this == ADMIN || this == MINISTRY;
	}

	/**
	 * What an account of this role bound to {@code place} sees of children. A PMPC serves
	 * the whole region it sits in (the regional department assigns its territory, which
	 * the registry does not hold); researchers see no child at all.
	 */
	public LearnerAccess learnerAccess(DataScope place) {
		return switch (this) {
			case RESEARCHER -> LearnerAccess.NO_CHILD;
			case PMPC_SPECIALIST -> new LearnerAccess(regionOf(place), LearnerAccess.Health.ALWAYS);
			case SCHOOL_COORDINATOR -> new LearnerAccess(place, LearnerAccess.Health.WITH_CONSENT);
			case SPECIALIST -> new LearnerAccess(place, LearnerAccess.Health.DELEGATED);
			case ADMIN, MINISTRY, REGION_OFFICER, DISTRICT_OFFICER ->
				new LearnerAccess(place, LearnerAccess.Health.NONE);
		};
	}

	private static DataScope regionOf(DataScope place) {
		String[] parts = place.pathPrefix().split("/");
		return parts.length > 2 ? new DataScope("/" + parts[1] + "/" + parts[2] + "/") : place;
	}

	public String messageKey() {
		return "role." + name();
	}

}
