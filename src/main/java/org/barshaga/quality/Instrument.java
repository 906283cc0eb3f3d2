package org.barshaga.quality;

import java.time.Instant;
import java.util.List;

import org.barshaga.kernel.LocalizedName;

/** An instrument and the versions it has, for the catalogue. */
public record Instrument(String code, Respondent respondent, LocalizedName name, List<Version> versions) {

	public record Version(int version, VersionStatus status, Instant publishedAt) {
	}

}
