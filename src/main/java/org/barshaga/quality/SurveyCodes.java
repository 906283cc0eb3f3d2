package org.barshaga.quality;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Survey codes: twelve characters of Crockford's base-32 alphabet (60 random bits), shown
 * as {@code XXXX-XXXX-XXXX}, and kept only as the SHA-256 hash of their normalised form.
 * A code this long cannot be found by trying hashes, so no salt is needed, and the hash
 * alone is enough to find the code's row when it is typed in.
 */
final class SurveyCodes {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	static final int LENGTH = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private SurveyCodes() {
	}

	static String generate() {
		StringBuilder code = new StringBuilder(LENGTH + 2);
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}

	/**
	 * The code as typed, without spaces and dashes, in capitals, with the letters people
	 * mistake for digits read as those digits; null when it cannot be a code.
	 */
	static String normalise(String typed) {
		if (typed == null) {
			return null;
		}
		StringBuilder code = new StringBuilder(LENGTH);
		for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == '-' || Character.isWhitespace(c)) {
				continue;
			}
			char read = switch (c) {
				case 'O' -> '0';
				case 'I', 'L' -> '1';
				default -> c;
			};
			if (new String(ALPHABET).indexOf(read) < 0) {
				return null;
			}
			code.append(read);
		}
		return code.length() == LENGTH ? code.toString() : null;
	}

	/** The stored form of a code: the hex SHA-256 of its normalised form, or null. */
	static String hash(String typed) {
		String code = normalise(typed);
		if (code == null) {
			return null;
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
