package org.barshaga.network;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.barshaga.kernel.LocalizedName;

/**
 * A practice of the bank, with the place that wrote it and its moderation. Children are
 * never named in a practice's fields by rule of the form; the open data shows the text as
 * written, so the form's hints say so.
 */
record Practice(long id, PracticeStatus status, long organisationId, String organisationCode,
		LocalizedName organisationName, String path, PracticeDraft text, Instant createdAt, String createdBy,
		String moderatedBy, String moderationNote, LocalDate publishedOn, int version) {

	/** A figure of the practice's school, read from the indicators, before and after. */
	record Figure(String indicator, int yearBefore, BigDecimal before, int yearAfter, BigDecimal after) {
	}

	/**
	 * A document or picture; the content type is the one its bytes were recognised as.
	 */
	record File(long id, String name, String contentType, int size) {

		boolean picture() {
			return contentType.startsWith("image/");
		}

	}

	/** A school's "we tried this". */
	record Trial(String organisationCode, LocalizedName organisationName, String report, LocalDate on) {
	}

	/** A practice with what is attached to it. */
	record Full(Practice practice, List<Figure> figures, List<File> files, List<Trial> trials) {
	}

}
