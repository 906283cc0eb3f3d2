package org.barshaga.kernel;

/**
 * A code list whose values are shown to users: each value's label is the message
 * {@code code.<EnumName>.<VALUE>} in the user's language.
 */
public interface Coded {

	String name();

	default String messageKey() {
		return "code." + ((Enum<?>) this).getDeclaringClass().getSimpleName() + "." + name();
	}

}
