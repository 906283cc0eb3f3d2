package org.barshaga.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.EditConflictException;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.FormField;
import org.barshaga.kernel.FormValues;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.PageForm;
import org.barshaga.learner.SenCategory;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the bank of practical solutions: search and the user's worklists, the
 * practice's form, and its page with the steps the user may take (attach a file, cite a
 * figure, submit, publish or return, "we tried this"). A refused step shows the page
 * again with the reason in the user's language; nothing is written.
 */
@Controller
class PracticePages {

	private final Practices practices;

	private final MessageSource messages;

	PracticePages(Practices practices, MessageSource messages) {
		this.practices = practices;
		this.messages = messages;
	}

	@GetMapping("/practices")
	String bank(Actor actor, @RequestParam(required = false) String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("found", practices.search(q));
		model.addAttribute("own", practices.own(actor));
		model.addAttribute("toModerate", practices.toModerate(actor));
		model.addAttribute("canWrite", practices.authorPlace(actor).isPresent());
		return "network/practices";
	}

	@GetMapping("/practices/new")
	String form(Actor actor, Model model) {
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("practiceLanguage", org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
		return render(model, practiceForm(actor, "/practices", "practice.new", values), FormErrors.NONE);
	}

	@PostMapping("/practices")
	String create(Actor actor, @RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response) {
		FormValues values = new FormValues(submitted);
		try {
			PracticeDraft draft = draft(values);
			values.throwIfAny();
			return "redirect:/practices/" + practices.create(actor, draft);
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, practiceForm(actor, "/practices", "practice.new", submitted),
					FormErrors.of(invalid, messages, locale));
		}
	}

	@GetMapping("/practices/{id}/edit")
	String edit(Actor actor, @PathVariable long id, Model model) {
		Practice practice = practices.read(actor, id).practice();
		if (!practices.writes(actor, practice) || !practice.status().editable()) {
			throw new NotPermittedException("edit practices");
		}
		PracticeDraft d = practice.text();
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("version", String.valueOf(practice.version()));
		values.add("practiceLanguage", d.language());
		values.add("practiceTitle", d.title());
		values.add("problem", d.problem());
		d.barriers().forEach(b -> values.add("barriers", b.name()));
		d.categories().forEach(c -> values.add("categories", c.name()));
		values.add("whatDone", d.whatDone());
		values.add("forWhom", d.forWhom());
		values.add("staffNeeded", d.staffNeeded());
		values.add("timeNeeded", d.timeNeeded());
		values.add("costNeeded", d.costNeeded());
		values.add("materials", d.materials());
		values.add("results", d.results());
		return render(model, practiceForm(actor, "/practices/" + id + "/edit", "practice.edit", values),
				FormErrors.NONE);
	}

