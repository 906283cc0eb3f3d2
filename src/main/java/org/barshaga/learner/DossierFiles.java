package org.barshaga.learner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.barshaga.kernel.XhtmlPdf;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a child's whole record as a PDF (Thymeleaf XHTML set by {@link XhtmlPdf} in
 * DejaVu Sans, so Kazakh and Russian letters show) or as JSON, in the reader's language.
 */
@Component
class DossierFiles {

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Retention retention;

	DossierFiles(ITemplateEngine templates, MessageSource messages, JsonMapper json, Retention retention) {
		this.templates = templates;
		this.messages = messages;
		this.json = json;
		this.retention = retention;
	}

	DossierView view(ParentRequests.Dossier dossier, Locale locale) {
		return DossierView.of(dossier, retention.years(), messages, locale);
	}

	byte[] pdf(ParentRequests.Dossier dossier, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("dossier", view(dossier, locale));
		return XhtmlPdf.render(templates.process("learner/dossier-pdf", context));
	}

	byte[] json(ParentRequests.Dossier dossier, Locale locale) {
		DossierView view = view(dossier, locale);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("language", locale.getLanguage());
		document.put("title", messages.getMessage("personalData.title", null, locale));
		Map<String, Object> child = new LinkedHashMap<>();
		child.put("fullName", view.fullName());
		child.put("iin", view.iin());
		child.put("birthDate", view.birthDate());
		document.put("child", child);
		document.put("requestedBy", view.guardian());
		document.put("requestedOn", view.requestedOn());
		document.put("issuedAt", view.issuedAt());
		document.put("issuedBy", view.issuedBy());
		document.put("processing",
				view.processing().stream().map(topic -> Map.of("topic", topic.label(), "text", topic.text())).toList());
		List<Map<String, Object>> sections = view.sections().stream().map(section -> {
			Map<String, Object> part = new LinkedHashMap<>();
			part.put("section", section.key());
			part.put("title", section.title());
			Map<String, String> columns = new LinkedHashMap<>();
			for (int i = 0; i < section.columns().size(); i++) {
				columns.put(section.columns().get(i), section.labels().get(i));
			}
			part.put("columns", columns);
			part.put("rows", section.records());
			return part;
		}).toList();
		document.put("sections", sections);
		return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
	}

}
