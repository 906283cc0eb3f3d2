package org.barshaga.evidence;

import java.util.List;
import java.util.Optional;

import org.barshaga.kernel.LocalizedName;

/**
 * A codebook: its codes by dimension, the period its tables of publications by year span,
 * and its version, raised by every change.
 */
public record Codebook(String code, LocalizedName name, String source, Integer yearFrom, Integer yearTo, int version,
		List<Code> codes) {

	public List<Code> of(Dimension dimension) {
		return codes.stream().filter(c -> c.dimension() == dimension).toList();
	}

	public Optional<Code> code(String code) {
		return codes.stream().filter(c -> c.code().equals(code)).findFirst();
	}

}
