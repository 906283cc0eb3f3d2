/**
 * The shared kernel: small value types that every feature speaks in.
 * {@link org.barshaga.kernel.DataScope} is the one helper that turns a user's place in
 * the hierarchy into an SQL condition; {@link org.barshaga.kernel.Actor} is who is acting
 * and where; {@link org.barshaga.kernel.LocalizedName} carries a name in Kazakh, Russian
 * and English. The exceptions here are the vocabulary of errors that the web layer turns
 * into pages and problem details. Nothing here knows any feature.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.barshaga.kernel;
