package org.barshaga.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The side-by-side evidence of a pair under review, in the page's language: what each
 * register says and how the linkage rated their agreement. Apart from
 * {@link ReconcileViews} because it is the review page's alone.
 */
final class PairEvidenceView {

	private final ReconcileViews views;

	PairEvidenceView(ReconcileViews views) {
		this.views = views;
	}

	/**
	 * A line of the side-by-side comparison: what each register says, and how the linkage
	 * rated their agreement (none for lines that are not compared).
	 */
	record EvidenceRow(String labelKey, String health, String extract, String agreement) {
	}

	List<EvidenceRow> evidence(ResultRepository.ListedResult result, Map<String, Object> pupil) {
		Map<String, String> agreement = agreement(result.agreement());
		boolean swapped = result.namesSwapped();
		List<EvidenceRow> rows = new ArrayList<>();
		rows.add(compared("reconcile.evidence.iin", ReconcileViews.orDash(result.iin()), pupil, "iin", agreement,
				"IIN"));
		rows.add(compared("reconcile.evidence.surname", ReconcileViews.orDash(result.surname()), pupil,
				swapped ? "given_name" : "surname", agreement, "SURNAME"));
		rows.add(compared("reconcile.evidence.givenName", ReconcileViews.orDash(result.givenName()), pupil,
				swapped ? "surname" : "given_name", agreement, "GIVEN_NAME"));
		rows.add(compared("reconcile.evidence.patronymic", ReconcileViews.orDash(result.patronymic()), pupil,
				"patronymic", agreement, "PATRONYMIC"));
		rows.add(new EvidenceRow("reconcile.evidence.birthDate", String.valueOf(result.birthDate()),
				pupil == null ? "—" : String.valueOf(pupil.get("birth_date")), levelOf(agreement, "BIRTH_DATE")));
		rows.add(new EvidenceRow("reconcile.evidence.sex", views.sex(result.sex()),
				pupil == null ? "—" : views.sex((String) pupil.get("sex")), levelOf(agreement, "SEX")));
		rows.add(new EvidenceRow("reconcile.evidence.place", views.places().residence(result.residencePath()),
				pupil == null ? "—" : views.places().schoolPlace((String) pupil.get("path")),
				levelOf(agreement, "PLACE")));
		rows.add(new EvidenceRow("reconcile.evidence.school", "—",
				pupil == null ? "—" : views.text("reconcile.evidence.schoolGrade",
						views.schoolName(new String[] { (String) pupil.get("code"), (String) pupil.get("name_kk"),
								(String) pupil.get("name_ru"), (String) pupil.get("name_en") }),
						pupil.get("code"), pupil.get("grade")),
				null));
		rows.add(new EvidenceRow("reconcile.evidence.disability",
				views.disability(result.register(), result.disabilityGroup()), "—", null));
		return rows;
	}

	private EvidenceRow compared(String label, String health, Map<String, Object> pupil, String column,
			Map<String, String> agreement, String field) {
		Object value = pupil == null ? null : pupil.get(column);
		return new EvidenceRow(label, health,
				value == null || value.toString().isBlank() ? "—" : value.toString().strip(),
				levelOf(agreement, field));
	}

	private String levelOf(Map<String, String> agreement, String field) {
		String level = agreement.get(field);
		return level == null ? null : views.levelLabel(field, level);
	}

	/** {@code IIN:EXACT SURNAME:CLOSE ...} as field to level. */
	static Map<String, String> agreement(String text) {
		Map<String, String> levels = new LinkedHashMap<>();
		if (text == null) {
			return levels;
		}
		for (String part : text.strip().split("\\s+")) {
			int colon = part.indexOf(':');
			if (colon > 0) {
				levels.put(part.substring(0, colon), part.substring(colon + 1));
			}
		}
		return levels;
	}

}
