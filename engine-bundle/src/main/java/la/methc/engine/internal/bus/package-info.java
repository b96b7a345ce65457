/**
 * The audio buses (Methcla's bus protocol): internal buses between synths and the hardware inputs and outputs, each
 * remembering the block it was last written in, and the mapping flags of a synth's ports.
 *
 * <p>Threads (see {@code la.methc.engine.internal}): RT only, but construction.
 */
package la.methc.engine.internal.bus;
