package org.barshaga.registry;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.NotPermittedException;
import org.barshaga.kernel.Role;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

@Controller
class KatoImportPages {

	private final KatoImport kato;

	private final MessageSource messages;

	private final Clock clock;

	KatoImportPages(KatoImport kato, MessageSource messages, Clock clock) {
		this.kato = kato;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/kato-import")
	String form(Actor actor, Model model) {
		requireAdmin(actor);
		model.addAttribute("effective", LocalDate.now(clock));
		model.addAttribute("errors", FormErrors.NONE);
		return "registry/kato-import";
	}

	@PostMapping("/admin/kato-import")
	String upload(Actor actor, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective,
			@RequestParam(defaultValue = "false") boolean dryRun, Model model, Locale locale,
			HttpServletResponse response) throws IOException {
		requireAdmin(actor);
		LocalDate effectiveDate = effective == null ? LocalDate.now(clock) : effective;
		model.addAttribute("effective", effectiveDate);
		model.addAttribute("changeKinds", KatoImport.ChangeKind.values());
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", FormErrors.message("file", "validation.file.required", messages, locale));
			return "registry/kato-import";
		}
		try (InputStream in = file.getInputStream()) {
			KatoImport.Report report = kato.run(actor, in, effectiveDate, dryRun);
			if (!report.problems().isEmpty()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
			model.addAttribute("report", report);
		}
		model.addAttribute("errors", FormErrors.NONE);
		return "registry/kato-import";
	}

	private static void requireAdmin(Actor actor) {
		if (actor.role() != Role.ADMIN) {
			throw new NotPermittedException("import the KATO classifier");
		}
	}

}
