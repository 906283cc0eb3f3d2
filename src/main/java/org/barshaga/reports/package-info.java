/**
 * Reports: the indicator catalogue pages (where administrators add indicators and set
 * targets with the Ministry), the printable report of a region or district with its PDF,
 * and the open data that anyone may read and download, small cells suppressed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "registry", "indicators" })
package org.barshaga.reports;
