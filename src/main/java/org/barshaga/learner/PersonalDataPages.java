package org.barshaga.learner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.FormField;
import org.barshaga.kernel.FormValues;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.PageForm;
import org.barshaga.kernel.Role;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of personal data: a parent's request for the child's record (a PDF or JSON
 * file), and an administrator's reading of an archived record and erasure of a record.
 */
@Controller
class PersonalDataPages {

	private final ParentRequests requests;

	private final Erasures erasures;

	private final Retention retention;

	private final DossierFiles files;

	private final LearnerForms forms;

	private final Clock clock;

	PersonalDataPages(ParentRequests requests, Erasures erasures, Retention retention, DossierFiles files,
			LearnerForms forms, Clock clock) {
		this.requests = requests;
		this.erasures = erasures;
		this.retention = retention;
		this.files = files;
		this.forms = forms;
		this.clock = clock;
	}

	// A parent's request

	@GetMapping("/learners/{id}/parent-request")
	String requestForm(Actor actor, @PathVariable long id, Model model) {
		Learner learner = requests.child(actor, id);
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("requestedOn", LocalDate.now(clock).toString());
		values.add("format", ParentRequests.Format.PDF.name());
		return forms.render(model, requestForm(actor, learner, values), FormErrors.NONE);
	}

	@PostMapping("/learners/{id}/parent-request")
	String request(Actor actor, @PathVariable long id, @RequestParam MultiValueMap<String, String> submitted,
			Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		Learner learner = requests.child(actor, id);
		PageForm form = requestForm(actor, learner, submitted);
		try {
			FormValues values = new FormValues(submitted);
			Long guardian = values.id("guardian");
			LocalDate requestedOn = values.date("requestedOn");
			ParentRequests.Format format = values.code(ParentRequests.Format.class, "format");
			values.throwIfAny();
			ParentRequests.Dossier dossier = requests.export(actor, id, guardian, requestedOn, format);
			boolean pdf = format == ParentRequests.Format.PDF;
			byte[] file = pdf ? files.pdf(dossier, locale) : files.json(dossier, locale);
			response.setContentType(pdf ? "application/pdf" : "application/json");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("learner-" + id + "-" + requestedOn + (pdf ? ".pdf" : ".json"))
						.build()
						.toString());
			response.setContentLength(file.length);
			response.getOutputStream().write(file);
			return null;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return forms.render(model, form, forms.errors(invalid, locale));
		}
	}

	private PageForm requestForm(Actor actor, Learner learner, MultiValueMap<String, String> values) {
		List<FormField.Option> guardians = requests.guardians(actor, learner.id())
			.stream()
			.map(g -> new FormField.Option(String.valueOf(g.id()), null, g.fullName()))
			.toList();
		List<FormField> fields = List.of(
				FormField.select("guardian", true, guardians).hint("personalData.guardian.hint"),
				FormField.date("requestedOn", true),
				FormField.radios("format", true, FormField.codes(ParentRequests.Format.class)));
		return LearnerForms.pageForm("personalData.request", learner, "/learners/" + learner.id() + "/parent-request",
				"personalData.issue", "/learners/" + learner.id(), fields, values);
	}

	// Retention: an archived record, an erasure

	@GetMapping("/admin/archived-learners")
	String archiveForm(Actor actor, Model model) {
		requireAdmin(actor);
		return forms.render(model, archiveForm(new LinkedMultiValueMap<>()), FormErrors.NONE);
	}

	@PostMapping("/admin/archived-learners")
	String readArchived(Actor actor, @RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response) {
		requireAdmin(actor);
		FormValues values = new FormValues(submitted);
		try {
			ParentRequests.Dossier dossier = retention.readArchived(actor, values.text("record"),
					values.text("reason"));
			model.addAttribute("dossier", files.view(dossier, locale));
			model.addAttribute("record", values.text("record").strip());
			return "learner/archived";
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return forms.render(model, archiveForm(submitted), forms.errors(invalid, locale));
		}
	}

	private static PageForm archiveForm(MultiValueMap<String, String> values) {
		return LearnerForms.pageForm("personalData.archive", null, "/admin/archived-learners",
				"personalData.archive.read", "/learners",
				List.of(FormField.text("record", true).hint("personalData.record.hint"),
						FormField.textarea("reason", true).hint("personalData.reason.hint")),
				values);
	}

	@GetMapping("/admin/archived-learners/restore")
	String restoreForm(Actor actor, @RequestParam MultiValueMap<String, String> given, Model model) {
		requireAdmin(actor);
		LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		if (given.getFirst("record") != null) {
			values.add("record", given.getFirst("record"));
		}
		return forms.render(model, restoreForm(values), FormErrors.NONE);
	}

	@PostMapping("/admin/archived-learners/restore")
	String restore(Actor actor, @RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response) {
		requireAdmin(actor);
		FormValues values = new FormValues(submitted);
		try {
			long id = retention.restore(actor, values.text("record"), values.text("reason"));
			return "redirect:/learners/" + id;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return forms.render(model, restoreForm(submitted), forms.errors(invalid, locale));
		}
	}

	private static PageForm restoreForm(MultiValueMap<String, String> values) {
		return LearnerForms.pageForm("personalData.restore", null, "/admin/archived-learners/restore",
				"personalData.restore.do", "/admin/archived-learners",
				List.of(FormField.text("record", true).hint("personalData.record.hint"),
						FormField.textarea("reason", true).hint("personalData.restore.hint")),
				values);
	}

	@GetMapping("/admin/learner-erasure")
	String erasureForm(Actor actor, Model model) {
		requireAdmin(actor);
		return forms.render(model, erasureForm(new LinkedMultiValueMap<>()), FormErrors.NONE);
	}

	@PostMapping("/admin/learner-erasure")
	String erase(Actor actor, @RequestParam MultiValueMap<String, String> submitted, Model model, Locale locale,
			HttpServletResponse response) {
		requireAdmin(actor);
		FormValues values = new FormValues(submitted);
		try {
			ErasureBasis basis = values.code(ErasureBasis.class, "basis");
			values.throwIfAny();
			Erasures.Receipt receipt = erasures.erase(actor,
					new Erasures.Request(values.text("record"), basis, values.text("reason")));
			model.addAttribute("receipt", receipt);
			return "learner/erased";
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return forms.render(model, erasureForm(submitted), forms.errors(invalid, locale));
		}
	}

	private static PageForm erasureForm(MultiValueMap<String, String> values) {
		return LearnerForms.pageForm("personalData.erasure", null, "/admin/learner-erasure", "personalData.erase",
				"/learners",
				List.of(FormField.text("record", true).hint("personalData.record.hint"),
						FormField.select("basis", true, FormField.codes(ErasureBasis.class)),
						FormField.textarea("reason", true).hint("personalData.reason.hint")),
				values);
	}

	private static void requireAdmin(Actor actor) {
		if (actor.role() != Role.ADMIN) {
			throw new NotPermittedException("manage the retention of learner records");
		}
	}

}
