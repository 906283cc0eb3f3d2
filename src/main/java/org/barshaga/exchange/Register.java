package org.barshaga.exchange;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.barshaga.kernel.Role;

/**
 * The registers that travel as files, with the roles that may load and give them out. The
 * learner registers go only to the roles that read children's records; their health
 * columns follow the record's rule row by row ({@link HealthSight}).
 */
public enum Register {

	ORGANISATIONS(EnumSet.of(Role.ADMIN, Role.REGION_OFFICER, Role.DISTRICT_OFFICER), false),

	ENROLMENT(
			EnumSet.of(Role.ADMIN, Role.MINISTRY, Role.REGION_OFFICER, Role.DISTRICT_OFFICER, Role.SCHOOL_COORDINATOR),
			true),

	LEARNERS(EnumSet.of(Role.ADMIN, Role.SCHOOL_COORDINATOR, Role.PMPC_SPECIALIST), true),

	CONCLUSIONS(EnumSet.of(Role.ADMIN, Role.SCHOOL_COORDINATOR, Role.PMPC_SPECIALIST), true),

	LEARNER_ENROLMENTS(EnumSet.of(Role.ADMIN, Role.SCHOOL_COORDINATOR, Role.PMPC_SPECIALIST), true),

	FUNCTIONING(EnumSet.of(Role.ADMIN, Role.SCHOOL_COORDINATOR, Role.PMPC_SPECIALIST), true),

	PLANS(EnumSet.of(Role.ADMIN, Role.SCHOOL_COORDINATOR), true),

	PLAN_GOALS(EnumSet.of(Role.ADMIN, Role.SCHOOL_COORDINATOR), true),

	SESSIONS(EnumSet.of(Role.ADMIN, Role.SCHOOL_COORDINATOR), true),

	STAFF(EnumSet.of(Role.ADMIN, Role.REGION_OFFICER, Role.DISTRICT_OFFICER, Role.SCHOOL_COORDINATOR), true),

	TRAINING(EnumSet.of(Role.ADMIN, Role.REGION_OFFICER, Role.DISTRICT_OFFICER, Role.SCHOOL_COORDINATOR), true),

	CONDITIONS(EnumSet.of(Role.ADMIN, Role.REGION_OFFICER, Role.DISTRICT_OFFICER, Role.SCHOOL_COORDINATOR), false),

	HEALTH_REGISTRY(EnumSet.of(Role.ADMIN, Role.MINISTRY, Role.REGION_OFFICER, Role.DISTRICT_OFFICER), true),

	/**
	 * The social-protection register's children with a disability who receive the state
	 * benefit: its benefit type tells the disability, so it goes to whom the health
	 * registry goes.
	 */
	SOCIAL_BENEFITS(EnumSet.of(Role.ADMIN, Role.MINISTRY, Role.REGION_OFFICER, Role.DISTRICT_OFFICER), true),

	/** Pupils' term results by subject, as the schools' electronic journals hold them. */
	RESULTS(EnumSet.of(Role.ADMIN, Role.REGION_OFFICER, Role.DISTRICT_OFFICER, Role.SCHOOL_COORDINATOR), true),

	/** Pupils' attendance by term. */
	ATTENDANCE(EnumSet.of(Role.ADMIN, Role.REGION_OFFICER, Role.DISTRICT_OFFICER, Role.SCHOOL_COORDINATOR), true),

	/** Pupils who left a school, why and where to. */
	LEAVERS(EnumSet.of(Role.ADMIN, Role.REGION_OFFICER, Role.DISTRICT_OFFICER, Role.SCHOOL_COORDINATOR), true);

	private final Set<Role> roles;

	private final boolean personal;

	Register(Set<Role> roles, boolean personal) {
		this.roles = roles;
		this.personal = personal;
	}

	public boolean allows(Role role) {
		return roles.contains(role);
	}

	/** Whether rows are about people, so that imports and exports are audited. */
	public boolean personal() {
		return personal;
	}

	/**
	 * The audit record type of the children a row is about: a learner of the register, a
	 * record of the health registry, a pupil of the enrolment extract; null for registers
	 * about no child.
	 */
	public String subjectType() {
		return switch (this) {
			case LEARNERS, CONCLUSIONS, LEARNER_ENROLMENTS, FUNCTIONING, PLANS, PLAN_GOALS, SESSIONS -> "learner";
			case HEALTH_REGISTRY -> "health_record";
			case SOCIAL_BENEFITS -> "benefit_record";
			case ENROLMENT, RESULTS, ATTENDANCE, LEAVERS -> "enrolment_pupil";
			default -> null;
		};
	}

	/**
	 * Whether the register holds learners' records, which are read in the learner scope
	 * (wider than the account's own for a PMPC specialist).
	 */
	boolean learnerRegister() {
		return "learner".equals(subjectType());
	}

	/**
	 * The name in file names, URLs and on the command line: {@code learner_enrolments}.
	 */
	public String fileName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "exchange.register." + fileName();
	}

	static Optional<Register> fromFileName(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String wanted = name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
		for (Register register : values()) {
			if (register.name().equals(wanted)) {
				return Optional.of(register);
			}
		}
		return Optional.empty();
	}

}
