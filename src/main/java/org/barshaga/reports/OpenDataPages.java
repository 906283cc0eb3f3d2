package org.barshaga.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.indicators.FiguresAsOf;
import org.barshaga.indicators.FiguresOfRecord;
import org.barshaga.indicators.Indicator;
import org.barshaga.indicators.IndicatorResult;
import org.barshaga.indicators.IndicatorValue;
import org.barshaga.indicators.Indicators;
import org.barshaga.indicators.Level;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.kernel.SpreadsheetCells;
import org.barshaga.registry.OrgUnit;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Open data, for anyone without signing in: the catalogue with its definitions, and each
 * indicator's values for the regions of the country or the districts of a region, with
 * cells that count fewer than five children suppressed (and enough others that none can
 * be worked out), as a page, CSV or JSON.
 */
@Controller
class OpenDataPages {

	private final Indicators indicators;

	private final Definitions definitions;

	private final PlaceReports reports;

	private final MessageSource messages;

	private final FiguresOfRecord recorded;

	OpenDataPages(Indicators indicators, Definitions definitions, PlaceReports reports, MessageSource messages,
			FiguresOfRecord recorded) {
		this.recorded = recorded;
		this.indicators = indicators;
		this.definitions = definitions;
		this.reports = reports;
		this.messages = messages;
	}

	@GetMapping("/open-data")
	String page(@RequestParam(required = false) String indicator, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String asOf, Model model,
			Locale locale) {
		int schoolYear = year(year);
		FiguresAsOf figures = FiguresAsOf.of(recorded, schoolYear, asOf);
		model.addAttribute("asOf", figures.param());
		model.addAttribute("asOfChoices", reports.asOfChoices(schoolYear, asOf, locale));
		model.addAttribute("figuresStatement", reports.statement(figures, locale));
		List<Definition> catalogue = indicators.catalogue().stream().map(i -> definitions.of(i, locale)).toList();
		model.addAttribute("catalogue", catalogue);
		model.addAttribute("year", schoolYear);
		List<Integer> years = new ArrayList<>(indicators.recentYears());
		Collections.reverse(years);
		model.addAttribute("years", years);
		model.addAttribute("regions",
				reports.regions().stream().map(r -> new UnitGroup.UnitOption(r.code(), r.name().in(locale))).toList());
		model.addAttribute("countryName", reports.unitName(PlaceReports.COUNTRY, locale));
		OrgUnit place = place(unit);
		model.addAttribute("unitCode", place.code());
		model.addAttribute("indicatorCode", indicator);
		if (indicator != null && !indicator.isBlank()) {
			Indicator chosen = indicators.indicator(indicator.strip());
			IndicatorResult children = values(chosen, place, schoolYear, Level.CHILDREN, figures);
			IndicatorResult self = values(chosen, place, schoolYear, Level.SELF, figures);
			List<ReportRow> rows = new ArrayList<>();
			for (IndicatorValue value : children.values()) {
				rows.add(row(value, ReportRow.Role.CHILD, locale));
			}
			model.addAttribute("definition", definitions.of(chosen, locale));
			model.addAttribute("hasDenominator", chosen.unit().hasDenominator());
			model.addAttribute("rows", rows);
			model.addAttribute("total", row(PlaceReports.total(chosen, self), ReportRow.Role.PLACE, locale));
			model.addAttribute("placeName", place.name().in(locale));
			model.addAttribute("country", PlaceReports.COUNTRY.equals(place.code()));
			model.addAttribute("census",
					java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
						.withLocale(locale)
						.format(self.census()));
		}
		return "reports/open-data";
	}

	private static ReportRow row(IndicatorValue value, ReportRow.Role role, Locale locale) {
		return new ReportRow(value.orgUnit(), value.name() == null ? value.orgUnit() : value.name().in(locale), role,
				Figure.of(value.numerator(), locale), Figure.of(value.denominator(), locale),
				Figure.of(value.value(), locale), value.suppressed(), null);
	}

	/** Public values, live or as of a revision of the figures of record. */
	private IndicatorResult values(Indicator indicator, OrgUnit place, int year, Level level, FiguresAsOf figures) {
		return figures.recordOf(year)
				? recorded.values(null, indicator.code(), place.code(), year, level, List.of(), figures.param())
					.result()
				: indicators.values(null, indicator.code(), place.code(), year, level, List.of());
	}

