package org.barshaga.exchange;

/** A rejected row as the run page shows it: the rejection and its reason in words. */
public record RejectionLine(Rejection rejection, String reason) {
}
