package org.barshaga.reports;

import java.util.Locale;

import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.barshaga.kernel.XhtmlPdf;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Lays a report out as a PDF on the server: Thymeleaf writes the report as XHTML, and
 * {@link XhtmlPdf} sets it in DejaVu Sans, which has every Kazakh and Russian letter,
 * with the charts' SVG drawn by Batik (no scripts, nothing loaded from outside).
 */
@Component
class PdfReports {

	static final String FONT_FAMILY = XhtmlPdf.FONT_FAMILY;

	private final ITemplateEngine templates;

	PdfReports(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** The report's XHTML, as the PDF is made from. */
	String xhtml(Report report, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("report", report);
		return templates.process("reports/report-pdf", context);
	}

	byte[] pdf(Report report, Locale locale) {
		return XhtmlPdf.render(xhtml(report, locale),
				builder -> builder.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
						BatikSVGDrawer.SvgExternalResourceMode.SECURE)));
	}

}
