package org.barshaga.learner;

import java.util.EnumSet;
import java.util.Set;

import org.barshaga.kernel.Coded;
import org.barshaga.kernel.Role;

/**
 * The parts of a learner's case, who may add to each, and which of them need a consent to
 * processing personal data. Identity, guardians, consents and enrolment are what the law
 * requires a school to keep; the rest is the SEN record proper.
 */
public enum Section implements Coded {

	GUARDIANS("guardians", false, Role.REGION_OFFICER, Role.DISTRICT_OFFICER, Role.SCHOOL_COORDINATOR,
			Role.PMPC_SPECIALIST),
	CONSENTS("consents", false, Role.REGION_OFFICER, Role.DISTRICT_OFFICER, Role.SCHOOL_COORDINATOR,
			Role.PMPC_SPECIALIST),
	CONCLUSIONS("conclusions", true, Role.PMPC_SPECIALIST, Role.SCHOOL_COORDINATOR),
	FUNCTIONING("functioning", true, Role.PMPC_SPECIALIST, Role.SCHOOL_COORDINATOR),
	ENROLMENTS("enrolments", false, Role.REGION_OFFICER, Role.DISTRICT_OFFICER, Role.SCHOOL_COORDINATOR),
	SUPPORT_LEVELS("support-levels", true, Role.SCHOOL_COORDINATOR), PLANS("plans", true, Role.SCHOOL_COORDINATOR),
	SESSIONS("sessions", true, Role.SCHOOL_COORDINATOR, Role.SPECIALIST),
	DEVICES("devices", true, Role.SCHOOL_COORDINATOR);

	/** Who keeps a child's identity: create the record and correct it. */
	static final Set<Role> IDENTITY_WRITERS = EnumSet.of(Role.REGION_OFFICER, Role.DISTRICT_OFFICER,
			Role.SCHOOL_COORDINATOR, Role.PMPC_SPECIALIST);

	/** Who rates plan goals at term reviews: the coordinator and the specialists. */
	static final Set<Role> REVIEWERS = EnumSet.of(Role.SCHOOL_COORDINATOR, Role.SPECIALIST);

	private final String slug;

	private final boolean needsConsent;

	private final Set<Role> writers;

	Section(String slug, boolean needsConsent, Role first, Role... more) {
		this.slug = slug;
		this.needsConsent = needsConsent;
		this.writers = EnumSet.of(first, more);
	}

	public String slug() {
		return slug;
	}

	public boolean needsConsent() {
		return needsConsent;
	}

	boolean writableBy(Role role) {
		return writers.contains(role);
	}

	static Section ofSlug(String slug) {
		for (Section section : values()) {
			if (section.slug.equals(slug)) {
				return section;
			}
		}
		return null;
	}

}
