package org.barshaga.reporting;

import java.util.List;
import java.util.Locale;

import org.barshaga.kernel.SchoolYear;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a notice by e-mail through the SMTP server of {@code spring.mail.*}, once the
 * step it tells of has committed, so that nobody is told of a step that was rolled back.
 * The message carries the three languages, since an account keeps no language of its own.
 * Without a configured server nothing is sent, and the log says so without naming anyone;
 * a server that fails is logged the same way and never undoes the step.
 */
@Component
class Mailer {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Mailer.class);

	private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("kk"), Locale.forLanguageTag("ru"),
			Locale.ENGLISH);

	private final ObjectProvider<JavaMailSender> sender;

	private final MessageSource messages;

	private final String from;

	Mailer(ObjectProvider<JavaMailSender> sender, MessageSource messages,
			@Value("${barshaga.mail.from:barshaga@localhost}") String from) {
		this.sender = sender;
		this.messages = messages;
		this.from = from;
	}

	void sendAfterCommit(List<String> addresses, Notice notice) {
		if (addresses.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send(addresses, notice);
				}
			});
		}
		else {
			send(addresses, notice);
		}
	}

	private void send(List<String> addresses, Notice notice) {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			log.info("E-mail not sent: no SMTP server is configured (spring.mail.host); {} recipient(s) of {}",
					addresses.size(), notice.messageKey());
			return;
		}
		StringBuilder subject = new StringBuilder();
		StringBuilder body = new StringBuilder();
		for (Locale language : LANGUAGES) {
			String text = text(notice, language);
			if (subject.isEmpty()) {
				subject.append(text);
			}
			body.append(text).append('\n');
			if (notice.note() != null) {
				body.append(messages.getMessage("reporting.notice.note", new Object[] { notice.note() }, language))
					.append('\n');
			}
			body.append('\n');
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(addresses.toArray(String[]::new));
		message.setSubject(subject.toString());
		message.setText(body.toString());
		try {
			mail.send(message);
		}
		catch (MailException failed) {
			log.warn("E-mail not sent: the SMTP server refused or did not answer ({}); {} recipient(s) of {}",
					failed.getClass().getSimpleName(), addresses.size(), notice.messageKey());
		}
	}

	private String text(Notice notice, Locale language) {
		return messages.getMessage(notice.messageKey(),
				new Object[] { notice.placeCode(), new SchoolYear(notice.year()).label(), notice.actor() }, language);
	}

}
