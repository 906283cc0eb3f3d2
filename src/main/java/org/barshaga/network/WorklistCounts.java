package org.barshaga.network;

/** How long each of a place's worklists is, for the home page. */
public record WorklistCounts(long waiting, long followUpsDue, long toConfirm) {

}
