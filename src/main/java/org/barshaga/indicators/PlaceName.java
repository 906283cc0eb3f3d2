package org.barshaga.indicators;

import org.barshaga.kernel.LocalizedName;

/** A unit or organisation that figures are given for. */
public record PlaceName(String code, String path, LocalizedName name, boolean organisation) {
}
