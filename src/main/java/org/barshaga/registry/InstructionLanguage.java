package org.barshaga.registry;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Languages of instruction in Kazakhstan's schools. */
public enum InstructionLanguage implements org.barshaga.kernel.Coded {

	KK, RU, UZ, UG, TG, EN;

	public String messageKey() {
		return "language.instruction." + name();
	}

	static String encode(Set<InstructionLanguage> languages) {
		return languages.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	static Set<InstructionLanguage> decode(String stored) {
		EnumSet<InstructionLanguage> languages = EnumSet.noneOf(InstructionLanguage.class);
		Arrays.stream(stored.split(","))
			.filter(s -> !s.isBlank())
			.map(InstructionLanguage::valueOf)
			.forEach(languages::add);
		return languages;
	}

}
