package org.barshaga.exchange;

import java.nio.file.Path;

import org.barshaga.kernel.Actor;

/** One import: who, which register, which file, how. */
record ImportRequest(Actor actor, Register register, Path file, String fileName, ImportMode mode, boolean dryRun) {

	boolean xlsx() {
		return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
	}

}
