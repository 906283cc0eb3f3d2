package org.barshaga.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.barshaga.kernel.FormErrors;
import org.barshaga.kernel.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The survey as pages, for a phone and without an account: a code opens it, then one
 * question per screen, with "don't know" and "not applicable" where the item offers them,
 * the easy-read wording one link away, no time limit, and a last screen to submit. The
 * session keeps only the code's hash and the answers so far; a personal code also keeps
 * them in the database after every question, so the survey can be left and resumed with
 * the same code.
 */
@Controller
class SurveyPages {

	static final String HASH = "quality.survey.hash";

	static final String ANSWERS = "quality.survey.answers";

	private final Responses responses;

	private final MessageSource messages;

	SurveyPages(Responses responses, MessageSource messages) {
		this.responses = responses;
		this.messages = messages;
	}

	@GetMapping("/survey")
	String start(Model model) {
		model.addAttribute("errors", FormErrors.NONE);
		return "quality/survey-start";
	}

	@PostMapping("/survey")
	String open(@RequestParam(defaultValue = "") String code, HttpSession session, Model model, Locale locale) {
		String hash = SurveyCodes.hash(code);
		try {
			Responses.Opened opened = responses.openHashed(hash, null);
			session.setAttribute(HASH, hash);
			session.setAttribute(ANSWERS, new LinkedHashMap<>(opened.draft()));
			return "redirect:/survey/question?n=0";
		}
		catch (InvalidInputException invalid) {
			model.addAttribute("errors", FormErrors.of(invalid, messages, locale));
			return "quality/survey-start";
		}
	}

	@GetMapping("/survey/question")
	String question(@RequestParam(defaultValue = "0") int n, @RequestParam(defaultValue = "false") boolean easy,
			HttpSession session, Model model, Locale locale) {
		Responses.Opened opened = opened(session);
		if (opened == null) {
			return "redirect:/survey";
		}
		Map<String, Object> answers = answers(session);
		List<Item> items = opened.definition().items();
		int index = SurveyFlow.nextShown(items, answers, Math.max(0, n), 1);
		if (index >= items.size()) {
			return "redirect:/survey/review";
		}
		return page(opened, index, easy, answers, FormErrors.NONE, model, locale);
	}

	@PostMapping("/survey/question")
	String answer(@RequestParam int n, @RequestParam(required = false) List<String> answer,
			@RequestParam(defaultValue = "next") String go, @RequestParam(defaultValue = "false") boolean easy,
			HttpSession session, Model model, Locale locale) {
		Responses.Opened opened = opened(session);
		if (opened == null) {
			return "redirect:/survey";
		}
		List<Item> items = opened.definition().items();
		if (n < 0 || n >= items.size()) {
			return "redirect:/survey/question?n=0";
		}
		Map<String, Object> answers = new LinkedHashMap<>(answers(session));
		Item item = items.get(n);
		try {
			SurveyFlow.put(item, answer, answers);
			SurveyFlow.pruneHidden(items, answers);
			if (opened.kind() == CodeKind.PERSONAL) {
				responses.pauseHashed((String) session.getAttribute(HASH), null, answers);
			}
			else {
				ResponseReader.read(opened.definition(), answers);
			}
		}
		catch (InvalidInputException invalid) {
			return page(opened, n, easy, answers, FormErrors.of(invalid, messages, locale), model, locale);
		}
		session.setAttribute(ANSWERS, answers);
		String suffix = easy ? "&easy=true" : "";
		if ("back".equals(go)) {
			int previous = SurveyFlow.nextShown(items, answers, n - 1, -1);
			return "redirect:/survey/question?n=" + Math.max(0, previous) + suffix;
		}
		if ("pause".equals(go)) {
			return "redirect:/survey/paused";
		}
		int next = SurveyFlow.nextShown(items, answers, n + 1, 1);
		return next >= items.size() ? "redirect:/survey/review" + (easy ? "?easy=true" : "")
				: "redirect:/survey/question?n=" + next + suffix;
	}

