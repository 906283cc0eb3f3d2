package org.barshaga.learner;

import org.barshaga.kernel.Coded;

/** Assistive devices given to a child. */
public enum DeviceKind implements Coded {

	HEARING_AID, LOW_VISION_AID, BRAILLE_DISPLAY, WHEELCHAIR, WALKER, AAC_DEVICE, ADAPTED_COMPUTER, SCREEN_READER,
	FM_SYSTEM, OTHER

}
