package org.barshaga.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.SpreadsheetCells;

/**
 * The import layout of a version's paper forms, generated from its definition. The first
 * line names the instrument and version ({@code instrument,PARENT_SEN,version,1}); the
 * second heads the columns: {@code school}, {@code form}, then the item codes in the
 * order of the form; every further line is one paper form. A cell holds a value as
 * printed on the form, {@code DK} or {@code NA}, for a multiple choice the values
 * separated by {@code ;}, for free text the text, or nothing for no answer. Each form is
 * read by the same rules as an online response ({@link ResponseReader}).
 */
final class PaperLayout {

	static final String SCHOOL = "school";

	static final String FORM = "form";

	static final int MAX_FORMS = 5000;

	/** What a clerk keys for "don't know" and "not applicable", as the form prints it. */
	static final String DK = "DK";

	static final String NA = "NA";

	private static final Set<String> DONT_KNOW = Set.of(DK, "DONT_KNOW", "DON'T KNOW", "DONT KNOW");

	private static final Set<String> NOT_APPLICABLE = Set.of(NA, "N/A", "NOT_APPLICABLE", "NOT APPLICABLE");

	/** One paper form, read and checked: its line, school code, and what it answers. */
	record Form(int line, String school, ResponseReader.Read read) {
	}

	private PaperLayout() {
	}

	static List<String> columns(InstrumentVersion definition) {
		List<String> columns = new ArrayList<>(List.of(SCHOOL, FORM));
		definition.items().forEach(item -> columns.add(item.code()));
		return columns;
	}

