/**
 * The Resource slots and their lifecycle (ADR 0001): the slot pool, the holds each holder has (ADR 0012), the
 * construct, destroy and perform jobs that carry work to the workers and back, and the ResourceDefs bound.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): the pool and the holds are RT only (ADR 0002); the jobs run
 * their {@code perform(Host)} on a worker and their {@code perform(World)} on RT.
 */
package la.methc.engine.internal.resource;