	@PostMapping("/practices/{id}/edit")
	String update(Actor actor, @PathVariable long id, @RequestParam MultiValueMap<String, String> submitted,
			Model model, Locale locale, HttpServletResponse response) {
		FormValues values = new FormValues(submitted);
		try {
			PracticeDraft draft = draft(values);
			Integer version = values.integer("version");
			values.throwIfAny();
			practices.update(actor, id, version == null ? -1 : version, draft);
			return "redirect:/practices/" + id;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, practiceForm(actor, "/practices/" + id + "/edit", "practice.edit", submitted),
					FormErrors.of(invalid, messages, locale));
		}
		catch (EditConflictException conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return render(model, practiceForm(actor, "/practices/" + id + "/edit", "practice.edit", submitted),
					FormErrors.message("version", "validation.conflict", messages, locale));
		}
	}

	@GetMapping("/practices/{id}")
	String practice(Actor actor, @PathVariable long id, Model model) {
		return page(actor, id, new LinkedMultiValueMap<>(), FormErrors.NONE, model);
	}

	@PostMapping("/practices/{id}/files")
	String attach(Actor actor, @PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) MultipartFile file, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(actor, id, new LinkedMultiValueMap<>(), model, locale, response, redirect, () -> {
			if (file == null || file.isEmpty()) {
				throw InvalidInputException.of("file", "validation.practice.file.empty");
			}
			PracticeFiles.checkSize(file.getOriginalFilename(), file.getSize());
			try {
				practices.attach(actor, id, version == null ? -1 : version, file.getOriginalFilename(),
						file.getBytes());
			}
			catch (IOException failed) {
				throw new UncheckedIOException(failed);
			}
		});
	}

	@PostMapping("/practices/{id}/{step:figures|submit|publish|return|tried}")
	String step(Actor actor, @PathVariable long id, @PathVariable String step,
			@RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		FormValues values = new FormValues(submitted);
		return step(actor, id, submitted, model, locale, response, redirect, () -> {
			Integer version = values.integer("version");
			int at = version == null ? -1 : version;
			switch (step) {
				case "figures" -> {
					Integer before = values.integer("yearBefore");
					Integer after = values.integer("yearAfter");
					values.throwIfAny();
					practices.cite(actor, id, at, values.text("indicator"), before, after);
				}
				case "submit" -> practices.submit(actor, id, at);
				case "publish" -> practices.publish(actor, id, at);
				case "return" -> practices.sendBack(actor, id, at, values.text("moderationNote"));
				default -> practices.tried(actor, id, values.text("report"));
			}
		});
	}

	@GetMapping("/practices/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(Actor actor, @PathVariable long id, @PathVariable long fileId) {
		Practice.File info = practices.fileInfo(actor, id, fileId);
		ContentDisposition disposition = (info.picture() ? ContentDisposition.inline()
				: ContentDisposition.attachment())
			.filename(info.name(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(info.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(practices.file(actor, id, fileId));
	}

	private String step(Actor actor, long id, MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/practices/" + id;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(actor, id, submitted, FormErrors.of(invalid, messages, locale), model);
		}
		catch (EditConflictException conflict) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(actor, id, submitted, FormErrors.message("version", "validation.conflict", messages, locale),
					model);
		}
	}

	private String page(Actor actor, long id, MultiValueMap<String, String> values, FormErrors errors, Model model) {
		Practice.Full full = practices.read(actor, id);
		Practice practice = full.practice();
		boolean writes = practices.writes(actor, practice) && practice.status().editable();
		model.addAttribute("full", full);
		model.addAttribute("p", practice);
		model.addAttribute("writes", writes);
		model.addAttribute("moderates",
				practices.moderates(actor, practice) && practice.status() == PracticeStatus.SUBMITTED);
		model.addAttribute("mayTry", practices.trialPlace(actor, practice).isPresent());
		model.addAttribute("citable", Practices.CITABLE);
		model.addAttribute("maxMegabytes", PracticeFiles.MAX_BYTES / (1024 * 1024));
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		return "network/practice";
	}

	private static PracticeDraft draft(FormValues values) {
		return new PracticeDraft(values.text("practiceLanguage"), values.text("practiceTitle"), values.text("problem"),
				values.codes(BarrierGroup.class, "barriers"), values.codes(SenCategory.class, "categories"),
				values.text("whatDone"), values.text("forWhom"), values.text("staffNeeded"), values.text("timeNeeded"),
				values.text("costNeeded"), values.text("materials"), values.text("results"));
	}

	private PageForm practiceForm(Actor actor, String action, String titleKey, MultiValueMap<String, String> values) {
		if (practices.authorPlace(actor).isEmpty()) {
			throw new NotPermittedException("write practices");
		}
		List<FormField.Option> languages = Practices.LANGUAGES.stream()
			.sorted()
			.map(code -> new FormField.Option(code, "practice.language." + code, null))
			.toList();
		return new PageForm(titleKey, "nav.practices", "/practices", null, null, action, "action.save", "/practices",
				List.of(FormField.hidden("version"), FormField.radios("practiceLanguage", true, languages),
						FormField.text("practiceTitle", true),
						FormField.textarea("problem", true).hint("practice.problem.hint"),
						FormField.checkboxes("barriers", true, FormField.codes(BarrierGroup.class)),
						FormField.checkboxes("categories", true, FormField.codes(SenCategory.class)),
						FormField.textarea("whatDone", true),
						FormField.textarea("forWhom", true).hint("practice.forWhom.hint"),
						FormField.textarea("staffNeeded", false), FormField.textarea("timeNeeded", false),
						FormField.textarea("costNeeded", false), FormField.textarea("materials", false),
						FormField.textarea("results", true)),
				values);
	}

	private String render(Model model, PageForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("messages", messages);
		return "form";
	}

}
