package org.barshaga.network;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.barshaga.kernel.LocalizedName;
import org.barshaga.learner.SenCategory;

/**
 * A request for help as it stands, with the consultation that answers it. The learner is
 * an id only; whoever may see the child's name reads it through the learner register.
 */
public record SupportRequest(long id, RequestStatus status, Party requester, Party centre, SupportTopic topic,
		Set<SenCategory> categories, Long learnerId, Urgency urgency, String description, LocalDate submittedOn,
		String submittedBy, LocalDate acceptedOn, String acceptedBy, ConsultationMode mode, LocalDate consultationOn,
		String scheduledBy, String outcome, String followUp, LocalDate followUpOn, LocalDate closedOn, String closedBy,
		Boolean helped, String confirmationNote, LocalDate confirmedOn, String confirmedBy, LocalDate followUpDoneOn,
		String followUpDoneBy, int version) {

	/** An organisation on one side of a request. */
	public record Party(long id, String code, LocalizedName name, String path) {
	}

	public SupportRequest {
		categories = Set.copyOf(categories);
	}

	/** The fields a transition may change, for the audit log. */
	Map<String, Object> auditedState() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("status", status);
		fields.put("consultationMode", mode);
		fields.put("consultationOn", consultationOn);
		fields.put("outcome", outcome);
		fields.put("followUp", followUp);
		fields.put("followUpOn", followUpOn);
		fields.put("helped", helped);
		fields.put("confirmationNote", confirmationNote);
		fields.put("followUpDoneOn", followUpDoneOn);
		return fields;
	}

}
