package org.barshaga.quality;

import java.util.List;
import java.util.Optional;

import org.barshaga.kernel.LocalizedName;

/** The whole definition of one version of an instrument. */
public record InstrumentVersion(String code, int version, VersionStatus status, Respondent respondent,
		LocalizedName name, Texts intro, List<Section> sections, List<Scale> scales) {

	public InstrumentVersion {
		sections = List.copyOf(sections);
		scales = List.copyOf(scales);
	}

	public List<Item> items() {
		return sections.stream().flatMap(s -> s.items().stream()).toList();
	}

	public Optional<Item> item(String itemCode) {
		return items().stream().filter(i -> i.code().equals(itemCode)).findFirst();
	}

	public boolean published() {
		return status == VersionStatus.PUBLISHED;
	}

	InstrumentVersion withStatus(VersionStatus newStatus) {
		return new InstrumentVersion(code, version, newStatus, respondent, name, intro, sections, scales);
	}

}
