package org.barshaga.network;

import java.time.LocalDate;
import java.util.List;

import org.barshaga.kernel.LocalizedName;

/**
 * A seminar or course a centre held, with its participants; each participant's training
 * record lives in the conditions module and is named here by id.
 */
record Seminar(long id, long centreId, String centreCode, LocalizedName centreName, String centrePath, SeminarKind kind,
		String title, LocalDate heldOn, int hours, boolean inclusive, List<Participant> participants) {

	record Participant(long staffId, String fullName, String schoolCode, LocalizedName schoolName, long trainingId) {
	}

}
