package org.barshaga.indicators;

import java.util.List;

/**
 * A new indicator as an administrator writes it; every field is checked before it is
 * kept.
 */
public record IndicatorDraft(String code, String nameKk, String nameRu, String nameEn, String descriptionKk,
		String descriptionRu, String descriptionEn, String unit, String numerator, String numeratorFilter,
		String denominator, String denominatorFilter, List<String> disaggregations, String better) {

	public IndicatorDraft {
		disaggregations = disaggregations == null ? List.of() : List.copyOf(disaggregations);
	}

}
