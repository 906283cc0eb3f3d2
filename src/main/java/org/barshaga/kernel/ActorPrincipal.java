package org.barshaga.kernel;

/**
 * A security principal that stands for an {@link Actor}; lets the web shell show who is
 * signed in.
 */
public interface ActorPrincipal {

	Actor actor();

}
