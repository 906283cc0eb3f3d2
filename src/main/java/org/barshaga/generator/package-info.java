/**
 * The synthetic data generator: deterministic, realistic files of every register in the
 * layouts of the data exchange (organisations, the enrolment extract, learners with SEN
 * and their conclusions, enrolments, sessions, functioning and individual plans, staff,
 * training, the conditions survey and a noisy health-registry extract with its ground
 * truth), for one region, the demo region or the whole country. It needs no database: the
 * administrative units come from the seed file on the classpath, and the figures from the
 * published calibration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "kernel")
package org.barshaga.generator;
