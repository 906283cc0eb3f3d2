package org.barshaga.kernel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Sets XHTML as a tagged PDF with openhtmltopdf in DejaVu Sans, which has every Kazakh
 * and Russian letter; the fonts are embedded, so the file reads the same on any computer.
 */
public final class XhtmlPdf {

	public static final String FONT_FAMILY = "DejaVu Sans";

	/** The DejaVu fonts as the jasperreports-fonts jar ships them. */
	static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

	static {
		for (String logger : XRLog.listRegisteredLoggers()) {
			XRLog.setLevel(logger, Level.WARNING);
		}
	}

	private static final Map<String, byte[]> FONT_FILES = new ConcurrentHashMap<>();

	private XhtmlPdf() {
	}

	public static byte[] render(String xhtml) {
		return render(xhtml, builder -> {
		});
	}

	/**
	 * Renders with whatever else the document needs (an SVG drawer) set on the builder.
	 */
	public static byte[] render(String xhtml, Consumer<PdfRendererBuilder> more) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
		builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
		builder.useFont(() -> font("DejaVuSans-Oblique.ttf"), FONT_FAMILY, 400, FontStyle.ITALIC, true);
		builder.usePdfUaAccessibility(true);
		builder.withProducer("Barshaga");
		more.accept(builder);
		builder.withHtmlContent(xhtml, null);
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
			try (InputStream in = XhtmlPdf.class.getResourceAsStream(FONTS + name)) {
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
