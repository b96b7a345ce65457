/**
 * The engine's parallelism, offline (render threads, ADR 0006) and in real time (DSP threads, ADR 0014): runs of
 * isolated synths spread over the threads, each thread processing its share with a World that only records
 * {@code synthDone}, the outputs mixed in tree order ({@code ParallelSynths}); and the children of parallel groups
 * run as units on the threads, the writes to buses several children write made in tree order after them
 * ({@code ParallelGroups}). Both go to the engine's one {@code Team} of helpers ({@code methcla-dsp-N} live,
 * {@code methcla-render-N} offline) through its one hand-off, each as a {@code TeamWork}, and both mix from a
 * {@code Frontier} the same way ({@code FrontierMixing}).
 *
 * <p>Threads (see {@code la.methc.engine.internal}): RT and the render or DSP threads, within one block; NRT for
 * construction and close. {@code RunCache} is RT's alone, a {@code WakeTimer} its helper's, a {@code Team}'s
 * generation RT's to write, a {@code DoneRecordingWorld} its thread's (padded onto cache lines of its own, ADR 0022);
 * {@code ChunkRanges} and {@code Frontier} are shared, lock-free.
 */
package la.methc.engine.internal.parallel;
