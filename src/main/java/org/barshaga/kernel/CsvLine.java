package org.barshaga.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one comma-separated line with RFC 4180 quotes, for files the product
 * writes itself (the generator's, the reference data's). Files from outside go through
 * the importer's reader, which also judges encodings, separators and line breaks.
 */
public final class CsvLine {

	private CsvLine() {
	}

	public static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

}
