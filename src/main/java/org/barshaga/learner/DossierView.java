package org.barshaga.learner;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.barshaga.kernel.Coded;
import org.barshaga.kernel.PersonalDataSection;

import org.springframework.context.MessageSource;

/**
 * A child's whole record in the reader's language, as the PDF, the JSON and the archive
 * page show it: every section titled, every column labelled, every code by its label.
 */
record DossierView(String fullName, String iin, String birthDate, String guardian, String requestedOn, String issuedAt,
		String issuedBy, List<Topic> processing, List<Section> sections) {

	/** What the law asks the operator to tell about the processing. */
	static final List<String> TOPICS = List.of("operator", "purpose", "legalBasis", "sources", "recipients",
			"retention", "rights");

	record Topic(String label, String text) {
	}

	record Section(String key, String title, List<String> columns, List<String> labels, List<List<String>> rows) {

		/** The rows as objects keyed by column, for the JSON. */
		List<Map<String, String>> records() {
			List<Map<String, String>> records = new ArrayList<>();
			for (List<String> row : rows) {
				Map<String, String> record = new LinkedHashMap<>();
				for (int i = 0; i < columns.size(); i++) {
					record.put(columns.get(i), row.get(i));
				}
				records.add(record);
			}
			return records;
		}

	}

	static DossierView of(ParentRequests.Dossier dossier, int retentionYears, MessageSource messages, Locale locale) {
		List<Topic> processing = new ArrayList<>();
		for (String topic : TOPICS) {
			processing.add(new Topic(messages.getMessage("personalData.processing." + topic, null, locale), messages
				.getMessage("personalData.processing." + topic + ".text", new Object[] { retentionYears }, locale)));
		}
		List<Section> sections = new ArrayList<>();
		for (PersonalDataSection section : dossier.sections()) {
			List<String> labels = section.columns()
				.stream()
				.map(column -> messages.getMessage("personalData.column." + column, null, column, locale))
				.toList();
			List<List<String>> rows = section.rows()
				.stream()
				.map(row -> row.stream().map(cell -> text(cell, messages, locale)).toList())
				.toList();
			sections.add(new Section(section.key(),
					messages.getMessage("personalData.section." + section.key(), null, section.key(), locale),
					section.columns(), labels, rows));
		}
		return new DossierView(dossier.fullName(), dossier.iin(), text(dossier.birthDate(), messages, locale),
				dossier.guardian(), text(dossier.requestedOn(), messages, locale),
				DateTimeFormatter.ISO_LOCAL_DATE_TIME
					.format(dossier.issuedAt().atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0)) + " UTC",
				dossier.issuedBy(), processing, sections);
	}

	static String text(Object cell, MessageSource messages, Locale locale) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof Coded code) {
			return messages.getMessage(code.messageKey(), null, code.name(), locale);
		}
		if (cell instanceof List<?> list) {
			return String.join(", ", list.stream().map(item -> text(item, messages, locale)).toList());
		}
		if (cell instanceof Boolean bool) {
			return messages.getMessage(bool ? "personalData.yes" : "personalData.no", null, locale);
		}
		if (cell instanceof LocalDate date) {
			return date.toString();
		}
		return cell.toString();
	}

}
