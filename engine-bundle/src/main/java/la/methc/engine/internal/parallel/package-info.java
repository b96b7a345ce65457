/**
 * The engine's parallelism, offline (render threads, ADR 0006) and in real time (DSP threads, ADR 0014): runs of
 * isolated synths spread over the threads, each thread processing its share with a World that only records
 * {@code synthDone}, the outputs mixed in tree order.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): RT and the render or DSP threads, within one block; NRT for
 * construction and close. {@code RunCache} is RT's alone, a {@code WakeTimer} its helper's; {@code ChunkRanges} and
 * {@code Frontier} are shared, lock-free.
 */
package la.methc.engine.internal.parallel;
