package org.barshaga.kernel;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for the codes that name places: organisation codes, administrative unit
 * codes and KATO codes, however they arrive (API, pages, imports, the KATO import, files
 * the generator wrote). A code becomes a segment of a materialised path, so a code that
 * could hold a {@code /}, a control character or a letter outside Latin would let a path
 * say something other than what the code says.
 */
public final class Codes {

	/**
	 * An organisation or unit code as written by people: Latin letters, digits and
	 * hyphens, 2 to 40, starting with a letter or digit. Lower case is raised.
	 */
	private static final Pattern WRITTEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{1,39}");

	private static final Pattern KATO = Pattern.compile("[0-9]{9}");

	private Codes() {
	}

	/**
	 * The code as stored (stripped of surrounding spaces, in capitals), or none when it
	 * is not a valid organisation or unit code.
	 */
	public static Optional<String> place(String written) {
		if (written == null) {
			return Optional.empty();
		}
		String stripped = written.strip();
		return WRITTEN.matcher(stripped).matches() ? Optional.of(stripped.toUpperCase(Locale.ROOT)) : Optional.empty();
	}

	/** Whether a code is valid exactly as given, already in capitals. */
	public static boolean isPlace(String code) {
		return code != null && place(code).filter(code::equals).isPresent();
	}

	/** Whether a KATO code is exactly nine ASCII digits. */
	public static boolean isKato(String code) {
		return code != null && KATO.matcher(code).matches();
	}

}
