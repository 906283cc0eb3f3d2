package org.barshaga.evidence;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.barshaga.kernel.LocalizedName;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evidence bank's tables over HTTP, generated from the settled codes of a codebook.
 * They hold publications and counts only, no personal data and no school's data, so every
 * signed-in caller reads them.
 */
@RestController
@RequestMapping("/api/v1/evidence/tables")
@Tag(name = "Evidence bank", description = "Tables of the coded publications")
class EvidenceApi {

	private final EvidenceTables tables;

	EvidenceApi(EvidenceTables tables) {
		this.tables = tables;
	}

	record YearBody(int year, long count) {
	}

	record ByYearBody(String codebook, int version, List<YearBody> rows, long total) {
	}

	record ThemeBody(String code, Map<String, String> name, long count, BigDecimal share) {
	}

	record ByThemeBody(String codebook, int version, List<ThemeBody> rows, long total) {
	}

	record PublicationBody(long id, String citation, String title, int year, String doi, String journal) {
	}

	record ClaimBody(String code, Map<String, String> claim, Strength strength, Map<String, String> reasoning,
			int count, List<PublicationBody> publications) {
	}

	record ClaimsBody(String codebook, int version, List<ClaimBody> rows) {
	}

	@GetMapping("/by-year")
	@Operation(summary = "Publications with settled codes by year of publication (seed 000's Table 2): every year "
			+ "of the codebook's period, zero where none")
	ByYearBody byYear(@RequestParam(defaultValue = Codebooks.SHIPPED) String codebook) {
		EvidenceTables.ByYear table = tables.byYear(codebook);
		return new ByYearBody(table.codebook().code(), table.codebook().version(),
				table.rows().stream().map(r -> new YearBody(r.year(), r.count())).toList(), table.total());
	}

	@GetMapping("/by-theme")
	@Operation(summary = "Publications with settled codes by thematic area (seed 000's Table 4), with each "
			+ "area's share of all of them in per cent, rounded half up to two decimals")
	ByThemeBody byTheme(@RequestParam(defaultValue = Codebooks.SHIPPED) String codebook) {
		EvidenceTables.ByTheme table = tables.byTheme(codebook);
		return new ByThemeBody(table.codebook().code(), table.codebook().version(),
				table.rows()
					.stream()
					.map(r -> new ThemeBody(r.theme().code(), names(r.theme().name()), r.count(), r.share()))
					.toList(),
				table.total());
	}

	@GetMapping("/claims")
	@Operation(summary = "The codebook's claims with the strength of their evidence, the reasoning, and the "
			+ "publications whose settled codes support them (seed 000's Table 5)")
	ClaimsBody claims(@RequestParam(defaultValue = Codebooks.SHIPPED) String codebook) {
		EvidenceTables.Claims table = tables.claims(codebook);
		return new ClaimsBody(table.codebook().code(), table.codebook().version(), table.rows()
			.stream()
			.map(r -> new ClaimBody(r.claim().code(), names(r.claim().name()), r.claim().strength(),
					names(r.claim().reasoning()), r.publications().size(),
					r.publications()
						.stream()
						.map(p -> new PublicationBody(p.id(), p.citation(), p.title(), p.year(), p.doi(), p.journal()))
						.toList()))
			.toList());
	}

	static Map<String, String> names(LocalizedName name) {
		if (name == null) {
			return null;
		}
		Map<String, String> names = new LinkedHashMap<>();
		names.put("kk", name.kk());
		names.put("ru", name.ru());
		names.put("en", name.en());
		return names;
	}

}
