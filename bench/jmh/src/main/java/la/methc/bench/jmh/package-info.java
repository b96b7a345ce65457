/**
 * The JMH micro-benchmarks ({@code bench/jmh.sh}): a voice's block (the sine, the play synth and each palette
 * synth), the engine's block, the queues between threads and the OSC codec, on the engine's classes without Felix.
 *
 * <p>Threads: JMH's; each benchmark says which engine thread its operation stands for.
 */
package la.methc.bench.jmh;
