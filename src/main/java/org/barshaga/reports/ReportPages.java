package org.barshaga.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.barshaga.indicators.Indicators;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.registry.OrgUnit;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The printable report of a region or district, and the same report as a PDF. Users read
 * the reports of their own part of the country only.
 */
@Controller
class ReportPages {

	private final PlaceReports reports;

	private final PdfReports pdfs;

	private final Indicators indicators;

	ReportPages(PlaceReports reports, PdfReports pdfs, Indicators indicators) {
		this.reports = reports;
		this.pdfs = pdfs;
		this.indicators = indicators;
	}

	@GetMapping("/reports")
	String report(Actor actor, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String asOf, Model model,
			Locale locale) {
		int schoolYear = year(year);
		String code = unit == null || unit.isBlank() ? reports.defaultUnit(actor).orElse(null) : unit.strip();
		model.addAttribute("choices", reports.choices(actor, locale));
		model.addAttribute("years", years());
		model.addAttribute("year", schoolYear);
		model.addAttribute("asOfChoices", reports.asOfChoices(schoolYear, asOf, locale));
		model.addAttribute("unitCode", code);
		if (code != null) {
			OrgUnit place = reports.unit(actor, code);
			model.addAttribute("report", reports.report(actor, place, schoolYear, asOf, locale));
		}
		return "reports/report";
	}

	@GetMapping("/reports/pdf")
	ResponseEntity<byte[]> pdf(Actor actor, @RequestParam String unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String asOf, Locale locale) {
		int schoolYear = year(year);
		OrgUnit place = reports.unit(actor, unit);
		Report report = reports.report(actor, place, schoolYear, asOf, locale);
		String file = "report-" + place.code() + "-" + schoolYear
				+ (report.asOf() == null ? "" : "-revision-" + report.asOf()) + "-" + locale.getLanguage() + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
			.body(pdfs.pdf(report, locale));
	}

	private int year(Integer year) {
		int schoolYear = year == null ? indicators.currentYear() : year;
		if (!reports.validYear(schoolYear)) {
			throw new NotFoundException("year", String.valueOf(year));
		}
		return schoolYear;
	}

	private List<Integer> years() {
		List<Integer> years = new ArrayList<>(indicators.recentYears());
		Collections.reverse(years);
		return years;
	}

}
