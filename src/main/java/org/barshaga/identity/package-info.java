/**
 * Identity: user accounts bound to one place in the hierarchy and one role, sign-in with
 * throttling and a second factor (TOTP and recovery codes, or passkeys, required per
 * role), sign-in through an OpenID Connect provider where one is configured, personal
 * access tokens for the API, and the security configuration (form login and CSRF for
 * pages, HTTP Basic and tokens for the API, strict headers). It resolves the
 * {@link org.barshaga.kernel.Actor} that every controller receives, so that no other
 * feature needs to know how people sign in. Account management is scoped: a manager sees
 * and changes only accounts inside their own scope, with roles below their own.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "audit", "registry" })
package org.barshaga.identity;