	@GetMapping("/survey/review")
	String review(@RequestParam(defaultValue = "false") boolean easy, HttpSession session, Model model, Locale locale) {
		Responses.Opened opened = opened(session);
		if (opened == null) {
			return "redirect:/survey";
		}
		return review(opened, easy, answers(session), FormErrors.NONE, model, locale);
	}

	/**
	 * @param sen a pupil's own answer whether they get help for special educational
	 * needs: "yes", "no", or anything else for not said
	 */
	@PostMapping("/survey/submit")
	String submit(@RequestParam(defaultValue = "false") boolean easy, @RequestParam(defaultValue = "") String sen,
			HttpSession session, Model model, Locale locale) {
		Responses.Opened opened = opened(session);
		if (opened == null) {
			return "redirect:/survey";
		}
		Boolean said = "yes".equals(sen) ? Boolean.TRUE : "no".equals(sen) ? Boolean.FALSE : null;
		try {
			responses.submitHashed((String) session.getAttribute(HASH), null, answers(session), said);
		}
		catch (InvalidInputException invalid) {
			return review(opened, easy, answers(session), FormErrors.of(invalid, messages, locale), model, locale);
		}
		session.removeAttribute(HASH);
		session.removeAttribute(ANSWERS);
		return "redirect:/survey/done";
	}

	@GetMapping("/survey/paused")
	String paused(Model model) {
		model.addAttribute("messageKey", "quality.survey.paused");
		return "quality/survey-end";
	}

	@GetMapping("/survey/done")
	String done(Model model) {
		model.addAttribute("messageKey", "quality.survey.thanks");
		return "quality/survey-end";
	}

	private Responses.Opened opened(HttpSession session) {
		String hash = (String) session.getAttribute(HASH);
		if (hash == null) {
			return null;
		}
		try {
			return responses.openHashed(hash, null);
		}
		catch (InvalidInputException spentOrClosed) {
			session.removeAttribute(HASH);
			session.removeAttribute(ANSWERS);
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> answers(HttpSession session) {
		Object answers = session.getAttribute(ANSWERS);
		return answers == null ? new LinkedHashMap<>() : (Map<String, Object>) answers;
	}

	private String page(Responses.Opened opened, int index, boolean easy, Map<String, Object> answers,
			FormErrors errors, Model model, Locale locale) {
		InstrumentVersion definition = opened.definition();
		boolean easyRead = easy && definition.respondent().needsEasyRead();
		Item item = definition.items().get(index);
		model.addAttribute("name", definition.name().in(locale));
		model.addAttribute("question", SurveyFlow.view(item, answers.get(item.code()), easyRead, locale));
		model.addAttribute("n", index);
		model.addAttribute("position", index + 1);
		model.addAttribute("count", definition.items().size());
		model.addAttribute("easy", easyRead);
		model.addAttribute("hasEasyRead", definition.respondent().needsEasyRead());
		model.addAttribute("personal", opened.kind() == CodeKind.PERSONAL);
		model.addAttribute("errors", errors);
		return "quality/survey-question";
	}

	private String review(Responses.Opened opened, boolean easy, Map<String, Object> answers, FormErrors errors,
			Model model, Locale locale) {
		InstrumentVersion definition = opened.definition();
		List<Item> items = definition.items();
		int last = SurveyFlow.nextShown(items, answers, items.size() - 1, -1);
		model.addAttribute("name", definition.name().in(locale));
		model.addAttribute("answered", answers.size());
		model.addAttribute("back", "/survey/question?n=" + Math.max(0, last) + (easy ? "&easy=true" : ""));
		model.addAttribute("easy", easy);
		model.addAttribute("asksSen", definition.respondent() == Respondent.PUPIL);
		model.addAttribute("errors", errors);
		return "quality/survey-review";
	}

}
