/**
 * The side-by-side benchmark against scsynth (and the engine alone): the servers it drives, round trips, voices,
 * offline renders, control rate and the flood, and the table it writes ({@code bench/compare.sh}); the engine's
 * filter + delay + pan chains under 80% load ({@code bench/chains.sh}), searched as the voices are.
 *
 * <p>Threads: the harness's own, one client at a time; nothing here runs inside an engine.
 */
package la.methc.bench;
