package org.barshaga.dashboard;

/**
 * A chart drawn by the page's script from its specification; the table beside it holds
 * the same figures.
 *
 * @param label the chart's accessible name
 * @param spec the figures as JSON, read by static/js/dashboard.js
 */
public record Chart(String id, String label, String spec) {
}
