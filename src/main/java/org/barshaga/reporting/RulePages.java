package org.barshaga.reporting;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.indicators.Dimension;
import org.barshaga.indicators.Measure;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.FormField;
import org.barshaga.kernel.FormValues;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.PageForm;
import org.barshaga.kernel.Role;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The validation rules for administrators (who write them) and the Ministry (who reads
 * them): the list, a new rule, and the next version of a rule with its earlier ones.
 */
@Controller
class RulePages {

	private static final String LIST = "/admin/validation-rules";

	private final ValidationRules rules;

	private final MessageSource messages;

	RulePages(ValidationRules rules, MessageSource messages) {
		this.rules = rules;
		this.messages = messages;
	}

	static boolean readsRules(Actor actor) {
		return actor.is(Role.ADMIN) || actor.is(Role.MINISTRY);
	}

	@GetMapping(LIST)
	String list(Actor actor, Model model) {
		requireReader(actor);
		model.addAttribute("rules", rules.all());
		model.addAttribute("canEdit", ValidationRules.canEdit(actor));
		return "reporting/rules";
	}

	@GetMapping(LIST + "/new")
	String newRule(Actor actor, Model model) {
		requireEditor(actor);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("importance", Importance.MEDIUM.name());
		values.add("missing", MissingValues.COUNT_AS_ZERO.name());
		values.add("active", "true");
		values.add("version", "0");
		return form(null, values, FormErrors.NONE, model);
	}

	@PostMapping(LIST)
	String create(Actor actor, @RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		return save(actor, null, submitted, model, locale, response, redirect);
	}

	@GetMapping(LIST + "/{code}")
	String edit(Actor actor, @PathVariable String code, Model model) {
		requireReader(actor);
		ValidationRule rule = rules.rule(code);
		ValidationRule.Version current = rule.current();
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("left", current.left());
		values.add("operator", current.operator().name());
		values.add("right", current.right());
		values.add("importance", current.importance().name());
		values.add("missing", current.missing().name());
		values.add("messageKk", current.message().kk());
		values.add("messageRu", current.message().ru());
		values.add("messageEn", current.message().en());
		values.add("active", String.valueOf(current.active()));
		values.add("version", String.valueOf(current.version()));
		model.addAttribute("canEdit", ValidationRules.canEdit(actor));
		return form(rule, values, FormErrors.NONE, model);
	}

	@PostMapping(LIST + "/{code}")
	String update(Actor actor, @PathVariable String code, @RequestParam MultiValueMap<String, String> submitted,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		return save(actor, rules.rule(code).code(), submitted, model, locale, response, redirect);
	}

	private String save(Actor actor, String code, MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		requireEditor(actor);
		FormValues values = new FormValues(submitted);
		ValidationRule existing = code == null ? null : rules.rule(code);
		try {
			Integer version = values.integer("version");
			values.throwIfAny();
			ValidationRule saved = rules.save(actor, code,
					new RuleDraft(values.text("code"), values.text("left"), values.text("operator"),
							values.text("right"), values.text("importance"), values.text("missing"),
							values.text("messageKk"), values.text("messageRu"), values.text("messageEn"),
							!"false".equals(values.text("active")), version));
			redirect.addFlashAttribute("notice", code == null ? "rules.notice.created" : "rules.notice.versioned");
			return "redirect:" + LIST + "#rule-" + saved.code();
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("canEdit", true);
			return form(existing, submitted, FormErrors.of(invalid, messages, locale), model);
		}
		catch (EditConflictException conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("canEdit", true);
			return form(existing, submitted, FormErrors.message("version", "validation.conflict", messages, locale),
					model);
		}
	}

	private String form(ValidationRule rule, MultiValueMap<String, String> values, FormErrors errors, Model model) {
		List<FormField.Option> active = List.of(new FormField.Option("true", "rules.active.true", null),
				new FormField.Option("false", "rules.active.false", null));
		List<FormField> fields = new java.util.ArrayList<>();
		if (rule == null) {
			fields.add(FormField.text("code", true).hint("rules.hint.code"));
		}
		fields.add(FormField.textarea("left", true).hint("rules.hint.side"));
		fields.add(FormField.select("operator", true, FormField.codes(Operator.class)));
		fields.add(FormField.textarea("right", true).hint("rules.hint.side"));
		fields.add(FormField.radios("importance", true, FormField.codes(Importance.class)));
		fields.add(FormField.radios("missing", true, FormField.codes(MissingValues.class)).hint("rules.hint.missing"));
		fields.add(FormField.textarea("messageKk", true));
		fields.add(FormField.textarea("messageRu", true));
		fields.add(FormField.textarea("messageEn", true));
		fields.add(FormField.radios("active", true, active));
		fields.add(FormField.hidden("version"));
		String action = rule == null ? LIST : LIST + "/" + rule.code();
		PageForm form = new PageForm(rule == null ? "rules.new.title" : "rules.edit.title", "rules.title", LIST,
				rule == null ? null : rule.code(), rule == null ? null : action, action,
				rule == null ? "rules.new.submit" : "rules.edit.submit", LIST, fields, values);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("messages", messages);
		model.addAttribute("rule", rule);
		model.addAttribute("measures", Measure.values());
		model.addAttribute("dimensions", Dimension.values());
		model.addAttribute("operators", Operator.values());
		if (!model.containsAttribute("canEdit")) {
			model.addAttribute("canEdit", true);
		}
		return "reporting/rule-form";
	}

	private static void requireReader(Actor actor) {
		if (!readsRules(actor)) {
			throw new NotPermittedException("read validation rules");
		}
	}

	private static void requireEditor(Actor actor) {
		if (!ValidationRules.canEdit(actor)) {
			throw new NotPermittedException("edit validation rules");
		}
	}

}
