package org.barshaga.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Says in the user's language why rows were rejected or a file refused. */
@Component
class Reports {

	private final MessageSource messages;

	Reports(MessageSource messages) {
		this.messages = messages;
	}

	/** A message whose arguments may themselves be message keys (a register's name). */
	String message(String key, Object[] arguments, Locale locale) {
		Object[] resolved = new Object[arguments == null ? 0 : arguments.length];
		for (int i = 0; i < resolved.length; i++) {
			Object argument = arguments[i];
			resolved[i] = argument instanceof String text && text.startsWith("exchange.register.")
					? messages.getMessage(text, null, text, locale) : argument;
		}
		return messages.getMessage(key, resolved, key, locale);
	}

	String reason(Rejection rejection, Locale locale) {
		return message(rejection.reasonKey(), rejection.arguments(), locale);
	}

	String problem(ImportRun run, Locale locale) {
		return run.problemKey() == null ? null : message(run.problemKey(), run.problemArgumentList(), locale);
	}

	/** Every rejected row of a run as CSV: line, column, value, reason. */
	void csv(ImportRuns runs, long runId, Locale locale, OutputStream output) throws IOException {
		Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
		out.write('\uFEFF');
		StringBuilder scratch = new StringBuilder(256);
		Csv.writeRow(out,
				new String[] { messages.getMessage("exchange.report.line", null, locale),
						messages.getMessage("exchange.report.column", null, locale),
						messages.getMessage("exchange.report.value", null, locale),
						messages.getMessage("exchange.report.reason", null, locale) },
				scratch);
		runs.eachRejection(runId, rejection -> {
			try {
				Csv.writeRow(out,
						new String[] { String.valueOf(rejection.line()),
								rejection.column() == null ? "" : rejection.column(),
								rejection.value() == null ? "" : rejection.value(), reason(rejection, locale) },
						scratch);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		out.flush();
	}

}
