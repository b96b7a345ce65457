/**
 * The audio buses (Methcla's bus protocol): internal buses between synths and the hardware inputs and outputs, each
 * remembering the block it was last written in and, for a parallel group's block, which of the group's children
 * read and write it (its claim); and the mapping flags of a synth's ports.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): RT only, but construction, and a DSP or render thread that runs
 * a parallel group's child, for the buses only that child writes (and the claims, which RT made before).
 */
package la.methc.engine.internal.bus;
