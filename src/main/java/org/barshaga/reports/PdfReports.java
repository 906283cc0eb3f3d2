package org.barshaga.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Lays a report out as a PDF on the server: Thymeleaf writes the report as XHTML, and
 * openhtmltopdf sets it in DejaVu Sans, which has every Kazakh and Russian letter, with
 * the charts' SVG drawn by Batik (no scripts, nothing loaded from outside).
 */
@Component
class PdfReports {

	static final String FONT_FAMILY = "DejaVu Sans";

	/** The DejaVu fonts as the jasperreports-fonts jar ships them. */
	static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

	static {
		for (String logger : XRLog.listRegisteredLoggers()) {
			XRLog.setLevel(logger, Level.WARNING);
		}
	}

	private static final Map<String, byte[]> FONT_FILES = new ConcurrentHashMap<>();

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
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
		builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
		builder.useFont(() -> font("DejaVuSans-Oblique.ttf"), FONT_FAMILY, 400, FontStyle.ITALIC, true);
		builder.useSVGDrawer(
				new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE));
		builder.usePdfUaAccessibility(true);
		builder.withProducer("Barshaga");
		builder.withHtmlContent(xhtml(report, locale), null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		return out.toByteArray();
	}

	/** A font file, read from the jar once and kept. */
	private static InputStream font(String file) {
		byte[] font = FONT_FILES.computeIfAbsent(file, name -> {
			try (InputStream in = PdfReports.class.getResourceAsStream(FONTS + name)) {
				if (in == null) {
					throw new IllegalStateException("The font " + name + " is missing from the class path");
				}
				return in.readAllBytes();
			}
			catch (IOException failed) {
				throw new UncheckedIOException(failed);
			}
		});
		return new ByteArrayInputStream(font);
	}

}
