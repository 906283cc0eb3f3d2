package org.barshaga.learner;

import org.barshaga.kernel.PersonNames;

public record GuardianDraft(GuardianRelation relation, String fullName, String phone, String email, String address,
		Integer version) {

	public GuardianDraft {
		fullName = PersonNames.normalised(fullName);
	}

}
