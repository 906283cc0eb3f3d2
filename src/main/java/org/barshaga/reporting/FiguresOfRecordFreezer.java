package org.barshaga.reporting;

import org.barshaga.indicators.FiguresOfRecord;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Freezes a school year's figures of record when the Ministry accepts its period. The
 * freeze runs inside the acceptance's transaction, so an acceptance never stands without
 * its figures: if freezing fails, the acceptance fails with it.
 */
@Component
class FiguresOfRecordFreezer {

	private final FiguresOfRecord figures;

	FiguresOfRecordFreezer(FiguresOfRecord figures) {
		this.figures = figures;
	}

	@EventListener
	void accepted(PeriodAccepted accepted) {
		figures.freeze(accepted.schoolYear(), accepted.acceptedBy(), null);
	}

}
