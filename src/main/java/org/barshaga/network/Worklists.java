package org.barshaga.network;

import java.time.LocalDate;
import java.util.List;

/**
 * What waits for a user's place: for a centre, the requests to answer and the follow-ups
 * due; for a school, the answers to confirm and its open requests; for everyone, the
 * newest requests of their area.
 */
public record Worklists(List<SupportRequest> waiting, List<SupportRequest> followUpsDue, List<SupportRequest> toConfirm,
		List<SupportRequest> sent, List<SupportRequest> recent, LocalDate today) {

	public int limit() {
		return RequestRepository.LIST_LIMIT;
	}

}
