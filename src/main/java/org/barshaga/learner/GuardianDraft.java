package org.barshaga.learner;

public record GuardianDraft(GuardianRelation relation, String fullName, String phone, String email, String address,
		Integer version) {
}
