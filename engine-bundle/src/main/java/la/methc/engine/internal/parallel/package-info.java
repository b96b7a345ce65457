/**
 * The offline render's parallelism (ADR 0006): runs of isolated synths spread over the render threads, each thread
 * processing its share with a World that only records {@code synthDone}, the outputs mixed in tree order.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): RT and the render threads, within one block.
 */
package la.methc.engine.internal.parallel;
