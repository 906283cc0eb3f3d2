/**
 * The web shell shared by every page: the language (Kazakh, Russian or English, chosen by
 * the switcher, else the browser, else Kazakh), the model every layout needs (who is
 * signed in, the navigation their role allows, links to this page in each language), the
 * home page (with the worklists of the learner register and of the support network), and
 * the translation of errors into pages and RFC 9457 problem details in the user's
 * language, so that no user ever sees a stack trace.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "registry", "learner", "network" })
package org.barshaga.web;
