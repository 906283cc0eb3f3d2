package org.barshaga.indicators;

import java.math.BigDecimal;

/** The value an indicator should reach in a school year, for the country or one unit. */
public record Target(String indicator, int year, String unitCode, BigDecimal value) {
}
