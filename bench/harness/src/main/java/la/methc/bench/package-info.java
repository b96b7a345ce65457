/**
 * The side-by-side benchmark against scsynth and supernova (and the engine alone): the servers it drives, round
 * trips, voices, the dropout figure (voices with no more late blocks than a quiet window), offline renders, control
 * rate and the flood, and the table it writes ({@code bench/compare.sh}); the engine's
 * filter + delay + pan chains under 80% load ({@code bench/chains.sh}), searched as the voices are.
 *
 * <p>Threads: the harness's own, one client at a time; nothing here runs inside a server, but {@code ChainEngine}
 * computes an in-process engine's blocks on the thread that calls it ({@code chain-cost}, the tests).
 */
package la.methc.bench;
