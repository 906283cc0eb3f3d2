package org.barshaga.reconcile;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.barshaga.kernel.Actor;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;
import org.barshaga.kernel.NotFoundException;
import org.barshaga.registry.AdminUnits;
import org.barshaga.registry.Organisations;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review of one child: every record the registers hold of the child, shown as a
 * group, beside the pupil proposed for it; the reviewer confirms or rejects the pupil,
 * and says of each other record whether it names the same child.
 */
@Controller
class ReconcileReview {

	private final Reconciliation reconciliation;

	private final AdminUnits units;

	private final Organisations organisations;

	private final MessageSource messages;

	ReconcileReview(Reconciliation reconciliation, AdminUnits units, Organisations organisations,
			MessageSource messages) {
		this.reconciliation = reconciliation;
		this.units = units;
		this.organisations = organisations;
		this.messages = messages;
	}

	private ReconcileViews views(Locale locale) {
		return new ReconcileViews(units, organisations, messages, locale);
	}

	@GetMapping("/reconcile/runs/{id}/records/{recordId}")
	String review(Actor actor, @PathVariable long id, @PathVariable String recordId,
			@RequestParam(required = false) String register, Model model, Locale locale) {
		return reviewPage(actor, id, source(register), recordId, FormErrors.NONE, model, locale);
	}

	/** The register named in the address; the health registry when none is named. */
	private static RecordSource source(String register) {
		if (register == null || register.isBlank()) {
			return RecordSource.HEALTH;
		}
		RecordSource source = ReconcileDownloads.register(register);
		if (source == null) {
			throw new NotFoundException("reconcile_record", register);
		}
		return source;
	}

	private String reviewPage(Actor actor, long id, RecordSource register, String recordId, FormErrors errors,
			Model model, Locale locale) {
		ReconcileViews views = views(locale);
		Reconciliation.Evidence evidence = reconciliation.evidence(actor, id, register, recordId);
		ResultRepository.ListedResult result = evidence.result();
		model.addAttribute("run", views.run(evidence.run()));
		model.addAttribute("recordId", result.recordId());
		model.addAttribute("childName",
				ReconcileViews.fullName(result.surname(), result.givenName(), result.patronymic()));
		model.addAttribute("outcome", ReconcileViews.OutcomeView.of(result.outcome()));
		model.addAttribute("rows", views.evidence(result, evidence.pupil()));
		model.addAttribute("pupilIin", result.pupilIin());
		model.addAttribute("hasPupil", evidence.pupil() != null);
		model.addAttribute("probability", result.pupilIin() == null ? null : views.percent(result.probability()));
		model.addAttribute("namesSwapped", result.namesSwapped());
		model.addAttribute("settledByDecision", result.decided());
		model.addAttribute("decisionKey",
				evidence.decision() == null ? null : ReconcileViews.decisionKey(evidence.decision()));
		model.addAttribute("errors", errors);
		model.addAttribute("register", result.register().name());
		model.addAttribute("registerLabel", views.text(result.register().messageKey()));
		model.addAttribute("members", evidence.records().stream().map(member -> views.member(member, result)).toList());
		model.addAttribute("group", evidence.records().size() > 1 || result.clusterSize() > 1);
		return "reconcile/review";
	}

	@PostMapping("/reconcile/runs/{id}/records/{recordId}/decision")
	String decide(Actor actor, @PathVariable long id, @PathVariable String recordId,
			@RequestParam(required = false) String register, @RequestParam(required = false) String pupilIin,
			@RequestParam(required = false) String decision, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		RecordSource source = source(register);
		Boolean confirmed = "confirm".equals(decision) ? Boolean.TRUE
				: "reject".equals(decision) ? Boolean.FALSE : null;
		try {
			if (confirmed == null) {
				reconciliation.run(actor, id);
				throw InvalidInputException.of("decision", "reconcile.error.decision");
			}
			reconciliation.decide(actor, id, source, recordId, pupilIin == null ? "" : pupilIin.strip(), confirmed);
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return reviewPage(actor, id, source, recordId, FormErrors.of(invalid, messages, locale), model, locale);
		}
		redirect.addFlashAttribute("notice", confirmed ? "notice.reconcile.confirmed" : "notice.reconcile.rejected");
		return "redirect:/reconcile/runs/" + id + "/children?outcome=" + ReconcileOutcome.UNCERTAIN.name();
	}

	/**
	 * A reviewer says whether another record of the same register names the same child as
	 * this one; the next run groups the two, or keeps them apart, accordingly.
	 */
	@PostMapping("/reconcile/runs/{id}/records/{recordId}/duplicate")
	String decideDuplicate(Actor actor, @PathVariable long id, @PathVariable String recordId,
			@RequestParam(required = false) String register, @RequestParam(required = false) String other,
			@RequestParam(required = false) String decision, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		RecordSource source = source(register);
		Boolean same = "same".equals(decision) ? Boolean.TRUE : "different".equals(decision) ? Boolean.FALSE : null;
		try {
			if (same == null) {
				reconciliation.run(actor, id);
				throw InvalidInputException.of("decision", "reconcile.error.decision");
			}
			reconciliation.decideDuplicate(actor, id, source, recordId, other == null ? "" : other.strip(), same);
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return reviewPage(actor, id, source, recordId, FormErrors.of(invalid, messages, locale), model, locale);
		}
		redirect.addFlashAttribute("notice",
				same ? "notice.reconcile.sameChild" : "notice.reconcile.differentChildren");
		return "redirect:/reconcile/runs/" + id + "/records/" + recordId + "?register=" + source.name();
	}

}
