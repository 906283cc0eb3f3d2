package org.barshaga.exchange;

import java.nio.file.Path;

import org.barshaga.kernel.Actor;

/** One import: who, which register, which file, how, and by which way in. */
record ImportRequest(Actor actor, Register register, Path file, String fileName, ImportMode mode, boolean dryRun,
		Channel channel) {

	/** An import from the pages or the API. */
	ImportRequest(Actor actor, Register register, Path file, String fileName, ImportMode mode, boolean dryRun) {
		this(actor, register, file, fileName, mode, dryRun, Channel.WEB);
	}

	boolean xlsx() {
		return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
	}

}