	@GetMapping("/open-data/{id}.json")
	@ResponseBody
	ResponseEntity<OpenData> json(@PathVariable String id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String level,
			@RequestParam(required = false) String asOf) {
		Download download = download(id, year, unit, level, asOf);
		FiguresOfRecord.Revision revision = download.figures().revision();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(download, "json"))
			.body(OpenData.of(download.result(), download.cells(),
					revision == null ? null : new OpenData.Record(revision.revision(),
							revision.frozenAt().atZone(PlaceReports.ZONE).toLocalDate().toString(), revision.reason()),
					messages));
	}

	@GetMapping("/open-data/{id}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String level,
			@RequestParam(required = false) String asOf, Locale locale) {
		Download download = download(id, year, unit, level, asOf);
		FiguresOfRecord.Revision revision = download.figures().revision();
		String revisionNumber = revision == null ? "" : String.valueOf(revision.revision());
		String approvedOn = revision == null ? ""
				: revision.frozenAt().atZone(PlaceReports.ZONE).toLocalDate().toString();
		Indicator indicator = download.result().indicator();
		Definition definition = definitions.of(indicator, locale);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				CsvWriter csv = CsvWriter.builder().build(writer)) {
			csv.writeRecord(header(locale).stream().map(SpreadsheetCells::neutralised).toList());
			String unitLabel = messages.getMessage(definition.unitKey(), null, locale);
			int schoolYear = download.result().year();
			for (IndicatorValue cell : download.cells()) {
				csv.writeRecord(Stream.of(indicator.code(), definition.name(), definition.description(), unitLabel,
						definition.numerator(), definition.denominator() == null ? "" : definition.denominator(),
						schoolYear + "-" + (schoolYear + 1), download.result().census().toString(),
						cell.orgUnit() == null ? "" : cell.orgUnit(), cell.name() == null ? "" : cell.name().in(locale),
						plain(cell.numerator()), plain(cell.denominator()), plain(cell.value()),
						String.valueOf(cell.suppressed()), revisionNumber, approvedOn)
					.map(SpreadsheetCells::neutralised)
					.toList());
			}
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(download, "csv"))
			.body(bytes.toByteArray());
	}

	private List<String> header(Locale locale) {
		List<String> header = new ArrayList<>();
		for (String column : List.of("indicator", "name", "description", "unit", "numeratorDefinition",
				"denominatorDefinition", "schoolYear", "census", "orgUnit", "place", "numerator", "denominator",
				"value", "suppressed", "revision", "approvedOn")) {
			header.add(messages.getMessage("opendata.csv." + column, null, locale));
		}
		return header;
	}

	private static String plain(BigDecimal number) {
		return number == null ? "" : number.toPlainString();
	}

	/** What a download holds: the values asked for, with suppression for the public. */
	private record Download(IndicatorResult result, List<IndicatorValue> cells, FiguresAsOf figures) {
	}

	private Download download(String id, Integer year, String unit, String level, String asOf) {
		Indicator indicator = indicators.indicator(id);
		OrgUnit place = place(unit);
		Level chosen = level == null || level.isBlank() ? Level.CHILDREN : indicators.level(level);
		int schoolYear = year(year);
		FiguresAsOf figures = FiguresAsOf.of(recorded, schoolYear, asOf);
		IndicatorResult result = values(indicator, place, schoolYear, chosen, figures);
		List<IndicatorValue> cells = chosen == Level.SELF ? List.of(PlaceReports.total(indicator, result))
				: result.values();
		return new Download(result, cells, figures);
	}

	private static String disposition(Download download, String extension) {
		IndicatorResult result = download.result();
		return ContentDisposition.attachment()
			.filename(result.indicator().code() + "-" + result.place().code() + "-" + result.year() + "-"
					+ result.level().name().toLowerCase(Locale.ROOT) + "." + extension)
			.build()
			.toString();
	}

	/**
	 * The country, or one of its regions: the places open data gives the values below.
	 */
	private OrgUnit place(String unit) {
		return reports.openUnit(unit).orElseThrow(() -> new NotFoundException("orgUnit", unit));
	}

	private int year(Integer year) {
		int schoolYear = year == null ? indicators.currentYear() : year;
		if (!reports.validYear(schoolYear)) {
			throw new NotFoundException("year", String.valueOf(year));
		}
		return schoolYear;
	}

	@ExceptionHandler(InvalidInputException.class)
	void invalid(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

}
