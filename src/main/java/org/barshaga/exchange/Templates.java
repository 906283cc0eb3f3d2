package org.barshaga.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Empty files to fill in. The CSV holds only the header, so that it imports as it is; the
 * XLSX adds a sheet that explains each column in Kazakh, Russian and English and a
 * reference sheet of the valid codes with their names.
 */
@Component
class Templates {

	private static final Locale[] LANGUAGES = { Locale.forLanguageTag("kk"), Locale.forLanguageTag("ru"),
			Locale.ENGLISH };

	private final MessageSource messages;

	Templates(MessageSource messages) {
		this.messages = messages;
	}

	void csv(Layout layout, OutputStream out) throws IOException {
		out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		out.write((layout.headerLine() + "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	void xlsx(Layout layout, Locale locale, OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "Barshaga", "1.0");
		List<Column> columns = layout.columns();
		Worksheet data = workbook.newWorksheet(layout.register().fileName());
		for (int c = 0; c < columns.size(); c++) {
			data.value(0, c, columns.get(c).name());
			data.style(0, c).bold().set();
			data.width(c, Math.max(12, columns.get(c).name().length() + 2));
			data.style(c).format("@").set();
		}
		Worksheet described = workbook.newWorksheet(text("exchange.template.columnsSheet", locale));
		String[] heads = { "column", "қазақша", "русский", "English", text("exchange.template.required", locale),
				text("exchange.template.format", locale) };
		for (int c = 0; c < heads.length; c++) {
			described.value(0, c, heads[c]);
			described.style(0, c).bold().set();
		}
		for (int r = 0; r < columns.size(); r++) {
			Column column = columns.get(r);
			described.value(r + 1, 0, column.name());
			for (int l = 0; l < LANGUAGES.length; l++) {
				described.value(r + 1, l + 1, label(column, LANGUAGES[l]));
			}
			described.value(r + 1, 4,
					text(column.required() ? "exchange.template.yes" : "exchange.template.no", locale));
			described.value(r + 1, 5, format(column, locale));
		}
		described.width(0, 22);
		for (int c = 1; c <= 3; c++) {
			described.width(c, 36);
		}
		described.width(5, 60);
		Worksheet codes = workbook.newWorksheet(text("exchange.template.codesSheet", locale));
		String[] codeHeads = { "column", "code", "қазақша", "русский", "English" };
		for (int c = 0; c < codeHeads.length; c++) {
			codes.value(0, c, codeHeads[c]);
			codes.style(0, c).bold().set();
		}
		int row = 1;
		for (Column column : columns) {
			for (String code : column.codes()) {
				codes.value(row, 0, column.name());
				codes.value(row, 1, code);
				for (int l = 0; l < LANGUAGES.length; l++) {
					codes.value(row, l + 2, codeLabel(column, code, LANGUAGES[l]));
				}
				row++;
			}
		}
		codes.width(0, 22);
		codes.width(1, 30);
		for (int c = 2; c <= 4; c++) {
			codes.width(c, 40);
		}
		workbook.finish();
	}

	String label(Column column, Locale locale) {
		return messages.getMessage("exchange.column." + column.name(), null, column.name(), locale);
	}

	String codeLabel(Column column, String code, Locale locale) {
		return column.labelPrefix() == null ? code
				: messages.getMessage(column.labelPrefix() + code, null, code, locale);
	}

	/** What a cell of this column holds, in words. */
	String format(Column column, Locale locale) {
		return switch (column.kind()) {
			case CODE -> text("exchange.format.code", locale);
			case CODES -> text("exchange.format.codes", locale);
			case DATE -> text("exchange.format.date", locale);
			case INTEGER, YEAR -> messages.getMessage("exchange.format.integer",
					new Object[] { column.min().toPlainString(), column.max().toPlainString() }, locale);
			case DECIMAL -> messages.getMessage("exchange.format.decimal",
					new Object[] { column.min().toPlainString(), column.max().toPlainString() }, locale);
			case BOOLEAN -> text("exchange.format.boolean", locale);
			case IIN -> text("exchange.format.iin", locale);
			case DIGITS -> text("exchange.format.digits", locale);
			case SERVICES -> text("exchange.format.services", locale);
			case PLACE_CODE -> text("exchange.format.placeCode", locale);
			case TEXT, NAME, REGISTER_NAME ->
				messages.getMessage("exchange.format.text", new Object[] { column.maxLength() }, locale);
		};
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
