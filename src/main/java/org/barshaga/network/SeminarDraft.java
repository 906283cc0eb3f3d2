package org.barshaga.network;

import java.time.LocalDate;

/** A seminar or course as its centre records it, once it has been held. */
record SeminarDraft(SeminarKind kind, String title, LocalDate heldOn, Integer hours, Boolean inclusive) {
}