	/** The empty file a clerk fills in, UTF-8 with a byte-order mark for spreadsheets. */
	static String template(InstrumentVersion definition) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append("instrument,").append(definition.code()).append(",version,").append(definition.version());
		csv.append("\r\n").append(String.join(",", columns(definition))).append("\r\n");
		return csv.toString();
	}

	/**
	 * Reads every form of the file against the version, collecting every problem: a file
	 * for another instrument or version is refused on its first line, naming both.
	 */
	static List<Form> read(InstrumentVersion definition, String text, Set<String> schools,
			List<PaperProblem> problems) {
		List<PaperCsv.Record> records = PaperCsv.read(text);
		if (records.isEmpty() || !versionLine(records.get(0), definition, problems)) {
			return List.of();
		}
		if (records.size() < 2) {
			problems.add(PaperProblem.of(0, null, "quality.paper.noForms"));
			return List.of();
		}
		PaperCsv.Record heading = records.get(1);
		Map<String, Integer> index = headings(definition, heading, problems);
		if (!problems.isEmpty()) {
			return List.of();
		}
		List<Form> forms = new ArrayList<>();
		Map<String, Integer> formNumbers = new HashMap<>();
		for (PaperCsv.Record record : records.subList(2, records.size())) {
			if (record.blank()) {
				continue;
			}
			if (forms.size() >= MAX_FORMS) {
				problems.add(PaperProblem.of(record.line(), null, "quality.paper.tooManyForms", MAX_FORMS));
				break;
			}
			Form form = form(definition, heading, index, record, schools, formNumbers, problems);
			if (form != null) {
				forms.add(form);
			}
		}
		if (forms.isEmpty() && problems.isEmpty()) {
			problems.add(PaperProblem.of(0, null, "quality.paper.noForms"));
		}
		return forms;
	}

	private static boolean versionLine(PaperCsv.Record first, InstrumentVersion definition,
			List<PaperProblem> problems) {
		List<String> cells = first.cells();
		if (cells.size() < 4 || !cells.get(0).strip().equalsIgnoreCase("instrument")
				|| !cells.get(2).strip().equalsIgnoreCase("version")) {
			problems.add(PaperProblem.of(first.line(), null, "quality.paper.noVersionLine", definition.code(),
					definition.version()));
			return false;
		}
		String code = cells.get(1).strip().toUpperCase(Locale.ROOT);
		String version = cells.get(3).strip();
		if (!code.equals(definition.code()) || !version.equals(String.valueOf(definition.version()))) {
			problems.add(PaperProblem.of(first.line(), null, "quality.paper.wrongVersion", code, version,
					definition.code(), definition.version()));
			return false;
		}
		return true;
	}

	private static Map<String, Integer> headings(InstrumentVersion definition, PaperCsv.Record heading,
			List<PaperProblem> problems) {
		Map<String, Integer> index = new LinkedHashMap<>();
		for (int i = 0; i < heading.cells().size(); i++) {
			String name = heading.cells().get(i).strip();
			String known = name.equalsIgnoreCase(SCHOOL) ? SCHOOL : name.equalsIgnoreCase(FORM) ? FORM : name;
			if (name.isEmpty()) {
				continue;
			}
			if (!known.equals(SCHOOL) && !known.equals(FORM) && definition.item(known).isEmpty()) {
				problems.add(PaperProblem.of(heading.line(), column(i, name), "quality.answer.unknownItem", name));
			}
			else if (index.putIfAbsent(known, i) != null) {
				problems.add(PaperProblem.of(heading.line(), column(i, name), "quality.paper.twiceColumn", name));
			}
		}
		if (!index.containsKey(SCHOOL)) {
			problems.add(PaperProblem.of(heading.line(), null, "quality.paper.noSchoolColumn"));
		}
		return index;
	}

	private static Form form(InstrumentVersion definition, PaperCsv.Record heading, Map<String, Integer> index,
			PaperCsv.Record record, Set<String> schools, Map<String, Integer> formNumbers,
			List<PaperProblem> problems) {
		int line = record.line();
		int before = problems.size();
		if (record.cells().size() > heading.cells().size()) {
			problems.add(PaperProblem.of(line, null, "quality.paper.extraCells", heading.cells().size()));
		}
		String school = cell(record, index.get(SCHOOL)).strip();
		if (school.isEmpty()) {
			problems.add(PaperProblem.of(line, column(index.get(SCHOOL), SCHOOL), "quality.paper.noSchool"));
		}
		else if (!schools.contains(school)) {
			problems
				.add(PaperProblem.of(line, column(index.get(SCHOOL), SCHOOL), "quality.paper.foreignSchool", school));
		}
		String number = index.containsKey(FORM) ? cell(record, index.get(FORM)).strip() : "";
		if (!number.isEmpty()) {
			Integer earlier = formNumbers.putIfAbsent(school + "\n" + number, line);
			if (earlier != null) {
				problems.add(PaperProblem.of(line, column(index.get(FORM), FORM), "quality.paper.formTwice", number,
						earlier));
			}
		}
		Map<String, Object> answers = new LinkedHashMap<>();
		index.forEach((code, position) -> {
			String raw = cell(record, position);
			if (code.equals(SCHOOL) || code.equals(FORM) || raw.isBlank()) {
				return;
			}
			Item item = definition.item(code).orElseThrow();
			Object answer = answer(item, raw, line, column(position, code), problems);
			if (answer != null) {
				answers.put(code, answer);
			}
		});
		if (answers.isEmpty() && problems.size() == before) {
			problems.add(PaperProblem.of(line, null, "quality.paper.emptyForm"));
		}
		ResponseReader.Read read = null;
		try {
			read = ResponseReader.read(definition, answers);
		}
		catch (InvalidInputException invalid) {
			invalid.problems().forEach(p -> {
				String code = p.arguments().isEmpty() ? null : String.valueOf(p.arguments().get(0));
				Integer position = index.get(code);
				problems.add(new PaperProblem(line, position == null ? null : column(position, code), p.messageKey(),
						p.arguments()));
			});
		}
		return problems.size() == before ? new Form(line, school, read) : null;
	}

	/** A cell's answer as an online response gives it, or null after adding a problem. */
	private static Object answer(Item item, String raw, int line, String column, List<PaperProblem> problems) {
		if (item.type() == ItemType.TEXT) {
			return SpreadsheetCells.restored(raw.strip());
		}
		String value = raw.strip().toUpperCase(Locale.ROOT);
		if (DONT_KNOW.contains(value)) {
			return AnswerReader.DONT_KNOW;
		}
		if (NOT_APPLICABLE.contains(value)) {
			return AnswerReader.NOT_APPLICABLE;
		}
		if (item.type() == ItemType.MULTIPLE) {
			List<BigDecimal> chosen = new ArrayList<>();
			for (String part : value.split(";")) {
				if (part.isBlank()) {
					continue;
				}
				BigDecimal number = number(part);
				if (number == null) {
					problems.add(PaperProblem.of(line, column, "quality.paper.notANumber", item.code(), part.strip()));
					return null;
				}
				chosen.add(number);
			}
			return chosen;
		}
		BigDecimal number = number(value);
		if (number == null) {
			problems.add(PaperProblem.of(line, column, "quality.paper.notANumber", item.code(), raw.strip()));
		}
		return number;
	}

	/** A number as a clerk keys it, with a point or a decimal comma; null otherwise. */
	private static BigDecimal number(String text) {
		String plain = text.strip().replace(',', '.');
		if (!plain.matches("-?\\d{1,9}(\\.\\d{1,6})?")) {
			return null;
		}
		return new BigDecimal(plain);
	}

	private static String cell(PaperCsv.Record record, int position) {
		return position < record.cells().size() ? record.cells().get(position) : "";
	}

	/** A column as a spreadsheet names it (A, B, ..., AA) with its heading. */
	static String column(int position, String heading) {
		StringBuilder letters = new StringBuilder();
		for (int n = position + 1; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters + " (" + heading + ")";
	}

}
