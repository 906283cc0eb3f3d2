package org.barshaga.learner;

import java.time.Instant;

/** A parent or legal representative of the child, with contacts. */
public record Guardian(long id, GuardianRelation relation, String fullName, String phone, String email, String address,
		Instant createdAt, String createdBy, int version) {
}
