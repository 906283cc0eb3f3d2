package org.barshaga.exchange;

/**
 * Something wrong with the file as a whole (encoding, header, type): the import is
 * refused with this message, in the user's language.
 */
class FileProblem extends Exception {

	private final String key;

	private final Object[] arguments;

	FileProblem(String key, Object... arguments) {
		super(key);
		this.key = key;
		this.arguments = arguments;
	}

	String key() {
		return key;
	}

	Object[] arguments() {
		return arguments;
	}

}
