package org.barshaga.quality;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.barshaga.kernel.LocalizedName;
import org.barshaga.kernel.XhtmlPdf;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A version's paper form as a PDF in one language, set from its definition by
 * {@link XhtmlPdf} (DejaVu Sans, so Kazakh and Russian letters show): every item with its
 * code, its options as boxes with the values a clerk keys into the import file, "don't
 * know" and "not applicable" where offered, a condition in words, lines for free text. A
 * form for a round names the round, the school and a blank for the form number; no form
 * carries anything about the person who answers it.
 */
@Component
class PaperForms {

	private final ITemplateEngine templates;

	private final MessageSource messages;

	PaperForms(ITemplateEngine templates, MessageSource messages) {
		this.templates = templates;
		this.messages = messages;
	}

	/** The round and school a form is for; both null on a blank form of the version. */
	record Heading(Long round, String schoolCode, LocalizedName schoolName) {

		static final Heading NONE = new Heading(null, null, null);

	}

	record SectionView(String title, List<ItemView> items) {
	}

	record ItemView(String code, String text, List<OptionView> options, boolean multiple, boolean dontKnow,
			boolean notApplicable, String condition, boolean number, String bounds, boolean freeText) {
	}

	record OptionView(String value, String label) {
	}

	byte[] pdf(InstrumentVersion definition, Heading heading, Locale locale, boolean easy) {
		boolean easyRead = easy && definition.respondent().needsEasyRead();
		Context context = new Context(locale);
		context.setVariable("name", definition.name().in(locale));
		context.setVariable("code", definition.code());
		context.setVariable("version", definition.version());
		context.setVariable("easyRead", easyRead);
		context.setVariable("dontKnowValue", PaperLayout.DK);
		context.setVariable("notApplicableValue", PaperLayout.NA);
		context.setVariable("intro", text(definition.intro(), easyRead, locale));
		context.setVariable("round", heading.round());
		context.setVariable("schoolCode", heading.schoolCode());
		context.setVariable("schoolName", heading.schoolName() == null ? null : heading.schoolName().in(locale));
		context.setVariable("sections",
				definition.sections()
					.stream()
					.map(s -> new SectionView(text(s.title(), easyRead, locale),
							s.items().stream().map(i -> item(definition, i, easyRead, locale)).toList()))
					.toList());
		return XhtmlPdf.render(templates.process("quality/paper-form", context));
	}

	private ItemView item(InstrumentVersion definition, Item item, boolean easyRead, Locale locale) {
		List<OptionView> options = item.options()
			.stream()
			.map(o -> new OptionView(o.value().toPlainString(), text(o.label(), easyRead, locale)))
			.toList();
		String bounds = null;
		if (item.type() == ItemType.NUMBER) {
			bounds = messages.getMessage("quality.paper.numberBounds",
					new Object[] { plain(item.minNumber()), plain(item.maxNumber()) }, locale);
		}
		return new ItemView(item.code(), text(item.text(), easyRead, locale), options, item.type() == ItemType.MULTIPLE,
				item.allowsDontKnow(), item.allowsNotApplicable(), condition(definition, item, easyRead, locale),
				item.type() == ItemType.NUMBER, bounds, item.type() == ItemType.TEXT);
	}

	/**
	 * "Answer only if ..." with the earlier item's code and the labels that show this
	 * one.
	 */
	private String condition(InstrumentVersion definition, Item item, boolean easyRead, Locale locale) {
		if (!item.conditional()) {
			return null;
		}
		Item source = definition.item(item.shownWhenItem()).orElseThrow();
		String answers = item.shownWhenValues()
			.stream()
			.map(value -> source.options()
				.stream()
				.filter(o -> o.value().compareTo(value) == 0)
				.map(o -> "«" + text(o.label(), easyRead, locale) + "» (" + o.value().toPlainString() + ")")
				.findFirst()
				.orElse(value.toPlainString()))
			.collect(Collectors.joining(" / "));
		return messages.getMessage("quality.paper.onlyIf", new Object[] { source.code(), answers }, locale);
	}

	private static String text(Texts texts, boolean easyRead, Locale locale) {
		return easyRead ? texts.easyIn(locale) : texts.in(locale);
	}

	private static String plain(BigDecimal number) {
		return number == null ? "…" : number.toPlainString();
	}

}
