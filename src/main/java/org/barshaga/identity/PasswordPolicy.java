package org.barshaga.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be, after NIST SP 800-63B: long enough, not too long to hash,
 * not the user name, not on the list of common and breached passwords that ships with the
 * application ({@code identity/common-passwords.txt}), and not built from so few
 * characters that it is a pattern ({@code aaaaaaaaaaaa}, twelve spaces). The list is
 * checked on the whole password and on its core: case folded, the usual letter-for-digit
 * swaps undone, and the digits and signs people add at either end removed, so that
 * {@code P@ssw0rd2024!} counts as {@code password}. No composition rules: they make
 * passwords harder to remember, not to guess.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	static final int MIN_DISTINCT = 5;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	/** The message key (and its argument) of the first rule the password breaks. */
	record Problem(String key, Object argument) {
	}

	static Optional<Problem> check(String password, String username) {
		if (password.length() < MIN_LENGTH) {
			return Optional.of(new Problem("validation.password.length", MIN_LENGTH));
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of(new Problem("validation.tooLong", MAX_LENGTH));
		}
		String folded = password.toLowerCase(Locale.ROOT);
		if (username != null && !username.isEmpty() && folded.contains(username)) {
			return Optional.of(new Problem("validation.password.username", null));
		}
		if (folded.codePoints().distinct().count() < MIN_DISTINCT) {
			return Optional.of(new Problem("validation.password.distinct", MIN_DISTINCT));
		}
		if (isCommon(folded)) {
			return Optional.of(new Problem("validation.password.common", null));
		}
		return Optional.empty();
	}

	static boolean isCommon(String folded) {
		String compact = folded.strip();
		if (COMMON.contains(compact)) {
			return true;
		}
		String core = trimEnds(unswap(compact));
		return COMMON.contains(core) || COMMON.contains(trimEnds(compact))
				|| (core.codePoints().distinct().count() < 3 && core.length() < compact.length());
	}

	private static String unswap(String text) {
		StringBuilder plain = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean insideWord = i > 0 && i < text.length() - 1 && Character.isLetter(text.charAt(i - 1));
			plain.append(switch (c) {
				case '@' -> 'a';
				case '$' -> 's';
				case '0' -> insideWord ? 'o' : c;
				case '1' -> insideWord ? 'i' : c;
				case '3' -> insideWord ? 'e' : c;
				case '4' -> insideWord ? 'a' : c;
				case '5' -> insideWord ? 's' : c;
				case '7' -> insideWord ? 't' : c;
				default -> c;
			});
		}
		return plain.toString();
	}

	/** Removes what people add at either end of a word: digits, signs, spaces. */
	private static String trimEnds(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && !Character.isLetter(text.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetter(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("identity/common-passwords.txt is missing");
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				String word = line.strip().toLowerCase(Locale.ROOT);
				if (!word.isEmpty() && !word.startsWith("#")) {
					words.add(word);
				}
			}
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
		return Set.copyOf(words);
	}

}
