/**
 * Dashboards: the analytic pages over the indicators. An overview of the user's place
 * with trends, targets and the national value; a comparison of the places below it as
 * ranked bars and, for the regions, a tile map; a drill-down from region to district to
 * school with a disaggregation; focused views of the gaps (reported against measured
 * conditions, recommended against delivered support, staffing, urban against rural); and
 * every table as CSV or XLSX, holding exactly the figures shown.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "registry", "indicators" })
package org.barshaga.dashboard;
