/**
 * The soak test ({@code bench/soak.sh}): lanes of traffic against a running engine for minutes, and the verdict on
 * what it answered, leaked or lost.
 *
 * <p>Threads: one per lane, plus the probe that reads the engine's state.
 */
package la.methc.bench.soak;
