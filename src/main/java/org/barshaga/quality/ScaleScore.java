package org.barshaga.quality;

/**
 * A scale's result for one set of answers: {@code mean} and {@code score} are null when
 * the scale is not valid. Neither is rounded (see docs/quality.md, "Rounding").
 */
public record ScaleScore(int answered, boolean valid, Double mean, Double score) {
}
